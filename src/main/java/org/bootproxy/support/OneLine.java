package org.bootproxy.support;

/**
 * Text made safe for one log line, one event field or one line of an answer: whatever a client or a
 * library put in it, the result holds no line break and nothing a log file, an XML report or a terminal
 * chokes on.
 *
 * <ul>
 *   <li>line breaks and tabs, with the blanks around them, become one space (a multi-line message reads on);</li>
 *   <li>any other control character (C0, DEL, C1), an unpaired surrogate, a noncharacter such as U+FFFF and the
 *       replacement character U+FFFD (what undecodable bytes turn into) become {@code ?};</li>
 *   <li>the ends are trimmed and the text is cut at {@code max} characters, marked with {@code …}.</li>
 * </ul>
 */
public final class OneLine {

    private static final String CUT = "…";

    private OneLine() {
    }

    /** {@code text} on one line, at most {@code max} characters (plus the cut mark); "" for null. */
    public static String of(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, not " + max);
        }
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isBreak(cp)) {
                pendingSpace = out.length() > 0;
                trimTrailingBlanks(out);
                continue;
            }
            if (pendingSpace) {
                if (cp == ' ') {
                    continue;
                }
                out.append(' ');
                pendingSpace = false;
            }
            if (cp == ' ' && out.length() == 0) {
                continue;
            }
            if (isUnsafe(cp)) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
            if (out.length() > max && cp != ' ') {
                break; // enough to know it must be cut
            }
        }
        trimTrailingBlanks(out);
        if (out.length() > max) {
            int cut = Character.isLowSurrogate(out.charAt(max)) ? max - 1 : max;
            out.setLength(cut);
            trimTrailingBlanks(out);
            out.append(CUT);
        }
        return out.toString();
    }

    /** Line breaks and tabs: read as a word gap. */
    private static boolean isBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x0B || cp == '\f'
                || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    /** What must not reach a log line, an event or an XML report as it is. */
    static boolean isUnsafe(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || Character.getType(cp) == Character.SURROGATE // only unpaired ones reach here as one code point
                || cp == 0xFFFD
                || (cp & 0xFFFE) == 0xFFFE // U+xxFFFE and U+xxFFFF in every plane
                || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }

    private static void trimTrailingBlanks(StringBuilder out) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }
}
