package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.fakes.BrokenInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which bytes a name gets: static root first, then rendered files, else "file not found". */
class TftpFilesServedTest extends ServerHarness {

    private static final String WEB01_CFG = TestBoot.IN_BUILD_CFG;

    private static String rendered(String name) {
        return TestBoot.boot().tftpFile(name, "127.0.0.1").orElseThrow().body();
    }

    private String fetch(String name, String... options) throws Exception {
        try (RawClient c = client()) {
            return new String(c.download(name, options), StandardCharsets.UTF_8);
        }
    }

    private RawClient.Reply firstReply(String name, String... options) throws Exception {
        try (RawClient c = client()) {
            c.rrq(name, options);
            return c.next();
        }
    }

    @Test
    void hostInBuildGetsItsRenderedPxelinuxConfig() throws Exception {
        start();
        String body = fetch(WEB01_CFG);
        assertThat(body).contains("template=pxelinux/chain-ipxe host=web01.example.com");
        assertThat(body).isEqualTo(rendered(WEB01_CFG));
    }

    @Test
    void installedHostGetsLocalBoot() throws Exception {
        start();
        assertThat(fetch(TestBoot.INSTALLED_CFG)).contains("template=pxelinux/localboot host=db01.example.com");
    }

    @Test
    void defaultAndGrubConfigsAreRendered() throws Exception {
        start();
        assertThat(fetch("pxelinux.cfg/default")).contains("template=pxelinux/default host=none");
        assertThat(fetch("/grub2/grub.cfg-01-52-54-00-aa-00-01")).contains("template=grub2/chain-ipxe host=web01.example.com");
        assertThat(fetch("grub2/grub.cfg-52:54:00:aa:00:01")).contains("template=grub2/chain-ipxe host=web01.example.com");
        assertThat(fetch("grub2/grub.cfg")).contains("template=grub2/default");
    }

