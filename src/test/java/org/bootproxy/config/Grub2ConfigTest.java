package org.bootproxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bootproxy.boot.GrubSettings;
import org.bootproxy.boot.TemplateKind;
import org.junit.jupiter.api.Test;

/** The grub2: section: which configs a signed GRUB reads first, and how per-host configs load the installer. */
class Grub2ConfigTest {

    private static GrubSettings grub(String yaml) {
        return BootproxyConfigTest.resolve(yaml, Overrides.NONE).boot().grub();
    }

    @Test
    void defaultsServeDebiansAndRedHatsEntryConfigsAndPickTheTransportPerUrl() {
        GrubSettings g = grub("template_url: http://192.0.2.1:8000\n");
        assertThat(g.entryConfigs()).containsExactly("grub/grub.cfg", "grub2/grub.cfg");
        assertThat(g.kernelTransport()).isEqualTo(GrubSettings.KernelTransport.AUTO);
        assertThat(BootproxyConfigTest.resolve("template_url: http://192.0.2.1:8000\n", Overrides.NONE).boot().grubTftpServer())
                .isEqualTo("192.0.2.1");
    }

    @Test
    void everyKeyIsRead() {
        BootproxyConfig s = BootproxyConfigTest.resolve("""
                template_url: http://192.0.2.1:8000
                grub2:
                  entry_configs: [/boot/grub2/grub.cfg]
                  kernel_transport: TFTP
                  tftp_server: 192.0.2.5
                """, Overrides.NONE);
        assertThat(s.boot().grub().entryConfigs()).containsExactly("boot/grub2/grub.cfg");
        assertThat(s.boot().grub().kernelTransport()).isEqualTo(GrubSettings.KernelTransport.TFTP);
        assertThat(s.boot().grubTftpServer()).isEqualTo("192.0.2.5");
    }

    @Test
    void aWrongTransportIsNamedWithWhatIsAllowed() {
        assertThatThrownBy(() -> grub("grub2:\n  kernel_transport: nfs\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("grub2.kernel_transport: 'nfs' is not allowed; use auto")
                .hasMessageContaining("tftp (Debian's and Ubuntu's signed GRUB)");
    }

    @Test
    void anEntryConfigOutsideTheRootIsRefused() {
        assertThatThrownBy(() -> grub("grub2:\n  entry_configs: [../grub.cfg]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("grub2.entry_configs: '../grub.cfg' is not a GRUB config path");
        assertThatThrownBy(() -> grub("grub2:\n  tftp_server: 'a,b'\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("grub2.tftp_server");
    }

    @Test
    void eachFamilyGetsTheGrubConfigOfTheInstallerItsIpxeScriptBoots() {
        var d = BootproxyConfig.builtInDefaults();
        assertThat(d.get("Redhat")).containsEntry(TemplateKind.PXEGRUB2, "grub2/kickstart").containsEntry(TemplateKind.IPXE, "ipxe/kickstart");
        assertThat(d.get("Debian")).containsEntry(TemplateKind.PXEGRUB2, "grub2/preseed");
        assertThat(d.get("Ubuntu")).containsEntry(TemplateKind.PXEGRUB2, "grub2/autoinstall");
    }
}
