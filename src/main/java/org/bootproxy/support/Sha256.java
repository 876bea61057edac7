package org.bootproxy.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A SHA-256 digest, kept as 64 lower-case hex digits: content revisions (a host file, an upstream answer)
 * and short stable suffixes for file names.
 *
 * @param hex the digest in hex
 */
public record Sha256(String hex) {

    /**
     * Never updated, only cloned: {@code MessageDigest.getInstance} looks its provider up on every call, which
     * 50,000 host files read at start paid once each (and C2 compiled the look-up while they were read).
     */
    private static final MessageDigest PROTOTYPE = newDigest();

    public Sha256 {
        Objects.requireNonNull(hex, "hex");
        if (!isLowerHex(hex)) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 lower-case hex digits, not '" + OneLine.of(hex, 80) + "'");
        }
    }

    /** The digest of {@code bytes}. */
    public static Sha256 of(byte[] bytes) {
        return new Sha256(HexFormat.of().formatHex(digest().digest(bytes)));
    }

    /**
     * The digest of several texts, each UTF-8 and ended by a NUL byte, so {@code ("ab", "c")} and
     * {@code ("a", "bc")} differ; null counts as "".
     */
    public static Sha256 ofParts(String... parts) {
        MessageDigest sha = digest();
        for (String p : parts) {
            sha.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return new Sha256(HexFormat.of().formatHex(sha.digest()));
    }

    /** The first {@code bytes} bytes of the digest in hex (twice as many digits), for short names. */
    public String prefix(int bytes) {
        if (bytes < 1 || bytes > 32) {
            throw new IllegalArgumentException("a SHA-256 prefix is 1 to 32 bytes, not " + bytes);
        }
        return hex.substring(0, 2 * bytes);
    }

    @Override
    public String toString() {
        return hex;
    }

    /** 64 characters, each 0-9 or a-f: a loop, not a regular expression, as every file read at start checks one. */
    private static boolean isLowerHex(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A fresh digest of its own: a clone of the prototype, or a new one when the provider's cannot be cloned. */
    private static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java SE runtime must provide", e);
        }
    }
}
