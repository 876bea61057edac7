package org.bootproxy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.bootproxy.tftp.ExternalProcess;

/**
 * What bootproxy serves in one end-to-end case, laid out as an operator would: its own host files, a copy of the
 * shipped {@code templates/}, its own build-state folder, and the TFTP root and {@code /pub/} folder all cases
 * share. {@link #serve} is the {@code bootproxy serve} command line for it, run from the packaged jar.
 */
final class Site {
    /** Where the lab's segment reaches bootproxy (pxe-lab's br0 address, Foreman's port). */
    static final String PUBLIC_URL = "http://192.0.2.1:8000";

    private final Path dir;
    private final Path tftpRoot;
    private final Path pub;

    private Site(Path dir, Path tftpRoot, Path pub) {
        this.dir = dir;
        this.tftpRoot = tftpRoot;
        this.pub = pub;
    }

    /** An empty site in {@code dir} (whatever was there is removed) with a copy of the shipped templates. */
    static Site fresh(Path dir, Path tftpRoot, Path pub) {
        deleteTree(dir);
        copyTree(basedir().resolve("templates"), dir.resolve("templates"));
        createDirectories(dir.resolve("hosts"));
        createDirectories(dir.resolve("state"));
        return new Site(dir, tftpRoot, pub);
    }

    /**
     * The same site with a TFTP root of its own, a copy of the shared one in {@code <dir>/tftpboot}: for a case that
     * writes into the root (Foreman's pushes) without changing what the other cases boot.
     */
    Site withOwnTftpRoot() {
        Path own = dir.resolve("tftpboot");
        copyTree(tftpRoot, own);
        return new Site(dir, own, pub);
    }

    Path tftpRoot() {
        return tftpRoot;
    }

    Path pub() {
        return pub;
    }

    /** Writes {@code hosts/<name>.yaml}. */
    Site host(String name, String yaml) {
        try {
            Files.writeString(dir.resolve("hosts").resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes {@code groups/<name>.yaml} (the groups folder beside the hosts folder, serve's default). */
    Site group(String name, String yaml) {
        return write("groups", name, yaml);
    }

    /** Writes {@code profiles/<name>.yaml} (the profiles folder beside the hosts folder, serve's default). */
    Site profile(String name, String yaml) {
        return write("profiles", name, yaml);
    }

    private Site write(String folder, String name, String yaml) {
        try {
            Files.createDirectories(dir.resolve(folder));
            Files.writeString(dir.resolve(folder).resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A host file for an AlmaLinux 9.4 machine with one NIC; {@code more} adds keys (params, templates, medium). */
    static String hostFile(String name, boolean build, String mac, String more) {
        return """
                name: %s
                build: %s
                interfaces:
                  - mac: %s
                os:
                  name: AlmaLinux
                  family: Redhat
                  major: 9
                  minor: 4
                """.formatted(name, build, mac) + more;
    }

    Path dir() {
        return dir;
    }

    /** {@code java -jar target/bootproxy.jar serve …} for this site. */
    List<String> serve(String httpAddress, String tftpAddress, String publicUrl) {
        return List.of(javaBinary(), "-jar", jar().toString(), "serve",
                "--http-address", httpAddress, "--tftp-address", tftpAddress, "--public-url", publicUrl,
                "--tftp-root", tftpRoot.toString(), "--assets", pub.toString(),
                "--hosts", dir.resolve("hosts").toString(), "--templates", dir.resolve("templates").toString(),
                "--state-dir", dir.resolve("state").toString());
    }

    /**
     * The machines bootproxy recorded for this site, as {@code GET /api/machines} lists them: the jar started again on
     * the site's state folder, on loopback (the lab's own run has ended with its network namespace).
     */
    static com.fasterxml.jackson.databind.JsonNode listMachines(Site site) {
        List<String> cmd = new java.util.ArrayList<>(site.serve("127.0.0.1:0", "127.0.0.1:0", "http://127.0.0.1"));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                java.util.regex.Pattern port = java.util.regex.Pattern.compile("HTTP listening on 127\\.0\\.0\\.1:(\\d+) ");
                StringBuilder log = new StringBuilder();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.append(line).append('\n');
                    java.util.regex.Matcher m = port.matcher(line);
                    if (m.find()) {
                        var client = java.net.http.HttpClient.newHttpClient();
                        String body = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://127.0.0.1:" + m.group(1) + "/api/machines")).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("machines");
                    }
                }
                throw new AssertionError("bootproxy did not start on loopback:\n" + log);
            } finally {
                p.destroy();
                p.waitFor();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
    /**
     * Fills the TFTP root the way an operator does: {@code bootproxy bootfiles}, which copies pxelinux.0,
     * ldlinux.c32, ipxe.lkrn, undionly-ipxe.0, ipxe.efi, snponly.efi, ipxe-x64.efi and Debian's signed
     * grub2/shimx64.efi and grub2/grubx64.efi from Debian's packages.
     */
    static void stageBootFiles(Path tftpRoot) {
        createDirectories(tftpRoot);
        try {
            var run = ExternalProcess.run(basedir(), List.of("java", "-jar", jar().toString(), "bootfiles",
                    "--tftp-root", tftpRoot.toString()));
            assertThat(run.exitCode()).as("bootproxy bootfiles failed:%n%s", run.output()).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The checkout (Maven's basedir; failsafe runs the tests there). */
    static Path basedir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    }

    /** The packaged jar: the e2e tests run in Maven's integration-test phase, after package. */
    static Path jar() {
        Path jar = basedir().resolve("target/bootproxy.jar");
        assertThat(jar).as(jar + " is missing: run the end-to-end tests with 'mvn verify', which packages the jar first")
                .isRegularFile();
        return jar;
    }

    /** The java of the JVM running the tests, so bootproxy runs on the same JDK. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void createDirectories(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
