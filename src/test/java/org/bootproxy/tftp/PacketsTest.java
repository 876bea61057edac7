package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PacketsTest {

    private static Packets.Packet parse(String wire) {
        byte[] b = wire.getBytes(StandardCharsets.ISO_8859_1);
        return Packets.parse(new DatagramPacket(b, b.length, new InetSocketAddress("127.0.0.1", 1000)));
    }

    @Test
    void readRequestWithOptionsLowerCasesTheirNames() {
        assertThat(parse("\0\1pxelinux.0\0OCTET\0BlkSize\0" + "1408\0TSIZE\0" + "0\0")).isInstanceOfSatisfying(Packets.Request.class, r -> {
            assertThat(r.write()).isFalse();
            assertThat(r.name()).isEqualTo("pxelinux.0");
            assertThat(r.netascii()).isFalse();
            assertThat(r.options()).isEqualTo(Map.of("blksize", "1408", "tsize", "0"));
        });
    }

    @Test
    void nameBytesAboveAsciiArriveUnchanged() {
        assertThat(parse("\0\1pxelinux.0\u00ff\0octet\0")).isInstanceOfSatisfying(Packets.Request.class,
                r -> assertThat(r.nameBytes()).endsWith((byte) 0xff));
    }

    @Test
    void netasciiAndWriteRequestsAreRecognised() {
        assertThat(parse("\0\2up\0netascii\0")).isInstanceOfSatisfying(Packets.Request.class, r -> {
            assertThat(r.write()).isTrue();
            assertThat(r.netascii()).isTrue();
        });
    }

    @Test
    void malformedPacketsAreReportedNotThrown() {
        assertThat(parse("")).isInstanceOf(Packets.Malformed.class);
        assertThat(parse("\0\1x")).isInstanceOf(Packets.Malformed.class);
        assertThat(parse("\0\1file")).isInstanceOf(Packets.Malformed.class);
        assertThat(parse("\0\1file\0octet\0blksize")).isInstanceOf(Packets.Malformed.class);
        assertThat(parse("\0\1file\0octet\0blksize\0")).isInstanceOf(Packets.Malformed.class);
        assertThat(parse("\0\1file\0mail\0")).isInstanceOf(Packets.Malformed.class);
        assertThat(parse("\0\5\0\1")).isInstanceOf(Packets.Malformed.class);
        assertThat(parse("\0\7\0\0")).isInstanceOf(Packets.Malformed.class);
    }

    @Test
    void opcodeHighByteIsNotIgnored() {
        assertThat(parse("\1\1file\0octet\0")).isInstanceOf(Packets.Malformed.class);
        assertThat(parse("\1\4\0\1")).isInstanceOf(Packets.Malformed.class);
    }

    @Test
    void ackAndErrorAreParsed() {
        assertThat(parse("\0\4\u00ff\u00ff")).isEqualTo(new Packets.Ack(65535));
        assertThat(parse("\0\5\0\10User aborted the transfer\0")).isEqualTo(new Packets.Error(8, "User aborted the transfer"));
    }

    @Test
    void errorMessagesAreMadeSafeForOneLogLine() {
        assertThat(parse("\0\5\0\0a\nb\0")).isEqualTo(new Packets.Error(0, "a b"));
        assertThat(parse("\0\5\0\0a\u0007b\u009bc\0")).isEqualTo(new Packets.Error(0, "a?b?c"));
    }

    @Test
    void errorTextIsReadAsBytesNotSignExtended() {
        // Commons Net turns byte 0xFF into U+FFFF, which is not even legal in XML (a FuzzTest report broke on it)
        Packets.Packet p = parse("\0\5\0\0abort\u00ff\u00fe\u00e9\0");
        assertThat(p).isEqualTo(new Packets.Error(0, "abortÿþé"));
        assertThat(((Packets.Error) p).message()).doesNotContain("\uffff", "\ufffe");
    }

    @Test
    void dataAndOackAreNotExpectedFromClients() {
        assertThat(parse("\0\3\0\1abc")).isEqualTo(new Packets.Other(Packets.DATA));
        assertThat(parse("\0\6blksize\0" + "512\0")).isEqualTo(new Packets.Other(Packets.OACK));
    }

    @Test
    void oackIsNameValuePairs() {
        assertThat(new String(Packets.oack(Map.of("blksize", "1468")), StandardCharsets.US_ASCII)).isEqualTo("\0\6blksize\0" + "1468\0");
    }

    @Test
    void dataHeaderWrapsBlockNumbersToZero() {
        byte[] buf = new byte[4];
        Packets.dataHeader(buf, 65536);
        assertThat(buf).containsExactly(0, 3, 0, 0);
        Packets.dataHeader(buf, 65535 + 65536 + 2);
        assertThat(buf).containsExactly(0, 3, 0, 1);
    }
}
