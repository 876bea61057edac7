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
        Observability events = Observability.create(config.timeline());
        DiscoveryWiring.Discovery discovery = DiscoveryWiring.start(config, events.guarded(), java.time.Clock.systemUTC());
        this.components = Components.build(config, events.guarded(), new org.bootproxy.state.FileBuildStateStore(
                config.stateDir()), discovery.registry(), events.metrics());
        this.running = ServeCommand.start(config, components, events, discovery);
    }

    /**
     * On free loopback ports with the shipped example hosts, the given templates folder, state folder and TFTP root,
     * plus {@code more} config lines: the setup of the full-server tests.
     */
    static RunningBootproxy onLoopback(Path templates, Path state, Path tftpRoot, String... more) {
        List<String> yaml = new java.util.ArrayList<>(List.of("http_address: 127.0.0.1:0", "tftp_address: 127.0.0.1:0",
                "template_url: http://192.0.2.1:8000", "hosts: " + Path.of("hosts").toAbsolutePath(),
                "templates: " + templates.toAbsolutePath(), "state_dir: " + state, "tftproot: " + tftpRoot));
        yaml.addAll(List.of(more));
        return new RunningBootproxy(Path.of("."), String.join("\n", yaml));
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
