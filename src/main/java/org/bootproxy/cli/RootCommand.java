package org.bootproxy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bootproxy}: the command-line entry; each subcommand is a class of its own. */
@Command(name = "bootproxy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Netboot proxy for one provisioning network segment: serves PXE firmware over TFTP and "
                + "iPXE/installers over HTTP, with per-host files rendered from FreeMarker templates and hosts looked "
                + "up in YAML host files, Foreman or a CMDB. Foreman can register it as a Smart Proxy (TFTP and "
                + "Templates)."},
        subcommands = {ServeCommand.class, ReloadCommand.class, RenderCommand.class, LintCommand.class, BootfilesCommand.class,
            CheckUpstreamCommand.class, DhcpConfigCommand.class, DoctorCommand.class, MachinesCommand.class, TraceCommand.class,
            RebuildCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Run 'bootproxy help COMMAND' for a command's options. Docs: README.md, docs/, templates/README.md."})
public final class RootCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
