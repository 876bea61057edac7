package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bootproxy.http.HttpExtensions;
import org.bootproxy.http.HttpServer;
import org.bootproxy.http.HttpSettingsBuilder;
import org.bootproxy.support.TempName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TFTP and {@code /httpboot/} serve one folder, the TFTP root, so they must agree on what it serves: the same
 * names asked over real TFTP and over real HTTP get the same verdict. Where a transport has its own way to
 * spell a name (percent-encoding), the row says how each one sends it.
 */
class RootAgreementTest extends ServerHarness {

    enum Verdict { SERVED, NOT_FOUND, REFUSED }

    /**
     * One name.
     *
     * @param tftp  the name as a TFTP client sends it (ISO-8859-1 bytes)
     * @param http  the path after {@code /httpboot/} as an HTTP client sends it
     */
    record Row(String what, String tftp, String http, Verdict expected) {
        static Row same(String what, String name, Verdict expected) {
            return new Row(what, name, name, expected);
        }
    }

    @TempDir
    Path elsewhere;
    HttpServer http;
    String tempFile;

    @BeforeEach
    void fillTheRoot() throws Exception {
        Files.writeString(root.resolve("pxelinux.0"), "loader\n");
        Files.createDirectories(root.resolve("grub2"));
        Files.writeString(root.resolve("grub2/grub.cfg"), "set timeout=5\n");
        Files.writeString(root.resolve(".hidden"), "dot-file\n");
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "[core]\n");
        Files.writeString(root.resolve("grub2/.grub.cfg.part-1f"), "half a file\n");
        tempFile = TempName.fresh("ldlinux.c32").fileName();
        Files.writeString(root.resolve(tempFile), "being written\n");
        Files.createSymbolicLink(root.resolve("undionly.0"), root.resolve("pxelinux.0"));
        Files.writeString(elsewhere.resolve("outside.txt"), "outside\n");
        Files.createSymbolicLink(root.resolve("escape"), elsewhere.resolve("outside.txt"));
        Files.createSymbolicLink(root.resolve("up"), elsewhere);

        start();
        http = new HttpServer(TestBoot.boot(), HttpSettingsBuilder.loopback().httpboot(root).build(), events, Clock.systemUTC(),
                HttpExtensions.NONE);
        http.start();
    }

    @AfterEach
    void stopHttp() {
        if (http != null) {
            http.stop();
        }
    }

    List<Row> table() {
        return List.of(
                Row.same("normal file", "pxelinux.0", Verdict.SERVED),
                Row.same("nested file", "grub2/grub.cfg", Verdict.SERVED),
                Row.same("symlink inside the root", "undionly.0", Verdict.SERVED),
                Row.same("missing file", "nope.txt", Verdict.NOT_FOUND),
                Row.same("a folder", "grub2", Verdict.NOT_FOUND),
                Row.same("dot-file", ".hidden", Verdict.NOT_FOUND),
                Row.same("file in a dot-folder", ".git/config", Verdict.NOT_FOUND),
                Row.same("hidden .part file", "grub2/.grub.cfg.part-1f", Verdict.NOT_FOUND),
                Row.same("file being written (the atomic writer's temp name)", tempFile, Verdict.NOT_FOUND),
                Row.same("'..' escape", "../outside.txt", Verdict.REFUSED),
                Row.same("'..' escape from a folder", "grub2/../../outside.txt", Verdict.REFUSED),
                Row.same("symlink leading out", "escape", Verdict.REFUSED),
                Row.same("symlinked folder leading out", "up/outside.txt", Verdict.REFUSED),
                new Row("encoded traversal", "..\\outside.txt", "%2e%2e/outside.txt", Verdict.REFUSED),
                new Row("encoded traversal in a folder", "grub2\\..\\..\\outside.txt", "grub2/%2E%2E/%2e./outside.txt",
                        Verdict.REFUSED),
                new Row("control character", "pxe\u0007linux.0", "pxe%07linux.0", Verdict.REFUSED),
                new Row("line break", "pxelinux.0\nDEFAULT", "pxelinux.0%0ADEFAULT", Verdict.REFUSED));
    }

    @Test
    void tftpAndHttpbootGiveEveryNameTheSameVerdict() throws Exception {
        for (Row row : table()) {
            Verdict overTftp = overTftp(row.tftp());
            Verdict overHttp = overHttp(row.http());
            assertThat(List.of(overTftp, overHttp)).as(row.what() + " (TFTP, HTTP)")
                    .containsExactly(row.expected(), row.expected());
        }
    }

    private Verdict overTftp(String name) throws Exception {
        try (RawClient c = client()) {
            byte[] got = c.download(name);
            assertThat(got).as("bytes of " + name + " over TFTP").isEqualTo(Files.readAllBytes(root.resolve(name)));
            return Verdict.SERVED;
        } catch (IOException e) {
            Matcher m = Pattern.compile("ERROR (\\d+):").matcher(e.getMessage());
            assertThat(m.find()).as("a TFTP ERROR for " + name + ", not: " + e.getMessage()).isTrue();
            return switch (Integer.parseInt(m.group(1))) {
                case TftpFailure.FILE_NOT_FOUND -> Verdict.NOT_FOUND;
                case TftpFailure.ACCESS_VIOLATION -> Verdict.REFUSED;
                default -> throw new AssertionError("TFTP answered " + name + " with " + e.getMessage());
            };
        }
    }

    private Verdict overHttp(String rawPath) throws IOException {
        String answer;
        try (Socket s = new Socket("127.0.0.1", http.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /httpboot/" + rawPath + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        int status = Integer.parseInt(answer.substring(9, 12));
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(body).as("body of " + rawPath).doesNotContain("<html").doesNotContain("outside\n");
        return switch (status) {
            case 200 -> {
                assertThat(body.getBytes(StandardCharsets.ISO_8859_1)).as("bytes of " + rawPath + " over HTTP")
                        .isEqualTo(Files.readAllBytes(root.resolve(rawPath)));
                yield Verdict.SERVED;
            }
            case 404 -> Verdict.NOT_FOUND;
            case 400, 403 -> Verdict.REFUSED;
            default -> throw new AssertionError("HTTP answered " + rawPath + " with " + answer.lines().findFirst().orElse(""));
        };
    }

    @Test
    void theTableHasNamesOfEveryVerdict() {
        assertThat(table().stream().map(Row::expected).distinct()).containsExactlyInAnyOrder(Verdict.values());
    }
}
