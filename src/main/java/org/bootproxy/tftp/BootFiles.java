package org.bootproxy.tftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bootproxy.support.AtomicFile;

/**
 * Fills the TFTP root with the boot loaders PXE firmware fetches, copied from the distribution's packages:
 * Debian's {@code ipxe} ({@code /usr/lib/ipxe}), {@code pxelinux} + {@code syslinux-common}, and for UEFI with Secure
 * Boot the signed {@code shim-signed} and {@code grub-efi-amd64-signed} under the names a Foreman site uses
 * ({@code grub2/shimx64.efi}, {@code grub2/grubx64.efi}; arm64's when those packages are installed). A file already
 * in the root is never overwritten (an operator's or Foreman's copy wins); what cannot be found is reported
 * with the exact {@code apt-get install} line.
 */
public final class BootFiles {

    /**
     * One file the root should hold.
     *
     * @param name          its name in the TFTP root (what DHCP option 67 names)
     * @param source        where the package installs it, relative to the filesystem root
     * @param debianPackage the package that provides it
     * @param optional      copied when the package is installed, not missed when it is not (other architectures)
     */
    record Wanted(String name, String source, String debianPackage, boolean optional) {
        Wanted(String name, String source, String debianPackage) {
            this(name, source, debianPackage, false);
        }
    }

    static final List<Wanted> DEBIAN = List.of(
            // iPXE for BIOS PXE ROMs, loaded through the ROM's UNDI driver; the .0 suffix is what PXE ROMs expect
            new Wanted("undionly-ipxe.0", "usr/lib/ipxe/undionly.kpxe", "ipxe"),
            // iPXE as a Linux kernel image: pxelinux's pxelinux.cfg/01-<mac> chains to it
            new Wanted("ipxe.lkrn", "usr/lib/ipxe/ipxe.lkrn", "ipxe"),
            // iPXE for x86-64 UEFI with its own NIC drivers, and with the firmware's (SNP) driver
            new Wanted("ipxe.efi", "usr/lib/ipxe/ipxe.efi", "ipxe"),
            new Wanted("snponly.efi", "usr/lib/ipxe/snponly.efi", "ipxe"),
            // the same iPXE under the name Foreman's "iPXE UEFI HTTP" loader asks for (/httpboot/ipxe-x64.efi)
            new Wanted("ipxe-x64.efi", "usr/lib/ipxe/ipxe.efi", "ipxe"),
            new Wanted("pxelinux.0", "usr/lib/PXELINUX/pxelinux.0", "pxelinux"),
            // pxelinux 5+ loads ldlinux.c32 from its own directory right after it starts
            new Wanted("ldlinux.c32", "usr/lib/syslinux/modules/bios/ldlinux.c32", "syslinux-common"),
            // UEFI Secure Boot: shim (signed by Microsoft) loads grubx64.efi from its own folder; Debian's network
            // GRUB (signed by Debian) reads grub/grub.cfg (its built-in prefix /grub), which bootproxy renders
            new Wanted("grub2/shimx64.efi", "usr/lib/shim/shimx64.efi.signed", "shim-signed"),
            new Wanted("grub2/grubx64.efi", "usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed", "grub-efi-amd64-signed"),
            // ARM64 UEFI (DHCP client arch 11), when the arm64 packages are installed (dpkg --add-architecture arm64)
            new Wanted("grub2/shimaa64.efi", "usr/lib/shim/shimaa64.efi.signed", "shim-signed:arm64", true),
            new Wanted("grub2/grubaa64.efi", "usr/lib/grub/arm64-efi-signed/grubnetaa64.efi.signed", "grub-efi-arm64-signed", true));

    /** What happened to one file. */
    public enum Status {
        /** copied from the package */
        COPIED,
        /** already in the root, identical to the package's copy */
        PRESENT,
        /** already in the root but different: left alone */
        KEPT,
        /** neither in the root nor installed */
        MISSING,
        /** optional (another architecture's) and not installed: nothing to do */
        SKIPPED
    }

    /**
     * @param name          the file's name in the TFTP root
     * @param source        where the package's copy is (or would be)
     * @param debianPackage the package providing it
     */
    public record Entry(String name, Status status, Path source, String debianPackage) {
    }

    /** The outcome for every file, in a fixed order. */
    public record Report(Path root, List<Entry> entries) {
        public Report {
            entries = List.copyOf(entries);
        }

        /** True when every boot loader is now in the root. */
        public boolean complete() {
            return entries.stream().noneMatch(e -> e.status() == Status.MISSING);
        }

