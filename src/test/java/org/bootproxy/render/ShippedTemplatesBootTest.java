package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.fakes.Hosts.ALMA01;
import static org.bootproxy.fakes.Hosts.ALMA01_MAC;
import static org.bootproxy.fakes.Hosts.DEB01;
import static org.bootproxy.fakes.Hosts.DEB01_MAC;
import static org.bootproxy.fakes.Hosts.NOBLE01;
import static org.bootproxy.fakes.Hosts.NOBLE01_MAC;
import static org.bootproxy.fakes.Hosts.UNKNOWN_MAC;
import static org.bootproxy.fakes.Hosts.alma01;
import static org.bootproxy.fakes.Hosts.deb01;
import static org.bootproxy.render.TemplateFixtures.PUBLIC_URL;
import static org.bootproxy.render.TemplateFixtures.ipxeAsks;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bootproxy.boot.Answer;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.MemoryBuildStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The domain's boot decisions answered with the shipped templates: every name BootService uses exists. */
class ShippedTemplatesBootTest {



    private static BootService boot(UnknownMachineAnswer unknown, Host... hosts) {
        return new BootService(new FixedInventory(hosts), ShippedTemplates.renderer(), new MemoryBuildStates(),
                BootEvents.NONE, TemplateFixtures.settings(unknown), Clock.systemUTC());
    }

    private static BootService boot(Host... hosts) {
        return boot(UnknownMachineAnswer.MESSAGE, hosts);
    }

    @Test
    void hostIndependentTemplatesAllExist() {
        for (UnknownMachineAnswer unknown : UnknownMachineAnswer.values()) {
            assertThat(boot(unknown).hostIndependentTemplates()).allMatch(ShippedTemplates.renderer()::exists);
        }
        assertThat(ShippedTemplates.renderer().names()).contains(BootService.IPXE_LOCALBOOT, BootService.PXELINUX_LOCALBOOT,
                BootService.GRUB2_LOCALBOOT);
    }

    @Test
    void bootstrapGetsTheIntermediateScript() {
        BootRequest bootstrap = new BootRequest("192.0.2.100", List.of(), "", true, MachineFacts.NONE);
        Answer a = boot(ALMA01).ipxe(bootstrap);
        assertThat(a.template()).isEqualTo("ipxe/intermediate");
        assertThat(a.body()).startsWith("#!ipxe\n").contains("dhcp net7");
    }

    @Test
    void hostInBuildGetsItsFamilysInstallerScript() {
        BootService boot = boot(ALMA01, DEB01, NOBLE01);
        assertThat(boot.ipxe(ipxeAsks(ALMA01_MAC)).body()).contains("inst.ks=" + PUBLIC_URL + "/unattended/provision?token=tok-alma");
        assertThat(boot.ipxe(ipxeAsks(DEB01_MAC)).body()).contains("url=" + PUBLIC_URL + "/unattended/provision?token=tok-deb");
        assertThat(boot.ipxe(ipxeAsks(NOBLE01_MAC)).body()).contains("ds=nocloud-net;s=" + PUBLIC_URL + "/userdata/");
    }

    @Test
    void hostNotInBuildBootsLocally() {
        Answer a = boot(alma01().inBuild(false).build()).ipxe(ipxeAsks(ALMA01_MAC));
        assertThat(a.template()).isEqualTo("ipxe/localboot");
        assertThat(a.body()).endsWith("exit\n");
    }

    @ParameterizedTest
    @EnumSource(UnknownMachineAnswer.class)
    void unknownMachineGetsTheConfiguredAnswer(UnknownMachineAnswer answer) {
        BootRequest report = new BootRequest("192.0.2.100", List.of(), "", false,
                new MachineFacts("SN9", "QEMU", "PC", List.of(UNKNOWN_MAC)));
        Answer a = boot(answer, ALMA01).unknownMachine(report);
        assertThat(a.template()).isEqualTo(answer.template());
        assertThat(a.body()).startsWith("#!ipxe\n");
        if (answer != UnknownMachineAnswer.LOCALBOOT) {
            assertThat(a.body()).contains(UNKNOWN_MAC.colons()).contains("SN9");
        }
    }

    @Test
    void pxelinuxFilesComeFromTheTemplates() {
        BootService boot = boot(ALMA01, deb01().inBuild(false).build());
        assertThat(boot.tftpFile("pxelinux.cfg/default", "192.0.2.100").orElseThrow().body())
                .contains("chain " + PUBLIC_URL + "/unattended/iPXE?bootstrap=1");
        assertThat(boot.tftpFile("pxelinux.cfg/" + ALMA01_MAC.pxelinux(), "192.0.2.100").orElseThrow().body())
                .contains("chain " + PUBLIC_URL + "/unattended/iPXE?token=tok-alma");
        assertThat(boot.tftpFile("pxelinux.cfg/" + DEB01_MAC.pxelinux(), "192.0.2.100").orElseThrow().body())
                .contains("LOCALBOOT 0");
    }

    @Test
    void grub2FilesComeFromTheTemplates() {
        BootService boot = boot(ALMA01, deb01().inBuild(false).build());
        assertThat(boot.tftpFile("grub2/grub.cfg", "192.0.2.100").orElseThrow().body()).contains("chainloader /snponly.efi");
        assertThat(boot.tftpFile("grub2/grub.cfg-" + ALMA01_MAC.pxelinux(), "192.0.2.100").orElseThrow().body())
                .contains("Install alma01.example.com");
        assertThat(boot.tftpFile("grub2/grub.cfg-" + DEB01_MAC.colons(), "192.0.2.100").orElseThrow().body())
                .contains("Boot deb01.example.com from local disk");
    }

    @Test
    void answerFilesComeFromTheTemplates() {
        BootService boot = boot(ALMA01, DEB01, NOBLE01);
        assertThat(boot.template(ipxeAsks(ALMA01_MAC), TemplateKind.PROVISION, Optional.empty()).body())
                .contains("%post").contains(PUBLIC_URL + "/unattended/built?token=tok-alma");
        assertThat(boot.template(ipxeAsks(DEB01_MAC), TemplateKind.FINISH, Optional.empty()).body())
                .contains(PUBLIC_URL + "/unattended/built?token=tok-deb");
        assertThat(boot.template(ipxeAsks(NOBLE01_MAC), TemplateKind.USER_DATA, Optional.empty()).body())
                .startsWith("#cloud-config\n");
        assertThat(boot.metaData(ipxeAsks(NOBLE01_MAC)).body()).startsWith("instance-id: i-");
    }
}
