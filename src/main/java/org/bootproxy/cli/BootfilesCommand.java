package org.bootproxy.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.ConfigLoader;
import org.bootproxy.config.Overrides;
import org.bootproxy.tftp.BootFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bootproxy bootfiles}: fills the TFTP root with the boot loaders from the distribution's packages. */
@Command(name = "bootfiles", mixinStandardHelpOptions = true,
        description = {"Copy the boot loaders PXE firmware fetches over TFTP (undionly-ipxe.0, ipxe.lkrn, ipxe.efi,"
                + " snponly.efi, ipxe-x64.efi, pxelinux.0, ldlinux.c32) from Debian's ipxe, pxelinux and syslinux-common"
                + " packages, and for UEFI Secure Boot the signed grub2/shimx64.efi and grub2/grubx64.efi from shim-signed and"
                + " grub-efi-amd64-signed (arm64's when installed), into the TFTP root. Files already there are left alone."
                + " Exit code 1 when something is missing, with the apt-get line that installs it; the report ends with where"
                + " RHEL/AlmaLinux shim and GRUB go and which config each distribution's GRUB reads."})
public final class BootfilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tftp-root", description = "TFTP root to fill. Default: tftproot from --config, else ./tftpboot")
    Path root;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:BOOTPROXY_CONFIG}",
            description = "Fill the TFTP root this config file names (default: $BOOTPROXY_CONFIG, which the Debian package's"
                    + " launcher sets to /etc/bootproxy/bootproxy.yaml)")
    Path config;

    @Option(names = "--from", defaultValue = "/", description = "where the packages are installed: / or a chroot (default: ${DEFAULT-VALUE})")
    Path from;

    @Override
    public Integer call() throws Exception {
        Path target = root != null ? root : config != null
                ? BootproxyConfig.resolve(ConfigLoader.load(config), config.toAbsolutePath().getParent(), Overrides.NONE).tftpRoot()
                : Path.of("tftpboot");
        BootFiles.Report report = new BootFiles(from).install(target);
        spec.commandLine().getOut().print(report.describe());
        spec.commandLine().getOut().flush();
        return report.complete() ? 0 : 1;
    }
}