        /** The packages to install for what is missing, in order, each once. */
        public List<String> missingPackages() {
            Set<String> p = new LinkedHashSet<>();
            entries.stream().filter(e -> e.status() == Status.MISSING).forEach(e -> p.add(e.debianPackage()));
            return List.copyOf(p);
        }

        /** {@code apt-get install -y ipxe …} for what is missing, or "" when nothing is. */
        public String installCommand() {
            List<String> p = missingPackages();
            return p.isEmpty() ? "" : "apt-get install -y " + String.join(" ", p);
        }

        /** What an operator reads: one line per file, then what to do. */
        public String describe() {
            StringBuilder sb = new StringBuilder("TFTP root ").append(root).append(":\n");
            for (Entry e : entries) {
                sb.append(String.format("  %-8s %-18s", e.status().name().toLowerCase(java.util.Locale.ROOT), e.name()));
                switch (e.status()) {
                    case COPIED -> sb.append(" from ").append(e.source()).append(" (").append(e.debianPackage()).append(')');
                    case KEPT -> sb.append(" differs from ").append(e.source()).append(": left alone (delete it to take the package's copy)");
                    case MISSING -> sb.append(" not found: ").append(e.source()).append(" comes with the Debian package ")
                            .append(e.debianPackage());
                    case SKIPPED -> sb.append(" (optional: ").append(e.debianPackage()).append(" is not installed)");
                    default -> { }
                }
                sb.append('\n');
            }
            if (!complete()) {
                sb.append("Missing boot loaders: run '").append(installCommand()).append("', then 'bootproxy bootfiles' again.\n");
            }
            sb.append(UEFI_NOTE);
            return sb.toString();
        }
    }

    /** Which GRUB reads which config, and where another distribution's signed loaders go. */
    static final String UEFI_NOTE = """
            UEFI and Secure Boot:
              grub2/shimx64.efi and grub2/grubx64.efi are Debian's: shim (signed by Microsoft) loads grubx64.efi from its
              own folder, and Debian's network GRUB reads grub/grub.cfg (built-in prefix /grub), which bootproxy renders.
              It has no http module: its installers' kernels come over TFTP (bootproxy serves /pub/ as pub/).
              RHEL, AlmaLinux, Rocky: their signed shim and GRUB are in the install tree's EFI/BOOT/ (BOOTX64.EFI is the
              shim: name it shimx64.efi) or in /boot/efi/EFI/<vendor>/ of an installed machine (packages shim-x64,
              grub2-efi-x64). Put them in bootloader-universe/pxegrub2/<os>/<release or default>/x86_64/ (Foreman 3.14
              host folders use them for hosts of that OS), or in grub2/ in place of Debian's. Red Hat's GRUB reads
              grub.cfg-01-<mac> and then grub.cfg in its own folder (grub2/), over TFTP or HTTP, and can load kernels
              over http.
            """;

    private final Path distributionRoot;

    /** Copies from the packages installed under {@code distributionRoot} (a chroot, an image, a test tree). */
    public BootFiles(Path distributionRoot) {
        this.distributionRoot = Objects.requireNonNull(distributionRoot, "distributionRoot");
    }

    /**
     * Creates the root if needed and copies every boot loader that is not there yet.
     *
     * @throws IOException when the root cannot be created or written
     */
    public Report install(Path tftpRoot) throws IOException {
        Files.createDirectories(tftpRoot);
        List<Entry> entries = new ArrayList<>();
        for (Wanted w : DEBIAN) {
            entries.add(place(tftpRoot, w));
        }
        return new Report(tftpRoot.toAbsolutePath().normalize(), entries);
    }

    private Entry place(Path root, Wanted w) throws IOException {
        Path source = distributionRoot.resolve(w.source());
        Path target = root.resolve(w.name());
        boolean installed = Files.isRegularFile(source); // follows ipxe's symlinks into /boot
        if (Files.exists(target)) {
            Status s = installed && Files.mismatch(source, target) != -1 ? Status.KEPT : Status.PRESENT;
            return new Entry(w.name(), s, source, w.debianPackage());
        }
        if (!installed) {
            return new Entry(w.name(), w.optional() ? Status.SKIPPED : Status.MISSING, source, w.debianPackage());
        }
        // a running server never serves half a boot loader
        Files.createDirectories(target.getParent());
        AtomicFile.replace(target, temp -> Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING));
        return new Entry(w.name(), Status.COPIED, source, w.debianPackage());
    }
}
