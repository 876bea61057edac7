package org.bootproxy.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bootproxy.config.Overrides;
import org.bootproxy.tftp.BootFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bootproxy bootfiles}: fills the TFTP root with the boot loaders from the distribution's packages. */
@Command(name = "bootfiles", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Copy the boot loaders PXE firmware fetches over TFTP (undionly-ipxe.0, ipxe.lkrn, ipxe.efi,"
                + " snponly.efi, pxelinux.0, ldlinux.c32) from Debian's ipxe, pxelinux and syslinux-common packages into"
                + " the TFTP root. Files already there are left alone. Exit code 1 when something is missing,"
                + " with the apt-get line that installs it."})
public final class BootfilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "bootproxy's YAML config: fill the TFTP root it names (key tftproot, relative to the file's"
                    + " folder), the one serve uses")
    Path config;

    @Option(names = "--tftp-root", paramLabel = "DIR",
            description = "TFTP root to fill; wins over --config (default: tftproot from --config, else ./tftpboot)")
    String root;

    @Option(names = "--from", defaultValue = "/", description = "where the packages are installed: / or a chroot (default: ${DEFAULT-VALUE})")
    Path from;

    @Override
    public Integer call() throws Exception {
        CommonOptions files = new CommonOptions();
        files.config = config;
        Path target = files.resolve(new Overrides(null, null, root, null, null, null, null, null)).tftpRoot();
        BootFiles.Report report = new BootFiles(from).install(target);
        spec.commandLine().getOut().print(report.describe());
        spec.commandLine().getOut().flush();
        return report.complete() ? 0 : 1;
    }
}
