package org.bootproxy.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client's name for a file under a root, checked: a list of segments, none empty, {@code .} or {@code ..},
 * none holding a separator, a control character, a noncharacter or undecodable bytes. Whatever the
 * transport, a name is read the same way:
 *
 * <ul>
 *   <li>backslashes are separators (Windows-style TFTP clients), repeated separators and {@code .} segments
 *       are dropped, and a leading separator means "from the root" (pxelinux asks {@code /pxelinux.cfg/…}
 *       or {@code pxelinux.cfg/…} depending on its own path), never the server's {@code /};</li>
 *   <li>a {@code ..} segment is refused, even where it would stay inside the root: no client needs one;</li>
 *   <li>a control character (NUL included), an unpaired surrogate, a noncharacter or bytes that are not UTF-8
 *       are refused (see {@link OneLine} for the set).</li>
 * </ul>
 *
 * @param segments the checked segments, in order; empty for the root itself
 */
public record RootName(List<String> segments) {

    /** A name that breaks the rules; the message says which rule, for the log. */
    public static final class BadName extends Exception {
        public BadName(String reason) {
            super(reason);
        }
    }

    public RootName {
        segments = List.copyOf(segments);
        for (String s : segments) {
            Optional<String> problem = problem(s);
            if (s.isEmpty() || s.equals(".") || s.equals("..") || s.indexOf('/') >= 0 || s.indexOf('\\') >= 0 || problem.isPresent()) {
                throw new IllegalArgumentException("not a name segment: '" + OneLine.of(s, 100) + "'"
                        + problem.map(p -> " (" + p + ")").orElse(""));
            }
        }
    }

    /** The name as a TFTP client sent it: trailing NUL and 0xFF bytes (old PXE ROMs pad with them) dropped, then UTF-8. */
    public static RootName ofTftp(byte[] sent) throws BadName {
        int end = sent.length;
        while (end > 0 && (sent[end - 1] == 0 || sent[end - 1] == (byte) 0xff)) {
            end--;
        }
        return parse(new String(sent, 0, end, StandardCharsets.UTF_8));
    }

    /**
     * The part of a raw request path after its route prefix ({@code /httpboot/}), each segment percent-decoded
     * once. A segment that decodes to a separator ({@code %2F}, {@code %5C}) is refused, as is a malformed escape.
     */
    public static RootName ofUriPath(String rawPath) throws BadName {
        List<String> decoded = new ArrayList<>();
        for (String raw : rawPath.split("/", -1)) {
            String s = PercentDecoding.decode(raw).orElseThrow(() -> new BadName("malformed %-escape in the path"));
            if (s.indexOf('/') >= 0 || s.indexOf('\\') >= 0) {
                throw new BadName("a segment hides a separator (%2F or %5C)");
            }
            decoded.add(s);
        }
        return parse(String.join("/", decoded));
    }

    /** A name in text, read by the rules above; a leading separator means "from the root". */
    public static RootName parse(String text) throws BadName {
        List<String> out = new ArrayList<>();
        for (String segment : text.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new BadName("'..' in the file name");
            }
            Optional<String> problem = problem(segment);
            if (problem.isPresent()) {
                throw new BadName(problem.get());
            }
            out.add(segment);
        }
        return new RootName(out);
    }

    /** Like {@link #parse}, for names that must be relative: a leading separator is refused, as is the root itself. */
    public static RootName parseRelative(String text) throws BadName {
        if (text.startsWith("/") || text.startsWith("\\")) {
            throw new BadName("'" + OneLine.of(text, 100) + "' is absolute; give a name relative to the root");
        }
        RootName name = parse(text);
        if (name.isEmpty()) {
            throw new BadName("the name is empty");
        }
        return name;
    }

    /** True for the root itself (an empty name). */
    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** True when a segment starts with a dot: a dot-file, an editor's swap file, a file being written. */
    public boolean hidden() {
        return segments.stream().anyMatch(s -> s.startsWith("."));
    }

    /** The segments joined by {@code /}; "" for the root. */
    public String path() {
        return String.join("/", segments);
    }

    @Override
    public String toString() {
        return path();
    }

    private static Optional<String> problem(String segment) {
        for (int i = 0; i < segment.length(); ) {
            int cp = segment.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0) {
                return Optional.of("NUL inside the file name");
            }
            if (cp == 0xFFFD) {
                return Optional.of("the file name is not valid UTF-8");
            }
            if (Character.isISOControl(cp) || OneLine.isUnsafe(cp)) {
                return Optional.of("control character or noncharacter in the file name");
            }
        }
        return Optional.empty();
    }
}
