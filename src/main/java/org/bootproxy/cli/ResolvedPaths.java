package org.bootproxy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bootproxy.config.BootproxyConfig;

/**
 * Every file and folder {@code serve} uses, absolute, with a note when it is not there yet: printed at start so
 * nobody has to guess what a relative path meant (they resolve against the config file's folder, or without a
 * config against the working directory).
 */
final class ResolvedPaths {
    private ResolvedPaths() {
    }

    static List<String> describe(Optional<Path> config, BootproxyConfig s) {
        List<String> lines = new ArrayList<>();
        lines.add("config:    " + config.map(c -> c.toAbsolutePath().normalize().toString())
                .orElse("none: defaults relative to the working directory " + Path.of("").toAbsolutePath() + ", and flags"));
        lines.add("hosts:     " + folder(s.hosts(), s.inventory().type().equals("files") || s.inventory().filesOverride()
                ? "create it and put one YAML file per host in it" : null));
        lines.add("groups:    " + folder(s.groups(), "no host groups until it exists"));
        lines.add("profiles:  " + folder(s.profiles(), "no profiles for unknown machines until it exists"));
        lines.add("templates: " + folder(s.templates(), "copy the shipped templates there"));
        lines.add("state:     " + folder(s.stateDir(), "created on the first build report"));
        lines.add("tftproot:  " + folder(s.tftpRoot(), "rendered files only until it exists; 'bootproxy bootfiles' creates and fills it"));
        lines.add("assets:    " + s.assets().map(a -> folder(a, "/pub/ cannot start without it")).orElse("none (/pub/ answers 404)"));
        s.smartProxy().https().ifPresent(h -> {
            lines.add("ssl_certificate: " + file(h.certificate()));
            lines.add("ssl_private_key: " + file(h.privateKey()));
            lines.add("ssl_ca_file:     " + file(h.caFile()));
        });
        return lines;
    }

    private static String folder(Path p, String ifMissing) {
        if (Files.isDirectory(p) || ifMissing == null) {
            return p.toString();
        }
        return p + (Files.exists(p) ? " (not a folder!)" : " (does not exist yet: " + ifMissing + ")");
    }

    private static String file(Path p) {
        return Files.isRegularFile(p) ? p.toString() : p + " (missing!)";
    }
}
