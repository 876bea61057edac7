package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootFilesTest {

    @TempDir
    Path dir;

    /** A distribution tree with the given packages' files in Debian's places. */
    private Path distribution(boolean ipxe, boolean pxelinux, boolean syslinuxCommon) throws Exception {
        java.util.Set<String> packages = new java.util.HashSet<>(java.util.Set.of("shim-signed", "grub-efi-amd64-signed"));
        if (ipxe) {
            packages.add("ipxe");
        }
        if (pxelinux) {
            packages.add("pxelinux");
        }
        if (syslinuxCommon) {
            packages.add("syslinux-common");
        }
        return distribution(packages);
    }

    private Path distribution(java.util.Set<String> packages) throws Exception {
        Path d = dir.resolve("distro");
        for (BootFiles.Wanted w : BootFiles.DEBIAN) {
            if (packages.contains(w.debianPackage())) {
                Path f = d.resolve(w.source());
                Files.createDirectories(f.getParent());
                Files.writeString(f, "contents of " + w.source());
            }
        }
        return d;
    }

    @Test
    void everyBootLoaderIsCopiedUnderItsTftpName() throws Exception {
        Path root = dir.resolve("tftpboot");
        BootFiles.Report r = new BootFiles(distribution(true, true, true)).install(root);
        assertThat(r.complete()).isTrue();
        assertThat(r.installCommand()).isEmpty();
        assertThat(r.entries()).filteredOn(e -> !e.name().contains("aa64")).extracting(BootFiles.Entry::status)
                .containsOnly(BootFiles.Status.COPIED);
        assertThat(Files.readString(root.resolve("undionly-ipxe.0"))).isEqualTo("contents of usr/lib/ipxe/undionly.kpxe");
        assertThat(root.resolve("ipxe.lkrn")).exists();
        assertThat(root.resolve("ipxe.efi")).exists();
        assertThat(root.resolve("snponly.efi")).exists();
        assertThat(root.resolve("pxelinux.0")).exists();
        assertThat(root.resolve("ldlinux.c32")).exists();
        try (var files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void missingPackagesAreNamedWithTheLineThatInstallsThem() throws Exception {
        BootFiles.Report r = new BootFiles(distribution(true, false, false)).install(dir.resolve("tftpboot"));
        assertThat(r.complete()).isFalse();
        assertThat(r.missingPackages()).containsExactly("pxelinux", "syslinux-common");
        assertThat(r.installCommand()).isEqualTo("apt-get install -y pxelinux syslinux-common");
        assertThat(r.describe()).contains("missing  pxelinux.0").contains("usr/lib/PXELINUX/pxelinux.0")
                .contains("run 'apt-get install -y pxelinux syslinux-common'");
    }

    @Test
    void fileAlreadyInTheRootIsNeverOverwritten() throws Exception {
        Path root = Files.createDirectories(dir.resolve("tftpboot"));
        Files.writeString(root.resolve("pxelinux.0"), "the operator's own build");
        Path distro = distribution(true, true, true);
        Files.copy(distro.resolve("usr/lib/ipxe/ipxe.efi"), root.resolve("ipxe.efi"));
        BootFiles.Report r = new BootFiles(distro).install(root);
        assertThat(Files.readString(root.resolve("pxelinux.0"))).isEqualTo("the operator's own build");
        assertThat(r.entries()).filteredOn(e -> e.name().equals("pxelinux.0")).extracting(BootFiles.Entry::status)
                .containsExactly(BootFiles.Status.KEPT);
        assertThat(r.entries()).filteredOn(e -> e.name().equals("ipxe.efi")).extracting(BootFiles.Entry::status)
                .containsExactly(BootFiles.Status.PRESENT);
    }

    @Test
    void fileInTheRootCountsEvenWhenThePackageIsGone() throws Exception {
        Path root = Files.createDirectories(dir.resolve("tftpboot"));
        Files.writeString(root.resolve("ldlinux.c32"), "copied by hand");
        BootFiles.Report r = new BootFiles(distribution(true, true, false)).install(root);
        assertThat(r.complete()).isTrue();
    }

    @Test
    void debiansSignedShimAndNetworkGrubGoWhereAForemanSiteHasThem() throws Exception {
        Path root = dir.resolve("tftpboot");
        BootFiles.Report r = new BootFiles(distribution(true, true, true)).install(root);
        assertThat(root.resolve("grub2/shimx64.efi")).hasContent("contents of usr/lib/shim/shimx64.efi.signed");
        assertThat(root.resolve("grub2/grubx64.efi")).hasContent("contents of usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed");
        assertThat(root.resolve("ipxe-x64.efi")).as("Foreman's iPXE UEFI HTTP name").hasContent("contents of usr/lib/ipxe/ipxe.efi");
        try (var files = Files.list(root.resolve("grub2"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("shimx64.efi", "grubx64.efi");
        }
        assertThat(r.describe()).contains("copied   grub2/shimx64.efi").contains("reads grub/grub.cfg (built-in prefix /grub)")
                .contains("bootloader-universe/pxegrub2/<os>/<release or default>/x86_64/").contains("BOOTX64.EFI is the");
    }

    @Test
    void arm64LoadersAreCopiedWhenInstalledAndNotMissedWhenNot() throws Exception {
        BootFiles.Report without = new BootFiles(distribution(true, true, true)).install(dir.resolve("a"));
        assertThat(without.complete()).isTrue();
        assertThat(without.entries()).filteredOn(e -> e.name().contains("aa64")).extracting(BootFiles.Entry::status)
                .containsOnly(BootFiles.Status.SKIPPED);
        assertThat(without.describe()).contains("skipped  grub2/grubaa64.efi").contains("(optional: grub-efi-arm64-signed is not installed)");

        Path root = dir.resolve("b");
        new BootFiles(distribution(java.util.Set.of("shim-signed:arm64", "grub-efi-arm64-signed"))).install(root);
        assertThat(root.resolve("grub2/shimaa64.efi")).hasContent("contents of usr/lib/shim/shimaa64.efi.signed");
        assertThat(root.resolve("grub2/grubaa64.efi")).hasContent("contents of usr/lib/grub/arm64-efi-signed/grubnetaa64.efi.signed");
    }

    @Test
    void withoutShimSigningTheSecureBootPackagesAreNamed() throws Exception {
        BootFiles.Report r = new BootFiles(distribution(java.util.Set.of("ipxe", "pxelinux", "syslinux-common"))).install(dir.resolve("t"));
        assertThat(r.complete()).isFalse();
        assertThat(r.installCommand()).isEqualTo("apt-get install -y shim-signed grub-efi-amd64-signed");
    }
}
