package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Checks an Ignition config with Ignition's own validator, {@code /usr/bin/ignition-validate} from the Debian
 * package {@code ignition} (.ci/run installs it): the check Fedora CoreOS's first boot applies, so a config it
 * refuses would leave the machine installed without its config.
 */
public final class IgnitionValidate {
    static final Path BINARY = Path.of("/usr/bin/ignition-validate");

    private IgnitionValidate() {
    }

    /** Fails naming Ignition's complaint when the config is not valid. */
    public static void assertValid(String config) {
        assertThat(BINARY).as(BINARY + " is missing: install the Debian package 'ignition' (apt-get install ignition;"
                + " .ci/run does)").isExecutable();
        try {
            Path file = Files.createTempFile("bootproxy-", ".ign");
            try {
                Files.writeString(file, config);
                Process p = new ProcessBuilder(BINARY.toString(), file.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ignition-validate finished").isTrue();
                assertThat(p.exitValue()).as("ignition-validate refused the config:%n%s%n--- config:%n%s", out, config).isZero();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running ignition-validate", e);
        }
    }
}
