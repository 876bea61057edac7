package org.bootproxy.cli;

import java.nio.file.Path;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.ConfigFile;
import org.bootproxy.config.ConfigLoader;
import org.bootproxy.config.Overrides;
import picocli.CommandLine.Option;

/** Options every command that reads hosts and templates shares. */
final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML config file. Flags override its settings; paths in it are relative to the file's folder."
                    + " Without it, built-in defaults apply (see docs/config.md).")
    Path config;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Folder of FreeMarker templates (config key: templates). Default: ./templates")
    String templates;

    @Option(names = "--hosts", paramLabel = "DIR",
            description = "Folder of host files, one YAML file per host (config key: hosts). Default: ./hosts,"
                    + " the example hosts shipped with bootproxy")
    String hosts;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where build results (built/failed) are kept across restarts (config key: state_dir). Default: ./state")
    String stateDir;

    ConfigFile file() {
        return config == null ? ConfigFile.EMPTY : ConfigLoader.load(config);
    }

    Path baseDir() {
        Path parent = config == null ? null : config.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    BootproxyConfig resolve(Overrides serveFlags) {
        Overrides o = new Overrides(serveFlags.httpAddress(), serveFlags.tftpAddress(), serveFlags.tftpRoot(),
                templates, hosts, serveFlags.assets(), stateDir, serveFlags.publicUrl());
        return BootproxyConfig.resolve(file(), baseDir(), o);
    }
}
