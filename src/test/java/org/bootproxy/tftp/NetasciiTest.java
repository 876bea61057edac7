package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetasciiTest {

    @Test
    void lineFeedsBecomeCrLfAndBareCarriageReturnsCrNul() {
        byte[] out = Netascii.encode("a\nb\rc\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(out).containsExactly('a', '\r', '\n', 'b', '\r', 0, 'c', '\r', 0, '\r', '\n');
    }

    @Test
    void otherBytesPassUnchanged() {
        byte[] in = {0, 1, (byte) 0xff, 'x'};
        assertThat(Netascii.encode(in)).containsExactly(in);
    }
}
