package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bootproxy.boot.BootEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server against the clients machines and operators really use.
 * Needs the Debian packages curl, atftp and tftp-hpa (its client {@code /usr/bin/tftp}).
 */
class RealClientsTest {

    /** 33 MiB: 67 584 blocks at blksize 512, so block numbers wrap past 65535 (and it ends with an empty block). */
    static final int OVER_32_MIB = 33 * 1024 * 1024;
    static final String WEB01_CFG = TestBoot.IN_BUILD_CFG;

    @TempDir
    static Path dir;
    static Path root;
    static TftpServer server;

    /** A client and the options it sends. */
    enum Client {
        CURL, CURL_BLKSIZE_1468, ATFTP_BLKSIZE_1468, ATFTP_WINDOWSIZE_8, ATFTP_TSIZE, TFTP_HPA;

        List<String> get(String remote, Path local) {
            String port = Integer.toString(server.port());
            List<String> c = new ArrayList<>();
            switch (this) {
                case CURL, CURL_BLKSIZE_1468 -> {
                    c.addAll(List.of("/usr/bin/curl", "-sS", "--path-as-is", "-o", local.toString()));
                    if (this == CURL_BLKSIZE_1468) {
                        c.addAll(List.of("--tftp-blksize", "1468"));
                    }
                    c.add("tftp://127.0.0.1:" + port + "/" + remote.replace("\\", "%5C"));
                }
                case ATFTP_BLKSIZE_1468, ATFTP_WINDOWSIZE_8, ATFTP_TSIZE -> {
                    c.addAll(List.of("/usr/bin/atftp", "-g", "-r", remote, "-l", local.toString()));
                    c.addAll(List.of("--option", this == ATFTP_BLKSIZE_1468 ? "blksize 1468"
                            : this == ATFTP_WINDOWSIZE_8 ? "windowsize 8" : "tsize 0"));
                    c.addAll(List.of("127.0.0.1", port));
                }
                case TFTP_HPA -> c.addAll(List.of("/usr/bin/tftp", "-m", "binary", "127.0.0.1", port,
                        "-c", "get", remote, local.toString()));
                default -> throw new IllegalStateException();
            }
            return c;
        }
    }

    @BeforeAll
    static void serve() throws Exception {
        ExternalProcess.requireProgram("/usr/bin/curl", "curl");
        ExternalProcess.requireProgram("/usr/bin/atftp", "atftp");
        ExternalProcess.requireProgram("/usr/bin/tftp", "tftp-hpa");
        root = Files.createDirectories(dir.resolve("root"));
        Random random = new Random(42);
        for (int size : new int[] {0, 511, 512, 513, 1024 * 1024, OVER_32_MIB}) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            Files.write(root.resolve("f" + size), b);
        }
        server = new TftpServer(TestBoot.boot(), BootEvents.NONE,
                TftpSettingsBuilder.serving(root).build());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Stream<Arguments> clientsAndSizes() {
        return Stream.of(Client.values()).flatMap(c -> Stream.of(0, 511, 512, 513, 1024 * 1024, OVER_32_MIB)
                .map(size -> Arguments.of(c, size)));
    }

    private static ExternalProcess get(Client client, String remote, Path local) throws Exception {
        return ExternalProcess.run(dir, client.get(remote, local));
    }

    @ParameterizedTest(name = "{0} gets {1} bytes")
    @MethodSource("clientsAndSizes")
    void filesArriveByteExact(Client client, int size) throws Exception {
        Path local = dir.resolve("out-" + client + "-" + size);
        ExternalProcess p = get(client, "f" + size, local);
        assertThat(p.exitCode()).as(p.output()).isZero();
        assertThat(Files.mismatch(local, root.resolve("f" + size))).as("first differing byte").isEqualTo(-1L);
        Files.delete(local);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void perMacFileIsRenderedForTheHost(Client client) throws Exception {
        Path local = dir.resolve("cfg-" + client);
        ExternalProcess p = get(client, WEB01_CFG, local);
        assertThat(p.exitCode()).as(p.output()).isZero();
        assertThat(Files.readString(local)).isEqualTo(TestBoot.boot().tftpFile(WEB01_CFG, "127.0.0.1").orElseThrow().body())
                .contains("web01.example.com");
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void unknownFileIsNotFound(Client client) throws Exception {
        ExternalProcess p = get(client, TestBoot.UNKNOWN_CFG, dir.resolve("nf-" + client));
        assertError(client, p, 1, "File not found");
    }

    static Stream<Arguments> clientsAndEscapes() {
        // curl gets its URL from us, so it can carry every spelling; atftp and tftp-hpa send names verbatim
        return Stream.of(Client.CURL, Client.ATFTP_BLKSIZE_1468, Client.TFTP_HPA).flatMap(c -> Stream.of(
                "../secret", "/../secret", "pxelinux.cfg/../../secret", "..\\secret", "\\..\\..\\etc\\passwd",
                "/tftpboot/../../secret", "escape").map(name -> Arguments.of(c, name)));
    }

    @ParameterizedTest(name = "{0} asks for {1}")
    @MethodSource("clientsAndEscapes")
    void everyTraversalIsAnAccessViolation(Client client, String name) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "not for clients");
        if (!Files.exists(root.resolve("escape"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(root.resolve("escape"), secret);
        }
        Path local = dir.resolve("esc-" + client);
        ExternalProcess p = get(client, name, local);
        assertError(client, p, 2, "Access violation");
        assertThat(!Files.exists(local) || Files.size(local) == 0).as("nothing leaked into " + local).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"curl", "atftp", "tftp"})
    void writeRequestIsRefused(String program) throws Exception {
        Path upload = Files.writeString(dir.resolve("upload-" + program), "DEFAULT evil\n");
        String port = Integer.toString(server.port());
        List<String> cmd = switch (program) {
            case "curl" -> List.of("/usr/bin/curl", "-sS", "-T", upload.toString(), "tftp://127.0.0.1:" + port + "/pxelinux.cfg/default");
            case "atftp" -> List.of("/usr/bin/atftp", "-p", "-l", upload.toString(), "-r", "pxelinux.cfg/default", "127.0.0.1", port);
            default -> List.of("/usr/bin/tftp", "-m", "binary", "127.0.0.1", port, "-c", "put", upload.toString(), "pxelinux.cfg/default");
        };
        ExternalProcess p = ExternalProcess.run(dir, cmd);
        switch (program) {
            case "curl" -> assertThat(p.exitCode()).as(p.output()).isEqualTo(69); // CURLE_TFTP_PERM
            case "atftp" -> assertThat(p.output()).contains("read-only");
            default -> assertThat(p.output()).contains("Error code 2: bootproxy is read-only");
        }
        assertThat(root.resolve("pxelinux.cfg/default")).doesNotExist();
    }

    /** curl: exit 68 (not found) or 69 (permission); atftp: non-zero and the message; tftp-hpa: "Error code N" (it exits 0). */
    private static void assertError(Client client, ExternalProcess p, int code, String message) {
        switch (client) {
            case CURL, CURL_BLKSIZE_1468 -> assertThat(p.exitCode()).as(p.output()).isEqualTo(code == 1 ? 68 : 69);
            case TFTP_HPA -> assertThat(p.output()).contains("Error code " + code + ": " + message);
            default -> {
                assertThat(p.exitCode()).as(p.output()).isNotZero();
                assertThat(p.output()).contains(message);
            }
        }
    }
}
