package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bootproxy.render.TemplateFixtures.PUBLIC_URL;
import static org.bootproxy.fakes.Hosts.ALMA01;
import static org.bootproxy.fakes.Hosts.DEB01;
import static org.bootproxy.fakes.Hosts.NOBLE01;
import static org.bootproxy.fakes.Hosts.alma01;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.BootUrls;
import org.bootproxy.boot.GrubSettings;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;
import org.junit.jupiter.api.Test;

/** The GRUB2 templates: the entry config, per-host install configs that boot the iPXE scripts' installers, local boot. */
class GrubTemplatesTest {

    private final FreemarkerRenderer renderer = ShippedTemplates.renderer();

    private String render(String template, Host host, GrubSettings.KernelTransport transport) {
        BootSettings settings = new BootSettings(URI.create(PUBLIC_URL), 8, UnknownMachineAnswer.MESSAGE,
                TemplateFixtures.FAMILY_DEFAULTS, 10, new GrubSettings(GrubSettings.DEFAULT_ENTRY_CONFIGS, transport, ""));
        BootRequest request = host == null ? TemplateFixtures.ipxeAsks(org.bootproxy.fakes.Hosts.UNKNOWN_MAC)
                : BootRequest.forMac(host.provisionInterface().mac(), "192.0.2.50");
        return renderer.render(template, new RenderContext(Optional.ofNullable(host), request, TemplateKind.PXEGRUB2,
                new BootUrls(settings), settings));
    }

    private String render(String template, Host host) {
        return render(template, host, GrubSettings.KernelTransport.AUTO);
    }

    private static Host withParams(Host h, Map<String, String> more) {
        Map<String, String> p = new HashMap<>(h.params());
        p.putAll(more);
        return new Host(h.name(), h.build(), h.token(), h.interfaces(), h.os(), h.medium(), h.subnet(), p, h.templates(),
                h.revision(), h.source());
    }

    /** The arguments after the kernel: iPXE's line without its initrd= and "|| goto failed", GRUB's unquoted. */
    private static String kernelArgs(String config, String command) {
        Matcher m = Pattern.compile("(?m)^\\s*" + command + " (\\S+) (.*?)(?: \\|\\| goto failed)?$").matcher(config);
        assertThat(m.find()).as(command + " line in\n" + config).isTrue();
        return m.group(2).replaceAll("^initrd=\\S+ ", "").replace("'", "");
    }

    @Test
    void grubBootsTheInstallerTheIpxeScriptBootsWithTheSameArguments() {
        for (var c : List.of(List.of("kickstart", ALMA01), List.of("preseed", DEB01), List.of("autoinstall", NOBLE01))) {
            Host h = (Host) c.get(1);
            String ipxe = renderer.render("ipxe/" + c.get(0), TemplateFixtures.context(h, TemplateKind.IPXE));
            String grub = render("grub2/" + c.get(0), h);
            String mac = h.provisionInterface().mac().hyphens();
            assertThat(kernelArgs(grub, "linux")).as(c.get(0).toString())
                    .isEqualTo(kernelArgs(ipxe, "kernel").replace("BOOTIF=01-${netX/mac:hexhyp}", "BOOTIF=01-" + mac));
        }
    }

    @Test
    void bootproxysOwnFilesComeOverTftpAndAMirrorOverHttp() {
        String debianGrub = render("grub2/preseed", DEB01);
        assertThat(debianGrub).contains("  linux (tftp,192.0.2.1)/pub/vmlinuz auto=true priority=critical 'url="
                        + PUBLIC_URL + "/unattended/provision?token=tok-deb' ")
                .contains("  initrd (tftp,192.0.2.1)/pub/initrd.img\n")
                .contains("BOOTIF=01-52-54-00-00-de-b1\n");
        assertThat(render("grub2/kickstart", ALMA01))
                .contains("  linux (http,mirror.example.com)/almalinux/9.4/BaseOS/x86_64/os/images/pxeboot/vmlinuz console=ttyS0 "
                        + "'inst.ks=" + PUBLIC_URL + "/unattended/provision?token=tok-alma' inst.ks.sendmac BOOTIF=01-52-54-00-a1-00-02 ip=dhcp\n")
                .contains("  initrd (http,mirror.example.com)/almalinux/9.4/BaseOS/x86_64/os/images/pxeboot/initrd.img\n");
    }

    @Test
    void theTransportIsASettingAndAHostParameter() {
        assertThat(render("grub2/preseed", DEB01, GrubSettings.KernelTransport.HTTP))
                .contains("  linux (http,192.0.2.1:8000)/pub/vmlinuz ").contains("  initrd (http,192.0.2.1:8000)/pub/initrd.img\n");
        assertThat(render("grub2/preseed", withParams(DEB01, Map.of("grub_transport", "http"))))
                .contains("  linux (http,192.0.2.1:8000)/pub/vmlinuz ");
        assertThat(render("grub2/preseed", withParams(DEB01, Map.of("grub_transport", "tftp")), GrubSettings.KernelTransport.HTTP))
                .contains("  linux (tftp,192.0.2.1)/pub/vmlinuz ");
        assertThatThrownBy(() -> render("grub2/preseed", withParams(DEB01, Map.of("grub_transport", "nfs"))))
                .isInstanceOf(TemplateFailed.class).hasMessageContaining("grub_transport 'nfs' is not auto, tftp or http");
    }

