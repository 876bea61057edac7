package org.bootproxy.tftp;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPErrorPacket;
import org.apache.commons.net.tftp.TFTPPacket;
import org.apache.commons.net.tftp.TFTPPacketException;
import org.apache.commons.net.tftp.TFTPRequestPacket;
import org.apache.commons.net.tftp.TFTPWriteRequestPacket;
import org.bootproxy.support.OneLine;

/**
 * The TFTP wire format. Incoming packets are parsed by Commons Net behind a guard: its parser ignores the
 * opcode's high byte and throws runtime exceptions on malformed requests, and it sign-extends every byte
 * of a name, an option or an ERROR message into a char (0xFF becomes U+FFFF): {@link #rawBytes} undoes that.
 * Outgoing OACK (which Commons Net lacks) and DATA headers are written here; DATA goes out of a reused
 * buffer so a transfer allocates nothing per block.
 */
final class Packets {

    static final int RRQ = 1;
    static final int WRQ = 2;
    static final int DATA = 3;
    static final int ACK = 4;
    static final int ERROR = 5;
    static final int OACK = 6;

    static final int HEADER = 4;

    /** What arrived, already checked. */
    sealed interface Packet permits Request, Ack, Error, Other, Malformed {
    }

    /**
     * A read or write request.
     *
     * @param nameBytes the file name exactly as sent (the server decodes and cleans it)
     * @param netascii  true for netascii mode, false for octet
     * @param options   option names lower-cased, values as sent (Commons Net keeps the last of duplicates)
     */
    record Request(boolean write, byte[] nameBytes, boolean netascii, Map<String, String> options) implements Packet {
        Request {
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        /** The name as UTF-8 text, for logs; see {@link org.bootproxy.support.RootName#ofTftp} for what is served. */
        String name() {
            return new String(nameBytes, StandardCharsets.UTF_8);
        }
    }

    record Ack(int block) implements Packet {
    }

    record Error(int code, String message) implements Packet {
    }

    /** A well-formed packet of a kind the receiver does not expect here (DATA, OACK). */
    record Other(int opcode) implements Packet {
    }

    record Malformed(String reason) implements Packet {
    }

    private Packets() {
    }

    static Packet parse(DatagramPacket datagram) {
        byte[] d = datagram.getData();
        int off = datagram.getOffset();
        int len = datagram.getLength();
        if (len < HEADER) {
            return new Malformed("shorter than 4 bytes");
        }
        if (d[off] != 0 || d[off + 1] < RRQ || d[off + 1] > OACK) {
            return new Malformed("unknown opcode " + (((d[off] & 0xff) << 8) | (d[off + 1] & 0xff)));
        }
        int opcode = d[off + 1];
        if (opcode == DATA || opcode == OACK) {
            return new Other(opcode);
        }
        if (opcode == ACK) { // the one packet of every block: read here rather than through two allocations
            return new Ack(((d[off + 2] & 0xff) << 8) | (d[off + 3] & 0xff));
        }
        // an exact copy: Commons Net's option parser reads to the end of the buffer, not of the datagram
        DatagramPacket copy = new DatagramPacket(Arrays.copyOfRange(d, off, off + len), len, datagram.getSocketAddress());
        try {
            TFTPPacket p = TFTPPacket.newTFTPPacket(copy);
            if (p instanceof TFTPRequestPacket r) {
                return request(r, p instanceof TFTPWriteRequestPacket);
            }
            if (p instanceof TFTPErrorPacket e) {
                // the text as bytes 0-255, then made safe: a client's 0xFF is ÿ in the log, never U+FFFF
                return new Error(e.getError(), printable(latin1(e.getMessage())));
            }
            return new Other(opcode);
        } catch (TFTPPacketException e) {
            return new Malformed(e.getMessage());
        } catch (RuntimeException e) {
            // Commons Net throws ArrayIndexOutOfBounds on an option name without a value, among others
            return new Malformed("unparseable " + (opcode == RRQ ? "read" : opcode == WRQ ? "write" : "") + " request: " + e);
        }
    }

    private static Request request(TFTPRequestPacket r, boolean write) {
        Map<String, String> options = new LinkedHashMap<>();
        r.getOptions().forEach((k, v) -> options.put(latin1(k).toLowerCase(Locale.ROOT), latin1(v)));
        return new Request(write, rawBytes(r.getFilename()), r.getMode() == TFTP.NETASCII_MODE, options);
    }

    /** Commons Net turns each byte into a char with sign extension: undo it to get the bytes back. */
    private static byte[] rawBytes(String sent) {
        byte[] b = new byte[sent.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) sent.charAt(i);
        }
        return b;
    }

    private static String latin1(String sent) {
        return new String(rawBytes(sent), StandardCharsets.ISO_8859_1);
    }

    /** Client text for a log line, an event or an ERROR packet: {@link OneLine}, at most 100 characters. */
    static String printable(String s) {
        return OneLine.of(s, 100);
    }

    /** Writes the DATA header for {@code block} (taken modulo 65536: block numbers wrap to 0). */
    static void dataHeader(byte[] buf, long block) {
        buf[0] = 0;
        buf[1] = DATA;
        buf[2] = (byte) (block >>> 8);
        buf[3] = (byte) block;
    }

    static byte[] oack(Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(OACK);
        options.forEach((k, v) -> {
            out.writeBytes(k.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeBytes(v.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        });
        return out.toByteArray();
    }

    static DatagramPacket error(InetSocketAddress to, int code, String message) {
        return new TFTPErrorPacket(to.getAddress(), to.getPort(), code, message).newDatagram();
    }
}
