package org.bootproxy.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.ConfigLoader;
import org.bootproxy.config.Overrides;
import org.bootproxy.tftp.ExternalProcess;

/**
 * bootproxy started the way {@code bootproxy serve --config FILE} starts it (the same composition root), from
 * a YAML config whose relative paths are relative to {@code baseDir}, on the ports the config names (0 = free).
 * Close it to stop everything.
 */
final class RunningBootproxy implements AutoCloseable {
    final BootproxyConfig config;
    final ServeCommand.Running running;
    final Components components;
    private final Path baseDir;

    RunningBootproxy(Path baseDir, String yaml) {
        this.baseDir = baseDir;
        this.config = BootproxyConfig.resolve(ConfigLoader.parse("bootproxy.yaml", yaml), baseDir, Overrides.NONE);
        Observability events = Observability.create();
        this.components = Components.build(config, events);
        this.running = ServeCommand.start(config, components, events);
    }

    URI http(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + running.http().port() + pathAndQuery);
    }

    URI https(String pathAndQuery) {
        return URI.create("https://127.0.0.1:" + running.http().httpsPort() + pathAndQuery);
    }

    Path tftpRoot() {
        return config.tftpRoot();
    }

    /**
     * Reads {@code name} over TFTP with curl, a real client (Debian package curl), into {@code local}.
     * curl exits 0 when the file came, 68 when the server said "file not found".
     */
    ExternalProcess tftpGet(String name, Path local) throws Exception {
        ExternalProcess.requireProgram("/usr/bin/curl", "curl");
        int port = running.tftp().orElseThrow(() -> new AssertionError("TFTP is not running")).port();
        return ExternalProcess.run(baseDir, List.of("/usr/bin/curl", "-sS", "--max-time", "60", "-o", local.toString(),
                "tftp://127.0.0.1:" + port + "/" + name));
    }

    @Override
    public void close() {
        running.stop();
    }
}
