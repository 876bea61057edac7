package org.bootproxy.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The UTF-8 bytes of the answers sent lately, found by the identity of their text. A kept (cached) answer is handed
 * out as the same {@code String} every time, so its bytes are encoded once instead of on every answer (a copy of the
 * whole answer each time, about a tenth of what an answer allocated). Up to {@value #SLOTS} texts of at most
 * {@value #MAX_CHARS} characters are remembered (a few MiB at the very most); a slot holds the last text that fell
 * into it, and a longer text is encoded each time. Without a lock: a slot is replaced whole, text and bytes together.
 * The bytes handed out are shared: they are only ever read.
 */
final class AnswerBytes {
    static final int SLOTS = 64;
    static final int MAX_CHARS = 16 * 1024;

    private record Encoded(String text, byte[] bytes) {
    }

    private final AtomicReferenceArray<Encoded> slots = new AtomicReferenceArray<>(SLOTS);

    byte[] of(String text) {
        if (text.length() > MAX_CHARS) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        int slot = System.identityHashCode(text) & (SLOTS - 1);
        Encoded seen = slots.get(slot);
        if (seen != null && seen.text() == text) {
            return seen.bytes();
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        slots.lazySet(slot, new Encoded(text, bytes));
        return bytes;
    }
}
