package org.bootproxy.render;

import org.bootproxy.boot.Answer;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.BuildStateStore;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.render.TemplateFixtures.ALMA_MAC;
import static org.bootproxy.render.TemplateFixtures.DEBIAN_MAC;
import static org.bootproxy.render.TemplateFixtures.PUBLIC_URL;
import static org.bootproxy.render.TemplateFixtures.UBUNTU_MAC;
import static org.bootproxy.render.TemplateFixtures.UNKNOWN_MAC;
import static org.bootproxy.render.TemplateFixtures.alma;
import static org.bootproxy.render.TemplateFixtures.debian;
import static org.bootproxy.render.TemplateFixtures.ipxeAsks;
import static org.bootproxy.render.TemplateFixtures.ubuntu;

/** The domain's boot decisions answered with the shipped templates: every name BootService uses exists. */
class ShippedTemplatesBootTest {

    /** Serves exactly the hosts it was given. */
    private static final class FixedInventory implements HostInventory {
        private final List<Host> hosts;

        FixedInventory(Host... hosts) {
            this.hosts = List.of(hosts);
        }

        @Override
        public Optional<Host> findByMac(MacAddress mac) {
            return hosts.stream().filter(h -> h.hasMac(mac)).findFirst();
        }

        @Override
        public String describe() {
            return "fixed";
        }
    }

    /** Remembers build states in memory. */
    private static final class InMemoryBuildStates implements BuildStateStore {
        private final Map<String, BuildState> states = new HashMap<>();

        @Override
        public Optional<BuildState> get(String hostName) {
            return Optional.ofNullable(states.get(hostName));
        }

        @Override
        public void put(BuildState state) {
            states.put(state.hostName(), state);
        }
    }

    private static BootService boot(UnknownMachineAnswer unknown, Host... hosts) {
        return new BootService(new FixedInventory(hosts), ShippedTemplates.renderer(), new InMemoryBuildStates(),
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
        Answer a = boot(alma(true)).ipxe(bootstrap);
        assertThat(a.template()).isEqualTo("ipxe/intermediate");
        assertThat(a.body()).startsWith("#!ipxe\n").contains("dhcp net7");
    }

    @Test
    void hostInBuildGetsItsFamilysInstallerScript() {
        BootService boot = boot(alma(true), debian(true), ubuntu(true));
        assertThat(boot.ipxe(ipxeAsks(ALMA_MAC)).body()).contains("inst.ks=" + PUBLIC_URL + "/unattended/provision?token=tok-alma");
        assertThat(boot.ipxe(ipxeAsks(DEBIAN_MAC)).body()).contains("url=" + PUBLIC_URL + "/unattended/provision?token=tok-deb");
        assertThat(boot.ipxe(ipxeAsks(UBUNTU_MAC)).body()).contains("ds=nocloud-net;s=" + PUBLIC_URL + "/userdata/");
    }

    @Test
    void hostNotInBuildBootsLocally() {
        Answer a = boot(alma(false)).ipxe(ipxeAsks(ALMA_MAC));
        assertThat(a.template()).isEqualTo("ipxe/localboot");
        assertThat(a.body()).endsWith("exit\n");
    }

    @ParameterizedTest
    @EnumSource(UnknownMachineAnswer.class)
    void unknownMachineGetsTheConfiguredAnswer(UnknownMachineAnswer answer) {
        BootRequest report = new BootRequest("192.0.2.100", List.of(), "", false,
                new MachineFacts("SN9", "QEMU", "PC", List.of(UNKNOWN_MAC)));
        Answer a = boot(answer, alma(true)).unknownMachine(report);
        assertThat(a.template()).isEqualTo(answer.template());
        assertThat(a.body()).startsWith("#!ipxe\n");
        if (answer != UnknownMachineAnswer.LOCALBOOT) {
            assertThat(a.body()).contains(UNKNOWN_MAC.colons()).contains("SN9");
        }
    }

    @Test
    void pxelinuxFilesComeFromTheTemplates() {
        BootService boot = boot(alma(true), debian(false));
        assertThat(boot.tftpFile("pxelinux.cfg/default", "192.0.2.100").orElseThrow().body())
                .contains("chain " + PUBLIC_URL + "/unattended/iPXE?bootstrap=1");
        assertThat(boot.tftpFile("pxelinux.cfg/" + ALMA_MAC.pxelinux(), "192.0.2.100").orElseThrow().body())
                .contains("chain " + PUBLIC_URL + "/unattended/iPXE?token=tok-alma");
        assertThat(boot.tftpFile("pxelinux.cfg/" + DEBIAN_MAC.pxelinux(), "192.0.2.100").orElseThrow().body())
                .contains("LOCALBOOT 0");
    }

    @Test
    void grub2FilesComeFromTheTemplates() {
        BootService boot = boot(alma(true), debian(false));
        assertThat(boot.tftpFile("grub2/grub.cfg", "192.0.2.100").orElseThrow().body()).contains("chainloader /snponly.efi");
        assertThat(boot.tftpFile("grub2/grub.cfg-" + ALMA_MAC.pxelinux(), "192.0.2.100").orElseThrow().body())
                .contains("Install alma01.example.com");
        assertThat(boot.tftpFile("grub2/grub.cfg-" + DEBIAN_MAC.colons(), "192.0.2.100").orElseThrow().body())
                .contains("Boot deb01.example.com from local disk");
    }

    @Test
    void answerFilesComeFromTheTemplates() {
        BootService boot = boot(alma(true), debian(true), ubuntu(true));
        assertThat(boot.template(ipxeAsks(ALMA_MAC), TemplateKind.PROVISION, Optional.empty()).body())
                .contains("%post").contains(PUBLIC_URL + "/unattended/built?token=tok-alma");
        assertThat(boot.template(ipxeAsks(DEBIAN_MAC), TemplateKind.FINISH, Optional.empty()).body())
                .contains(PUBLIC_URL + "/unattended/built?token=tok-deb");
        assertThat(boot.template(ipxeAsks(UBUNTU_MAC), TemplateKind.USER_DATA, Optional.empty()).body())
                .startsWith("#cloud-config\n");
        assertThat(boot.template(ipxeAsks(UBUNTU_MAC), TemplateKind.META_DATA, Optional.empty()).body())
                .startsWith("instance-id: ");
    }
}
