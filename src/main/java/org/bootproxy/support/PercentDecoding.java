package org.bootproxy.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * RFC 3986 percent-decoding, read as UTF-8. Only {@code %XX} escapes are decoded: a {@code +} stays a plus
 * (it means a space only in HTML form bodies, and iPXE's {@code :uristring} and curl send a space as
 * {@code %20}), so QEMU's product "Standard PC (i440FX + PIIX, 1996)" arrives as sent.
 */
public final class PercentDecoding {

    private PercentDecoding() {
    }

    /** The decoded text, or empty when an escape is malformed ({@code %zz}, a {@code %} with fewer than two digits after it). */
    public static Optional<String> decode(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return Optional.of(encoded);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '%') {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < encoded.length()) {
                    end++;
                }
                bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
                continue;
            }
            if (i + 2 >= encoded.length()) {
                return Optional.empty();
            }
            int hi = hex(encoded.charAt(i + 1));
            int lo = hex(encoded.charAt(i + 2));
            if (hi < 0 || lo < 0) {
                return Optional.empty();
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }

    /** An ASCII hex digit's value, or -1 (Character.digit would also take other scripts' digits). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
