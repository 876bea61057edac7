package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An error the process should not survive ends `serve` with a non-zero exit status, so systemd's Restart=on-failure
 * starts a fresh one (finding 1: HTTP died and the process lived on). Played in a child JVM ({@link FatalChild}),
 * with the failure injected rather than memory exhausted. {@code tftp}: TFTP runs its transfers on its own threads, so
 * an Error there must not stay in that thread.
 */
class ExitOnFatalErrorTest {

    @ParameterizedTest
    @ValueSource(strings = {"handler", "tftp", "thread"})
    void aFatalErrorEndsTheProcessWithExitStatus70(String where) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FatalChild.class.getName(), where)
                .redirectErrorStream(true).start();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            child.destroyForcibly();
        }
        assertThat(ended).as("the child ended by itself; its output:%n%s", output).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(ExitOnFatalError.STATUS);
        assertThat(output).contains("fatal:").contains("injected").contains("exit status 70").doesNotContain("still running");
        if (where.equals("tftp")) {
            assertThat(output).contains("fatal: TFTP transfer of pxelinux.cfg/01-52-54-00-aa-00-01 for 127.0.0.1:");
        }
    }
}
