package org.bootproxy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.bootproxy.config.Overrides;
import org.bootproxy.config.BootproxyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bootproxy reload}: checks the configuration, then has the running {@code serve} re-read it (SIGHUP) and
 * waits for its answer. The unit's {@code ExecReload=}, so {@code systemctl reload bootproxy} fails, naming the
 * mistake, when the new configuration is refused.
 */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = {"Check the configuration, then make the running 'bootproxy serve' re-read it (it gets SIGHUP) and"
                + " print what it applied, what needs a restart, or why it refused the new configuration and kept the old"
                + " one. The server is found by <state_dir>/bootproxy.pid (or --pid).",
            "Exit codes: 0 applied, 1 refused or no answer, 2 the configuration does not load (the server was not asked)."})
final class ReloadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--pid", paramLabel = "PID",
            description = "Process to reload (systemd passes $MAINPID). Default: the one in <state_dir>/bootproxy.pid")
    Long pid;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the server's answer (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the same checks serve makes: a mistake is reported here and the server is not disturbed
        BootproxyConfig s = common.resolve(Overrides.NONE);
        Components.parts(s, org.bootproxy.boot.InventoryObserver.NONE).release();
        RunFiles run = new RunFiles(s.stateDir());
        OptionalLong target = pid != null ? OptionalLong.of(pid) : run.pid();
        if (target.isEmpty()) {
            err.println("bootproxy reload: no running bootproxy found: " + run.pidFile() + " does not exist (start it with"
                    + " 'systemctl start bootproxy' or 'bootproxy serve --config FILE', or give --pid)");
            return 1;
        }
        long p = target.getAsLong();
        if (!ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)) {
            err.println("bootproxy reload: process " + p + " (from " + (pid != null ? "--pid" : run.pidFile().toString())
                    + ") is not running; start bootproxy instead");
            return 1;
        }
        long before = run.status().map(RunFiles.Status::count).orElse(0L);
        Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -HUP \"$1\"", "sh", Long.toString(p))
                .redirectErrorStream(true).start();
        String killOut = new String(kill.getInputStream().readAllBytes()).trim();
        if (kill.waitFor() != 0) {
            err.println("bootproxy reload: cannot signal process " + p + ": " + killOut
                    + " (run it as the user bootproxy runs as, or as root)");
            return 1;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RunFiles.Status> now = run.status().filter(st -> st.count() > before);
            if (now.isPresent()) {
                (now.get().applied() ? out : err).println(now.get().message());
                return now.get().applied() ? 0 : 1;
            }
            Thread.sleep(100);
        }
        err.println("bootproxy reload: sent SIGHUP to process " + p + " but it did not answer in " + timeoutSeconds
                + " s through " + run.statusFile() + "; its log says what happened (journalctl -u bootproxy)");
        return 1;
    }
}
