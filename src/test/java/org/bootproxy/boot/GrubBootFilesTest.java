package org.bootproxy.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.NamingRenderer;
import org.junit.jupiter.api.Test;

/**
 * The names a UEFI machine's shim and GRUB ask for, as the domain answers them: GRUB's entry configs (a setting),
 * per-MAC configs in grub2/ and in a Foreman 3.14 host folder, and a host folder's boot loaders.
 */
class GrubBootFilesTest {
    private static final String WEB01_FOLDER = "host-config/52-54-00-aa-00-01/grub2/";

    private static BootService boot(GrubSettings grub) {
        BootSettings settings = new BootSettings(URI.create("http://192.0.2.1:8000"), 8, UnknownMachineAnswer.MESSAGE,
                BootproxyConfig.builtInDefaults(), 10, grub);
        return new BootService(new FixedInventory(Hosts.WEB01, Hosts.DB01), NamingRenderer.standard(),
                new MemoryBuildStates(), BootEvents.NONE, settings, BootServiceTest.CLOCK);
    }

    private final BootService boot = boot(GrubSettings.defaults());

    @Test
    void grubsEntryConfigsAreTheDefaultTemplateAndASetting() {
        assertThat(boot.tftpFile("grub/grub.cfg", "").orElseThrow().template()).isEqualTo("grub2/default");
        assertThat(boot.tftpFile("/grub2/grub.cfg", "").orElseThrow().reason()).isEqualTo(Answer.Reason.DEFAULT);
        BootService suse = boot(new GrubSettings(List.of("/boot/grub2/grub.cfg"), GrubSettings.KernelTransport.AUTO, ""));
        assertThat(suse.tftpFile("boot/grub2/grub.cfg", "").orElseThrow().template()).isEqualTo("grub2/default");
        assertThat(suse.tftpFile("grub/grub.cfg", "")).as("not an entry config there").isEmpty();
        assertThat(suse.tftpFile("grub2/grub.cfg", "")).isEmpty();
    }

    @Test
    void aHostFoldersThreeConfigsAreTheHostsGrubConfig() {
        for (String name : List.of("grub.cfg", "grub.cfg-01-52-54-00-aa-00-01", "grub.cfg-52:54:00:aa:00:01")) {
            Answer a = boot.tftpFile(WEB01_FOLDER + name, "").orElseThrow();
            assertThat(a.template()).as(name).isEqualTo("grub2/kickstart");
            assertThat(a.hostName()).isEqualTo("web01.example.com");
        }
        assertThat(boot.tftpFile("host-config/52-54-00-bb-00-01/grub2/grub.cfg", "").orElseThrow().template())
                .isEqualTo("grub2/localboot");
        assertThat(boot.tftpFile(WEB01_FOLDER + "grub.cfg-52:54:00:aa:00:02", "")).as("another MAC's name in the folder").isEmpty();
        assertThat(boot.tftpFile(WEB01_FOLDER + "shimx64.efi", "")).as("a boot loader, not a config").isEmpty();
        assertThatThrownBy(() -> boot.tftpFile("host-config/52-54-00-ff-ff-ff/grub2/grub.cfg", "")).isInstanceOf(HostNotFound.class);
    }

    @Test
    void aHostFoldersBootLoadersComeFromItsUniverseElseGrub2() {
        LoaderLink shim = boot.loaderLink(WEB01_FOLDER + "shimx64.efi", "").orElseThrow();
        assertThat(shim.host()).isEqualTo("web01.example.com");
        assertThat(shim.sources()).extracting(LoaderLink.Source::path).containsExactly(
                "bootloader-universe/pxegrub2/almalinux/9.4/x86_64/shimx64.efi",
                "bootloader-universe/pxegrub2/almalinux/default/x86_64/shimx64.efi",
                "grub2/shimx64.efi");
        assertThat(boot.loaderLink(WEB01_FOLDER + "boot-sb.efi", "").orElseThrow().sources())
                .extracting(LoaderLink.Source::path).endsWith("grub2/shimx64.efi");
        assertThat(boot.loaderLink(WEB01_FOLDER + "boot.efi", "").orElseThrow().sources())
                .extracting(LoaderLink.Source::path).endsWith("grub2/grubx64.efi");
        assertThat(boot.loaderLink(WEB01_FOLDER + "mmx64.efi", "").orElseThrow().sources())
                .as("only a universe can hold other names").extracting(LoaderLink.Source::dir).noneMatch(d -> d.equals("grub2"));
        assertThat(boot.loaderLink(WEB01_FOLDER + "grub.cfg", "")).isEmpty();
        assertThat(boot.loaderLink("grub2/shimx64.efi", "")).isEmpty();
        assertThatThrownBy(() -> boot.loaderLink("host-config/52-54-00-ff-ff-ff/grub2/shimx64.efi", "")).isInstanceOf(HostNotFound.class);
    }

    @Test
    void foremansBootFileSuffixesPerArchitecture() {
        assertThat(HostConfigTree.bootfileSuffix("x86_64")).isEqualTo("x64");
        assertThat(HostConfigTree.bootfileSuffix("aarch64")).isEqualTo("aa64");
        assertThat(HostConfigTree.bootfileSuffix("i686")).isEqualTo("ia32");
        assertThat(HostConfigTree.bootfileSuffix("ppc64le")).isEqualTo("ppc64le");
        assertThat(HostConfigTree.query(Hosts.WEB01)).isEqualTo(new HostConfigTree.LoaderQuery("almalinux", "9.4", "x86_64", "x64"));
    }

    @Test
    void theMacABootFileNameCarries() {
        assertThat(MacAddress.inFileName(WEB01_FOLDER + "shimx64.efi")).contains(MacAddress.parse("52:54:00:aa:00:01"));
        assertThat(MacAddress.inFileName("pxelinux.cfg/01-52-54-00-aa-00-02")).contains(MacAddress.parse("52:54:00:aa:00:02"));
        assertThat(MacAddress.inFileName("grub2/grub.cfg-52:54:00:aa:00:03")).contains(MacAddress.parse("52:54:00:aa:00:03"));
        assertThat(MacAddress.inFileName("grub/grub.cfg")).isEmpty();
        assertThat(MacAddress.inFileName("pub/vmlinuz")).isEmpty();
    }

    @Test
    void entryConfigsOutsideTheRootAreRefused() {
        assertThatThrownBy(() -> new GrubSettings(List.of("grub/../../etc/grub.cfg"), GrubSettings.KernelTransport.AUTO, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a GRUB config path");
        assertThatThrownBy(() -> GrubSettings.KernelTransport.parse("ftp")).hasMessageContaining("use auto, tftp or http");
    }
}
