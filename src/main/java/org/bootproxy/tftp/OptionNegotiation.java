package org.bootproxy.tftp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 2347 option negotiation for a read request. Only options the client asked for and we support go
 * into the OACK (pxelinux answers anything else with ERROR 8; EDK2 rejects an OACK with an unrequested
 * option). Unknown options are left out silently; a value outside its RFC's range is refused with ERROR 8.
 *
 * <ul>
 *   <li>{@code blksize} (RFC 2348): 8–65464; the server grants at most its configured maximum.</li>
 *   <li>{@code tsize} (RFC 2349): the client sends 0 and gets the true size of what will be sent
 *       (rendered files and netascii conversion included). Its value is not checked: atftp sends words.
 *       An empty file gets no tsize: curl aborts on {@code tsize 0} in an OACK.</li>
 *   <li>{@code timeout} (RFC 2349): 1–255 seconds, echoed exactly; it caps our retransmission interval.</li>
 *   <li>{@code windowsize} (RFC 7440): 1–65535; the server grants at most its configured maximum.</li>
 * </ul>
 */
final class OptionNegotiation {

    static final int DEFAULT_BLKSIZE = 512;

    /**
     * What was agreed.
     *
     * @param timeoutSeconds the client's timeout, 0 when it sent none
     * @param oack           options to acknowledge, in a fixed order; empty means "no OACK, start with DATA 1"
     */
    record Negotiated(int blksize, int windowsize, int timeoutSeconds, Map<String, String> oack) {
        Negotiated {
            oack = Collections.unmodifiableMap(new LinkedHashMap<>(oack));
        }

        boolean hasOack() {
            return !oack.isEmpty();
        }
    }

    /** A requested option value is invalid: answer ERROR 8. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private OptionNegotiation() {
    }

    static Negotiated negotiate(Map<String, String> requested, long size, int maxBlksize, int maxWindowsize) throws Refused {
        Map<String, String> oack = new LinkedHashMap<>();
        int blksize = DEFAULT_BLKSIZE;
        int windowsize = 1;
        int timeout = 0;
        String b = requested.get("blksize");
        if (b != null) {
            blksize = (int) Math.min(number("blksize", b, 8, 65464), maxBlksize);
            oack.put("blksize", Integer.toString(blksize));
        }
        if (requested.containsKey("tsize") && size > 0) {
            // curl rejects "tsize 0" in an OACK (it takes 0 for "unknown"), so an empty file's OACK leaves it out
            oack.put("tsize", Long.toString(size));
        }
        String t = requested.get("timeout");
        if (t != null) {
            timeout = (int) number("timeout", t, 1, 255);
            oack.put("timeout", Integer.toString(timeout));
        }
        String w = requested.get("windowsize");
        if (w != null) {
            windowsize = (int) Math.min(number("windowsize", w, 1, 65535), maxWindowsize);
            oack.put("windowsize", Integer.toString(windowsize));
        }
        return new Negotiated(blksize, windowsize, timeout, oack);
    }

    private static long number(String option, String value, long min, long max) throws Refused {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refused(option + " must be a number from " + min + " to " + max + ", not '" + Packets.printable(value) + "'");
        }
        long n = value.length() > 9 ? Long.MAX_VALUE : Long.parseLong(value);
        if (n < min || n > max) {
            throw new Refused(option + " must be from " + min + " to " + max + ", not " + Packets.printable(value));
        }
        return n;
    }

    /** {@code blksize=1468 tsize=0}: the options as requested, for logs and events. */
    static String describe(Map<String, String> options) {
        StringBuilder sb = new StringBuilder();
        options.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Packets.printable(k)).append('=').append(Packets.printable(v));
        });
        return sb.toString();
    }
}