    @Test
    void aMirrorKernelOverTftpIsRefusedAtRenderTimeWithWhatToDo() {
        assertThatThrownBy(() -> render("grub2/kickstart", ALMA01, GrubSettings.KernelTransport.TFTP))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageContaining("its GRUB loads the installer over TFTP")
                .hasMessageContaining("kernel_url http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os/images/pxeboot/vmlinuz")
                .hasMessageContaining("put the file into bootproxy's assets folder and set kernel_url to " + PUBLIC_URL + "/pub/<file>");
        Host https = withParams(ALMA01, Map.of("kernel_url", "https://mirror.example.com/vmlinuz"));
        assertThatThrownBy(() -> render("grub2/kickstart", https))
                .isInstanceOf(TemplateFailed.class).hasMessageContaining("GRUB cannot fetch https://mirror.example.com/vmlinuz (kernel_url)");
    }

    @Test
    void argumentsGrubWouldReadAsSyntaxAreQuoted() {
        assertThat(render("grub2/autoinstall", NOBLE01))
                .contains(" 'ds=nocloud-net;s=" + PUBLIC_URL + "/userdata/52:54:00:00:0b:01/' cloud-config-url=/dev/null ")
                .contains("menuentry 'Install noble01 (Ubuntu 24.04, autoinstall)' {");
        assertThat(GrubTemplatesTest.kernelArgs("  linux /k 'it'\\''s'\n", "linux")).isEqualTo("it\\s");
        Host quote = withParams(ALMA01, Map.of("kernelcmd", "console=ttyS0 msg=it's"));
        assertThat(render("grub2/kickstart", quote)).contains(" console=ttyS0 'msg=it'\\''s' ");
    }

    @Test
    void theConfigNamesTheNicItWasAskedForAndBootsAfterTheTimeout() {
        BootSettings settings = TemplateFixtures.settings();
        MacAddress other = ALMA01.interfaces().get(0).mac();
        String cfg = renderer.render("grub2/kickstart", new RenderContext(Optional.of(ALMA01), BootRequest.forMac(other, ""),
                TemplateKind.PXEGRUB2, new BootUrls(settings), settings));
        assertThat(cfg).contains(" BOOTIF=01-52-54-00-a1-00-01 ").startsWith("set default=0\nset fallback=1\nset timeout=5\n");
        assertThat(render("grub2/kickstart", withParams(ALMA01, Map.of("grub_timeout", "1")))).contains("set timeout=1\n");
        assertThatThrownBy(() -> render("grub2/kickstart", withParams(ALMA01, Map.of("grub_timeout", "soon"))))
                .isInstanceOf(TemplateFailed.class).hasMessageContaining("grub_timeout 'soon' is not a number");
    }

    @Test
    void theEntryConfigGoesOnToTheMachinesOwnConfigThenOffersIpxeOrTheDisk() {
        String cfg = render("grub2/default", null);
        assertThat(cfg).contains("for cfg in \"$cmdpath/grub.cfg-$net_default_mac\" \"/grub2/grub.cfg-$net_default_mac\""
                + " \"/httpboot/grub2/grub.cfg-$net_default_mac\"; do\n    configfile \"$cfg\"\n  done\n");
        assertThat(cfg.indexOf("configfile")).isLessThan(cfg.indexOf("menuentry"));
        assertThat(cfg).contains("set fallback=1\n").contains("chainloader /snponly.efi\n").contains("menuentry 'Boot from local disk' {");
    }

    @Test
    void localBootLooksForEveryDistributionsLoaderBeforeTheRemovableOneThenReturnsToTheFirmware() {
        String cfg = render("grub2/localboot", alma01().inBuild(false).build());
        assertThat(cfg).contains("bootproxy: alma01.example.com is not in build mode: booting from local disk")
                .contains("set timeout=0\n");
        String loaders = cfg.substring(cfg.indexOf("for loader in "), cfg.indexOf("; do"));
        assertThat(loaders).containsSubsequence("/EFI/redhat/shim$efi.efi", "/EFI/debian/shim$efi.efi", "/EFI/sles/shim.efi",
                "/EFI/Microsoft/Boot/bootmgfw.efi", "$removable");
        assertThat(cfg).contains("set removable=/EFI/BOOT/BOOTX64.EFI").contains("set removable=/EFI/BOOT/BOOTAA64.EFI")
                .contains("if chainloader ($esp)$loader; then\n        boot\n")
                .endsWith("  echo 'bootproxy: no boot loader found on a local disk; returning to the firmware'\n  exit\n}\n");
        assertThat(render("grub2/localboot", withParams(alma01().inBuild(false).build(), Map.of("local_efi_loader", "/EFI/custom/boot.efi"))))
                .contains("for loader in /EFI/custom/boot.efi /EFI/redhat/shim$efi.efi ");
    }
}
