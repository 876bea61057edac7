package org.bootproxy.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
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

    @Option(names = "--tftp-root", defaultValue = "tftpboot", description = "TFTP root to fill (default: ${DEFAULT-VALUE})")
    Path root;

    @Option(names = "--from", defaultValue = "/", description = "where the packages are installed: / or a chroot (default: ${DEFAULT-VALUE})")
    Path from;

    @Override
    public Integer call() throws Exception {
        BootFiles.Report report = new BootFiles(from).install(root);
        spec.commandLine().getOut().print(report.describe());
        spec.commandLine().getOut().flush();
        return report.complete() ? 0 : 1;
    }
}