    @Test
    void renderedFileReportsItsTrueSizeInTsize() throws Exception {
        start();
        RawClient.Reply oack = firstReply(WEB01_CFG, "tsize", "0", "blksize", "1408");
        assertThat(oack.options().get("tsize"))
                .isEqualTo(Integer.toString(rendered(WEB01_CFG).getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void fileInTheStaticRootWinsOverTheRenderedOne() throws Exception {
        Files.createDirectories(root.resolve("pxelinux.cfg"));
        Files.writeString(root.resolve(WEB01_CFG), "DEFAULT pushed-by-foreman\n");
        start();
        assertThat(fetch(WEB01_CFG)).isEqualTo("DEFAULT pushed-by-foreman\n");
        assertThat(eventFor(WEB01_CFG).fields()).containsEntry("source", "static");
    }

    @Test
    void unknownMacIsFileNotFoundSoPxelinuxFallsBackToDefault() throws Exception {
        start();
        RawClient.Reply r = firstReply(TestBoot.UNKNOWN_CFG, "tsize", "0");
        assertThat(r.opcode()).isEqualTo(Packets.ERROR);
        assertThat(r.errorCode()).isEqualTo(1);
        BootEvent e = eventFor(TestBoot.UNKNOWN_CFG);
        assertThat(e.outcome()).isEqualTo("not-found");
        assertThat(e.mac()).isEqualTo("52:54:00:ff:ff:ff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pxelinux.cfg/564d1a2b-3c4d-5e6f-7081-92a3b4c5d6e7", "pxelinux.cfg/7F000001", "pxelinux.cfg/7F0", "pxelinux.cfg/7"})
    void pxelinuxUuidAndIpHexProbesAreNotFound(String name) throws Exception {
        start();
        RawClient.Reply r = firstReply(name);
        assertThat(r.errorCode()).isEqualTo(1);
    }

    @Test
    void templateFailureIsError0AndAnErrorEventNamingTheMac() throws Exception {
        start();
        RawClient.Reply r = firstReply(TestBoot.BROKEN_CFG);
        assertThat(r.opcode()).isEqualTo(Packets.ERROR);
        assertThat(r.errorCode()).isEqualTo(0);
        assertThat(r.message()).contains("template failed");
        BootEvent e = eventFor(TestBoot.BROKEN_CFG);
        assertThat(e.outcome()).isEqualTo("error");
        assertThat(e.mac()).isEqualTo("52:54:00:ee:00:01");
        assertThat(e.fields().get("reason")).contains("pxelinux/broken").contains("kernelcmd");
    }

    @Test
    void inventoryOutageIsError0() throws Exception {
        start(TestBoot.boot(new BrokenInventory()), settings().build());
        RawClient.Reply r = firstReply(WEB01_CFG);
        assertThat(r.errorCode()).isEqualTo(0);
        assertThat(r.message()).contains("inventory unavailable");
        assertThat(eventFor(WEB01_CFG).fields().get("reason")).contains("connection refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret", "/../secret", "pxelinux.cfg/../../secret", "..\\secret", "\\..\\secret",
            "..//secret", "pxelinux.cfg/..\\..\\secret", "escape", "pxe\u0001linux.0"})
    void everyWayOutOfTheRootIsAnAccessViolation(String name) throws Exception {
        Files.writeString(root.getParent().resolve("secret"), "outside");
        Files.createSymbolicLink(root.resolve("escape"), root.getParent().resolve("secret"));
        start();
        RawClient.Reply r = firstReply(name);
        assertThat(r.opcode()).isEqualTo(Packets.ERROR);
        assertThat(r.errorCode()).isEqualTo(2);
    }

    @Test
    void namesWithOldRomJunkOrBackslashesAreServed() throws Exception {
        file("boot/pxelinux.0", 700);
        start();
        try (RawClient c = client()) {
            c.rrq("boot/pxelinux.0\u00ff");
            assertThat(c.next().opcode()).isEqualTo(Packets.DATA);
        }
        assertThat(firstReply("\\boot\\pxelinux.0").opcode()).isEqualTo(Packets.DATA);
        assertThat(firstReply("/boot/pxelinux.0").opcode()).isEqualTo(Packets.DATA);
    }

    @Test
    void eventCarriesClientFileOptionsBytesTimeAndRetransmits() throws Exception {
        byte[] content = file("undionly-ipxe.0", 3000);
        start();
        try (RawClient c = client()) {
            assertThat(c.download("undionly-ipxe.0", "blksize", "1432", "tsize", "0")).isEqualTo(content);
            BootEvent e = eventFor("undionly-ipxe.0");
            assertThat(e.stage()).isEqualTo("tftp");
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.mac()).isEmpty();
            assertThat(e.clientIp()).isEqualTo("127.0.0.1");
            // the count itself is TftpProtocolTest's (a client held back 20 ms on a busy machine gets a copy)
            assertThat(e.fields()).containsEntry("bytes", "3000").containsKey("retransmits")
                    .containsEntry("options", "blksize=1432 tsize=0").containsEntry("oack", "blksize=1432 tsize=3000")
                    .containsEntry("client", "127.0.0.1:" + c.socket.getLocalPort()).containsKey("ms");
        }
    }

    @Test
    void renderedEventNamesTemplateAndHost() throws Exception {
        start();
        fetch(WEB01_CFG);
        assertThat(eventFor(WEB01_CFG).fields()).containsEntry("source", "rendered")
                .containsEntry("template", "pxelinux/chain-ipxe").containsEntry("host", "web01.example.com");
    }

    @Test
    void moreClientsThanTransferSlotsAllGetTheirFile() throws Exception {
        byte[] content = file("undionly-ipxe.0", 70_000);
        start(TestBoot.boot(), settings().maxTransfers(4).maxTransfersPerClient(12).build()); // all on 127.0.0.1
        // 4 run, 4 wait in the queue, 4 are dropped and ask again
        List<Thread> threads = new java.util.ArrayList<>();
        List<byte[]> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 12; i++) {
            Thread t = new Thread(() -> {
                try (RawClient c = client()) {
                    got.add(c.download("undionly-ipxe.0", "blksize", "1468"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(got).hasSize(12).allSatisfy(b -> assertThat(b).isEqualTo(content));
    }
}
