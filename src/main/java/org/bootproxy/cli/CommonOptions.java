package org.bootproxy.cli;

import java.nio.file.Path;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.ConfigFile;
import org.bootproxy.config.ConfigLoader;
import org.bootproxy.config.Overrides;
import picocli.CommandLine.Option;

/** Options every command that reads hosts and templates shares. */
final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:BOOTPROXY_CONFIG}",
            description = "YAML config file (default: $BOOTPROXY_CONFIG; the Debian package's launcher sets it to"
                    + " /etc/bootproxy/bootproxy.yaml). Flags override its settings; relative paths in it, and the default"
                    + " folders, are relative to the file's folder. Without a config, built-in defaults relative to the"
                    + " working directory apply (see docs/config.md).")
    Path config;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Folder of FreeMarker templates (config key: templates). Default: templates/ beside the config file")
    String templates;

    @Option(names = "--hosts", paramLabel = "DIR",
            description = "Folder of host files, one YAML file per host (config key: hosts). Default: hosts/ beside the config"
                    + " file; in a checkout without --config, the example hosts shipped with bootproxy")
    String hosts;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where build results (built/failed) are kept across restarts (config key: state_dir). Default: state/ beside the config file")
    String stateDir;

    ConfigFile file() {
        return config == null ? ConfigFile.EMPTY : ConfigLoader.load(config);
    }

    /** What relative paths resolve against: the config file's folder; without a config, the working directory. */
    Path baseDir() {
        Path parent = config == null ? null : config.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    BootproxyConfig resolve(Overrides serveFlags) {
        Overrides o = new Overrides(serveFlags.httpAddress(), serveFlags.tftpAddress(), serveFlags.tftpRoot(),
                templates, hosts, serveFlags.assets(), stateDir, serveFlags.publicUrl(), serveFlags.groups(),
                serveFlags.profiles());
        return BootproxyConfig.resolve(file(), baseDir(), o);
    }
}
