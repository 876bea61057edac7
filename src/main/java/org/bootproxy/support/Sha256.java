package org.bootproxy.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SHA-256 digest, kept as 64 lower-case hex digits: content revisions (a host file, an upstream answer)
 * and short stable suffixes for file names.
 *
 * @param hex the digest in hex
 */
public record Sha256(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Sha256 {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
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

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java SE runtime must provide", e);
        }
    }
}
