package org.bootproxy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.e2e.Expect.HOST;
import static org.bootproxy.e2e.Expect.http;
import static org.bootproxy.e2e.Expect.intermediateScript;
import static org.bootproxy.e2e.Expect.nicChain;
import static org.bootproxy.e2e.Expect.tftp;
import static org.bootproxy.e2e.LoopbackBootproxy.form;
import static org.bootproxy.e2e.PxeLab.NET0;
import static org.bootproxy.e2e.PxeLab.literal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bootproxy.e2e.PxeLab.Boot;
import org.bootproxy.e2e.PxeLab.Run;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * UEFI the way datacentres boot: OVMF (with Secure Boot enforced, Microsoft's keys enrolled, where a case says so)
 * boots Debian's signed shim and network GRUB that {@code bootproxy bootfiles} staged, GRUB reads bootproxy's
 * {@code grub/grub.cfg} and then the host's own config, and loads the installer's kernel over TFTP from
 * {@code pub/} (Debian's GRUB has no http module). UEFI HTTP Boot loads iPXE, or shim and GRUB, over HTTP.
 * Each case prints its power-on-to-built (or -to-GRUB, -to-firmware) time.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UefiBootIT extends VmSuite {
    private static final String GRUB_CFG = "grub2/grub.cfg-" + NET0;

    /** A host whose GRUB config (grub2/kickstart) and iPXE script boot the lab's installer from bootproxy's /pub/. */
    private static String grubHost(boolean build) {
        return Site.hostFile(HOST, build, NET0, """
                params:
                  kernel_url: %s/pub/vmlinuz
                  initrd_url: %s/pub/initrd.img
                  kernelcmd: console=ttyS0
                  grub_timeout: 1
                """.formatted(Site.PUBLIC_URL, Site.PUBLIC_URL));
    }

    /** GRUB's way in: bootproxy's entry config (Debian's GRUB reads grub/grub.cfg), then the host's own config. */
    private static Boot grubReadsItsConfigs(Boot boot, String hostTemplate) {
        return boot.expect(tftp("grub/grub.cfg", "source=rendered template=grub2/default"))
                .expect(tftp(GRUB_CFG, "source=rendered template=" + hostTemplate + " host=" + HOST));
    }

    /** The kernel and initrd over TFTP from the assets folder, as the host's GRUB config names them. */
    private static Boot grubLoadsTheInstallerOverTftp(Boot boot) {
        return boot.expect(literal("bootproxy: loading (tftp,192.0.2.1)/pub/vmlinuz"))
                .expect(tftp("pub/vmlinuz", "source=pub"))
                .expect(tftp("pub/initrd.img", "source=pub"));
    }

    /**
     * Case 1. Secure Boot enforced: firmware PXE → TFTP grub2/shimx64.efi (signed by Microsoft) → shim TFTPs
     * grub2/grubx64.efi (signed by Debian) → grub/grub.cfg → grub2/grub.cfg-&lt;mac&gt; (grub2/kickstart) → kernel (signed
     * by Debian, checked by shim) → installer → built.
     */
    @Test
    @Order(1)
    void shimThenGrubInstallUnderSecureBoot() {
        site.host(HOST, grubHost(true));
        Boot boot = Boot.mode("uefi-grub2").secureBoot().timeout(150)
                .expect(tftp("grub2/shimx64.efi", "source=static"))
                .expect(tftp("grub2/grubx64.efi", "source=static"));
        Run run = install("UEFI Secure Boot: shim -> GRUB -> installer",
                grubLoadsTheInstallerOverTftp(grubReadsItsConfigs(boot, "grub2/kickstart"))
                        .expect("secureboot: Secure boot enabled"), NET0, "eth0");
        System.out.println("=== " + run.secureBootLine());
        assertThat(run.secureBootLine()).startsWith("Secure Boot: ENFORCED");
    }

    /** Case 2. No Secure Boot: firmware PXE → grub2/grubx64.efi directly → the same configs → installer → built. */
    @Test
    @Order(2)
    void grubInstallsWithoutSecureBoot() {
        site.host(HOST, grubHost(true));
        Boot boot = Boot.mode("uefi-grub2").expect(tftp("grub2/grubx64.efi", "source=static"));
        install("UEFI: GRUB directly -> installer",
                grubLoadsTheInstallerOverTftp(grubReadsItsConfigs(boot, "grub2/kickstart")), NET0, "eth0");
    }

    /**
     * Case 3, iPXE: the firmware's own HTTP client (vendor class HTTPClient) GETs /httpboot/ipxe-x64.efi (Foreman's
     * "iPXE UEFI HTTP" name, staged by bootfiles) → iPXE → intermediate script → the host's script → installer.
     */
    @Test
    @Order(3)
    void uefiHttpBootStartsIpxeAndInstalls() {
        site.host(HOST, grubHost(true));
        install("UEFI HTTP Boot: ipxe-x64.efi -> iPXE -> installer", Boot.mode("uefi-http")
                .httpBootUrl(Site.PUBLIC_URL + "/httpboot/ipxe-x64.efi")
                .expect(http("/httpboot/ipxe-x64\\.efi", 200, "ipxe-x64.efi", "-", "UefiHttpBoot/"))
                .expect(intermediateScript("bootstrap=1"))
                .expect(nicChain(NET0, "ipxe/kickstart")), NET0, "eth0");
    }

    /**
     * Case 3, shim and GRUB: under Secure Boot HTTP Boot GETs /httpboot/grub2/shimx64.efi, shim GETs grubx64.efi beside
     * it (as /httpboot/grub2//grubx64.efi) and GRUB starts. Debian's GRUB has no http module, so it reads no config
     * over HTTP (pxe-lab's README): that is where it stops, and the case asserts exactly that far.
     */
    @Test
    @Order(4)
    void uefiHttpBootUnderSecureBootReachesGrub() {
        site.host(HOST, grubHost(true));
        String banner = "Welcome to GRUB!";
        Run run = lab.boot("UEFI HTTP Boot, Secure Boot: shim -> GRUB", site, Boot.mode("uefi-http").secureBoot().timeout(90).linger(0)
                .expect(http("/httpboot/grub2/shimx64\\.efi", 200, "grub2/shimx64.efi", "-", "UefiHttpBoot/"))
                .expect(http("/httpboot/grub2//grubx64\\.efi", 200, "grub2//grubx64.efi", "-", "UefiHttpBoot/"))
                .expect(literal(banner))).assertPassed();
        time("UEFI HTTP Boot, Secure Boot: shim -> GRUB", run, literal(banner), "GRUB");
        assertThat(run.serverLog()).as("Debian's GRUB cannot read a config over HTTP\n" + run.context())
                .noneMatch(l -> l.contains("grub.cfg") && l.contains(" http "));
    }

    /**
     * Case 4. A known host that is not in build: grub2/grub.cfg-&lt;mac&gt; is grub2/localboot, which looks for a
     * distribution's EFI loader on the local disks (the VM has none), then exits to the firmware, which goes on to its
     * next boot option (OVMF's boot manager). The installer is never loaded.
     */
    @Test
    @Order(5)
    void hostNotInBuildLeavesGrubForTheLocalDiskOrTheFirmware() {
        site.host(HOST, grubHost(false));
        String back = "bootproxy: no boot loader found on a local disk; returning to the firmware";
        Run run = lab.boot("UEFI GRUB, not in build: local disk / firmware", site, grubReadsItsConfigs(Boot.mode("uefi-grub2")
                .timeout(90).linger(0), "grub2/localboot")
                .expect(literal("bootproxy: " + HOST + " is not in build mode: booting from local disk"))
                .expect(literal("error: no such device: /EFI/debian/shimx64.efi"))
                .expect(literal("error: no such device: /EFI/BOOT/BOOTX64.EFI"))
                .expect(literal(back))
                .expect("BdsDxe: (loading|starting) Boot[0-9A-F]{4} \"UiApp\"")).assertPassed();
        time("UEFI GRUB, not in build: local disk / firmware", run, literal(back), "firmware");
        assertThat(run.serverLog()).as(run.context())
                .noneMatch(l -> l.contains("pub/vmlinuz") || l.contains("/unattended/provision"));
    }

    /**
     * Case 5. Foreman 3.14, played by the test against the packaged jar on loopback: fetch_boot_file downloads the
     * installer's kernel and initrd into boot/, then POST /tftp/PXEGrub2/&lt;mac&gt; with targetos, release, arch and
     * bootfile_suffix writes host-config/&lt;mac&gt;/grub2/ with its configs and boot loader links. DHCP points at
     * host-config/&lt;mac&gt;/grub2/shimx64.efi (as Foreman's "Grub2 UEFI SecureBoot" loader does), and the VM
     * installs under Secure Boot from what Foreman wrote. DELETE then removes the folder.
     */
    @Test
    @Order(6)
    void foreman314HostFolderInstallsUnderSecureBoot() throws IOException {
        site = site.withOwnTftpRoot();
        site.host(HOST, grubHost(true));
        String folder = "host-config/52-54-00-12-34-56/grub2/";
        String kernel = "boot/lab-installer-vmlinuz";
        String initrd = "boot/lab-installer-initrd.img";
        try (LoopbackBootproxy foreman = LoopbackBootproxy.start(site, "foreman-push")) {
            foreman.post("/tftp/fetch_boot_file", form("prefix", "boot/lab-installer", "path", foreman.url("/pub/vmlinuz").toString()));
            foreman.post("/tftp/fetch_boot_file", form("prefix", "boot/lab-installer", "path", foreman.url("/pub/initrd.img").toString()));
            LoopbackBootproxy.awaitDownload(site.tftpRoot().resolve(kernel), Files.size(site.pub().resolve("vmlinuz")));
            LoopbackBootproxy.awaitDownload(site.tftpRoot().resolve(initrd), Files.size(site.pub().resolve("initrd.img")));
            // what Foreman's PXEGrub2 template would render for the host, loading what fetch_boot_file put in boot/
            String pxeconfig = String.join("\n",
                    "set default=0",
                    "set timeout=1",
                    "menuentry 'Foreman: install " + HOST + "' {",
                    "  linux /" + kernel + " console=ttyS0 'inst.ks=" + Site.PUBLIC_URL + "/unattended/provision?mac=" + NET0
                            + "' BOOTIF=01-52-54-00-12-34-56",
                    "  initrd /" + initrd,
                    "}", "");
            foreman.post("/tftp/PXEGrub2/" + NET0, form("pxeconfig", pxeconfig,
                    "targetos", "almalinux", "release", "9.4", "arch", "x86_64", "bootfile_suffix", "x64"));
        }
        Path root = site.tftpRoot();
        assertThat(root.resolve(folder + "grub.cfg-" + NET0)).exists();
        assertThat(Files.readSymbolicLink(root.resolve(folder + "shimx64.efi"))).hasToString("../../../grub2/shimx64.efi");
        assertThat(Files.readSymbolicLink(root.resolve(folder + "grubx64.efi"))).hasToString("../../../grub2/grubx64.efi");

        Run run = install("Foreman 3.14 host folder, Secure Boot", Boot.mode("uefi-grub2").secureBoot().timeout(150)
                .efiNbp(folder + "shimx64.efi")
                .expect(tftp(folder + "shimx64.efi", "source=static"))
                .expect(tftp(folder + "grubx64.efi", "source=static"))
                .expect(tftp("grub/grub.cfg", "source=rendered template=grub2/default"))
                .expect(tftp(folder + "grub.cfg-" + NET0, "source=static"))
                .expect(tftp(kernel, "source=static"))
                .expect("secureboot: Secure boot enabled"), NET0, "eth0");
        System.out.println("=== " + run.secureBootLine());

        try (LoopbackBootproxy foreman = LoopbackBootproxy.start(site, "foreman-delete")) {
            foreman.delete("/tftp/PXEGrub2/" + NET0);
        }
        assertThat(root.resolve("host-config/52-54-00-12-34-56")).doesNotExist();
        assertThat(root.resolve("grub2/grub.cfg-" + NET0)).doesNotExist();
        assertThat(root.resolve("grub2/grub.cfg-01-52-54-00-12-34-56")).doesNotExist();
        assertThat(root.resolve("grub2/shimx64.efi")).as("the links' targets stay").isRegularFile();
    }
}
