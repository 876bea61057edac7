package org.bootproxy.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range of a file (RFC 9110 §14): {@code first} to {@code last} inclusive.
 */
record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*", Pattern.CASE_INSENSITIVE);

    ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad range " + first + "-" + last);
        }
    }

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** What a {@code Range} header asks of a file of {@code size} bytes. */
    sealed interface Request permits Whole, Part, Unsatisfiable {
    }

    /** No (usable) Range header: send the whole file with 200. Several ranges are answered so too. */
    record Whole() implements Request {
    }

    /** Send this part with 206. */
    record Part(ByteRange range) implements Request {
    }

    /** The range lies beyond the end of the file: 416. */
    record Unsatisfiable() implements Request {
    }

    static Request of(String header, long size) {
        if (header == null || header.isBlank()) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches()) {
            // multipart/byteranges or an unknown unit: a server may ignore Range and send it all
            return new Whole();
        }
        Optional<Long> a = number(m.group(1));
        Optional<Long> b = number(m.group(2));
        if (a.isEmpty() && b.isEmpty()) {
            return new Whole();
        }
        if (a.isEmpty()) {
            // suffix range: the last N bytes
            long n = b.get();
            if (n == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(new ByteRange(Math.max(0, size - n), size - 1));
        }
        long first = a.get();
        if (b.isPresent() && b.get() < first) {
            return new Whole(); // syntactically invalid: ignored
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        long last = b.map(x -> Math.min(x, size - 1)).orElse(size - 1);
        return new Part(new ByteRange(first, last));
    }

    private static Optional<Long> number(String digits) {
        if (digits == null || digits.isEmpty()) {
            return Optional.empty();
        }
        if (digits.length() > 18) {
            return Optional.of(Long.MAX_VALUE / 2);
        }
        return Optional.of(Long.parseLong(digits));
    }
}
