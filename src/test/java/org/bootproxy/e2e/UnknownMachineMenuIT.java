package org.bootproxy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.e2e.PxeLab.NET0;
import static org.bootproxy.e2e.PxeLab.inUrl;
import static org.bootproxy.e2e.PxeLab.literal;

import org.bootproxy.e2e.PxeLab.Boot;
import org.bootproxy.e2e.PxeLab.Run;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A machine no inventory knows reaches the OS menu through a profile and installs with the group the menu's
 * default names. pxe-lab writes the VM's serial console to a file and takes no input, so no key can be pressed:
 * the menu's timeout (1 s here, the profile's menu_timeout) takes the default entry (its menu_default), which is
 * what an unattended rack sees too. Run it alone with
 * {@code mvn -B verify -Pe2e -DskipUnitTests -Dit.test='UnknownMachineMenuIT'}.
 */
@Tag("e2e")
class UnknownMachineMenuIT extends VmSuite {
    private static final String DISCOVERED = "discovered-" + NET0.replace(":", "");
    private static final String TOKEN = "bp.group.alma9." + NET0.replace(":", "");

    @Test
    void anUnknownQemuMachineGetsTheMenuAndInstallsWithTheDefaultGroup() {
        // the inventory is not empty: it holds another machine
        site.host("db01.example.com", Site.hostFile("db01.example.com", true, "52:54:00:00:02:01", ""));
        site.group("alma9", """
                menu: AlmaLinux 9.4 (kickstart)
                os: {name: AlmaLinux, family: Redhat, major: 9, minor: 4}
                params:
                  kernel_url: %s/pub/vmlinuz
                  initrd_url: %s/pub/initrd.img
                  kernelcmd: console=ttyS0
                """.formatted(Site.PUBLIC_URL, Site.PUBLIC_URL));
        site.profile("qemu", """
                match: {manufacturer: QEMU}
                template: ipxe/menu
                params: {menu_default: alma9, menu_timeout: 1}
                """);
        String provision = "/unattended/provision?token=" + TOKEN;
        Run run = lab.boot("unknown machine: OS menu, timeout default", site, Boot.mode("ipxe")
                .expect("GET /unattended/iPXE\\?mac=" + inUrl(NET0) + "&[^ ]* 404 ")
                // the event's fields come in no particular order
                .expect("EventLog .* - unknown-machine .*detail=ipxe/menu outcome=reported (.* )?profile=qemu( |$)")
                .expect("EventLog .* - unknown-machine .*detail=ipxe/menu outcome=reported (.* )?decision=profile( |$)")
                .expect(Expect.http("/unattended/iPXE\\?unknown=1&[^ ]*", 200, "ipxe/menu", "-", "iPXE/"))
                .expect(literal("bootproxy: installing AlmaLinux 9.4 (kickstart) on this machine (group alma9)"))
                .expect(Expect.http("/unattended/iPXE\\?menu=alma9&mac=" + inUrl(NET0), 200, "ipxe/kickstart", DISCOVERED, "iPXE/"))
                // the request log shows a token's first characters only
                .expect(Expect.http("/unattended/provision\\?token=bp\\.g\\?", 200, "provision/kickstart", DISCOVERED,
                        "pxe-lab-installer/"))
                .expect(literal("PXE-LAB-INSTALLER: answer-file url=" + Site.PUBLIC_URL + provision + " "))
                .expect("EventLog .* - built .*detail=" + DISCOVERED + " outcome=recorded .*upstream=\"none \\(discovered machine\\)\"")
                .expect(literal("PXE-LAB-INSTALLER: built url=" + Site.PUBLIC_URL + "/unattended/built?token=" + TOKEN
                        + " status=201"))).assertPassed();
        time("unknown machine: menu default installs", run, literal("PXE-LAB-INSTALLER: built url=" + Site.PUBLIC_URL
                + "/unattended/built?token=" + TOKEN + " status=201"), "built");
        assertThat(site.dir().resolve("state/build-state/" + DISCOVERED + ".json"))
                .as("the machine is recorded as discovered and installed").isRegularFile();
    }
}
