package org.bootproxy.tftp;

import java.io.ByteArrayOutputStream;

/**
 * netascii (RFC 1350, Telnet NVT): every LF becomes CR LF and every bare CR becomes CR NUL.
 * Files are converted whole so {@code tsize} can report the converted size; netascii is only ever
 * asked for small text files, and {@link #MAX_SOURCE} bounds the memory one transfer may use.
 */
final class Netascii {

    static final int MAX_SOURCE = 16 * 1024 * 1024;

    private Netascii() {
    }

    static byte[] encode(byte[] local) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(local.length + local.length / 16 + 16);
        for (byte b : local) {
            if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else if (b == '\r') {
                out.write('\r');
                out.write(0);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
