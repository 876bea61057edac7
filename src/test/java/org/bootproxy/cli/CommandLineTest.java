package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bootproxy.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as an operator types them: exit codes, what goes to stdout and stderr. */
class CommandLineTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void helpNamesEveryCommand() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("serve", "render", "lint", "check-upstream");
    }

    @Test
    void serveHelpExplainsEveryFlagWithItsConfigKeyAndDefault() {
        Run r = run("serve", "--help");
        assertThat(r.out()).contains("--http-address", "--tftp-address", "--tftp-root", "--templates", "--hosts",
                "--assets", "--public-url", "--config", "--state-dir", "0.0.0.0:8000", "0.0.0.0:69", "template_url",
                "tftproot");
    }

    @Test
    void renderPrintsWhatTheMacWouldGet() {
        Run r = run("render", "--mac", "52-54-00-00-01-01", "--kind", "provision", "--state-dir", tmp.toString(),
                "--public-url", "http://192.0.2.1:8000");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("web01.example.com").contains("http://192.0.2.1:8000/unattended/built?");
        assertThat(r.err()).contains("host=web01.example.com").contains("template=provision/kickstart");
    }

    @Test
    void renderOfAnUnknownMacSaysWhatTheClientWouldSee() {
        Run r = run("render", "--mac", "52:54:00:ff:ff:ff", "--kind", "iPXE", "--state-dir", tmp.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no host has MAC 52:54:00:ff:ff:ff").contains("404");
    }

    @Test
    void renderRejectsABadKindListingTheAllowedOnes() {
        Run r = run("render", "--mac", "52:54:00:00:01:01", "--kind", "kickstart", "--state-dir", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'kickstart' is not a template kind").contains("provision");
    }

    @Test
    void lintPassesOnTheShippedHostsAndTemplates() {
        Run r = run("lint", "--state-dir", tmp.toString());
        assertThat(r.out()).contains("all ok");
        assertThat(r.code()).isZero();
    }

    @Test
    void lintListsABrokenTemplateWithItsLineAndFails() throws IOException {
        Path templates = tmp.resolve("templates");
        copy(Path.of("templates"), templates);
        Path ks = templates.resolve("provision/kickstart.ftl");
        String text = Files.readString(ks) + "[=host.params.no_such_param]\n";
        Files.writeString(ks, text);
        long line = text.lines().count();
        Run r = run("lint", "--templates", templates.toString(), "--state-dir", tmp.resolve("state").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL").contains("provision/kickstart line " + line).contains("no_such_param");
    }

    @Test
    void aConfigMistakeStopsWithExitCode2NamingTheKey() throws IOException {
        Path cfg = tmp.resolve("bootproxy.yaml");
        Files.writeString(cfg, "ipxe:\n  unknown_machine: shell\n");
        Run r = run("lint", "--config", cfg.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("configuration error").contains("ipxe.unknown_machine").contains("localboot");
    }

    @Test
    void aMissingHostsFolderNamesTheFlag() {
        Run r = run("lint", "--hosts", tmp.resolve("nope").toString(), "--state-dir", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope").contains("--hosts");
    }

    @Test
    void foremanWithoutAUrlStopsWithExitCode2NamingTheKey() throws IOException {
        Path cfg = tmp.resolve("bootproxy.yaml");
        Files.writeString(cfg, "inventory:\n  type: foreman\n");
        Run r = run("check-upstream", "--config", cfg.toString(), "--mac", "52:54:00:aa:00:01");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("configuration error: inventory.foreman.url is not set");
    }

    @Test
    void aCmdbMappingMistakeStopsWithExitCode2NamingTheKey() throws IOException {
        Path cfg = tmp.resolve("bootproxy.yaml");
        Files.writeString(cfg, """
                inventory:
                  type: cmdb
                  cmdb:
                    url: "https://cmdb.example.com/hosts?mac={mac}"
                    mapping: {hostname: /lookup/name}
                """);
        Run r = run("check-upstream", "--config", cfg.toString(), "--mac", "52:54:00:aa:00:01");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("configuration error: inventory.cmdb.mapping: unknown field 'hostname'");
    }

    @Test
    void aMissingTemplatesFolderIsAConfigurationError() {
        Run r = run("lint", "--templates", tmp.resolve("nope").toString(), "--state-dir", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("configuration error: templates folder").contains("nope");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    void serveWithAStateDirItCannotWriteSaysSoInOneLineAndExits2() throws Exception {
        Path notADir = Files.writeString(tmp.resolve("state"), "a file where the state directory should be");
        Run r = run("serve", "--state-dir", notADir.resolve("sub").toString(), "--http-address", "127.0.0.1:0",
                "--tftp-address", "127.0.0.1:0", "--tftp-root", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        // whichever part of serve meets the state folder first (discovery's journal, the build states) says so
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ")
                .startsWith("bootproxy: configuration error: ").contains(notADir.resolve("sub").toString())
                .contains("state_dir");
    }

    @Test
    void serveWhoseBuildStateFolderCannotBeWrittenNamesItAndTheFix() throws Exception {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Files.writeString(state.resolve("build-state"), "a file where the build state folder should be");
        Run r = run("serve", "--state-dir", state.toString(), "--http-address", "127.0.0.1:0",
                "--tftp-address", "127.0.0.1:0", "--tftp-root", tmp.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ")
                .startsWith("bootproxy: configuration error: state_dir: cannot create the build state directory "
                        + state.resolve("build-state"))
                .contains("make it a directory the user running bootproxy can write").contains("state_dir / --state-dir");
    }
}
