package org.bootproxy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.e2e.PxeLab.NET0;
import static org.bootproxy.e2e.PxeLab.NET1;
import static org.bootproxy.e2e.PxeLab.inUrl;
import static org.bootproxy.e2e.Expect.HOST;
import static org.bootproxy.e2e.Expect.hostFile;
import static org.bootproxy.e2e.Expect.http;
import static org.bootproxy.e2e.Expect.intermediateScript;
import static org.bootproxy.e2e.Expect.nicChain;
import static org.bootproxy.e2e.Expect.tftp;
import static org.bootproxy.e2e.PxeLab.literal;

import com.fasterxml.jackson.databind.JsonNode;
import org.bootproxy.e2e.PxeLab.Boot;
import org.bootproxy.e2e.PxeLab.Run;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real VMs network-boot through bootproxy's packaged jar in pxe-lab (see {@link PxeLab}: needs root and the Debian
 * packages .ci/run installs). Each case writes its own host files, boots one VM and waits for every stage, by
 * bootproxy's own log lines (which request, which MAC, which template, which host) and by the serial console
 * (iPXE's and the lab's test installer's markers). Run one case with
 * {@code mvn -B verify -Pe2e -Dit.test='BootChainIT#ipxeDirectInstalls'}.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootChainIT extends VmSuite {

    /**
     * Firmware → TFTP pxelinux.0 → rendered pxelinux.cfg/01-&lt;mac&gt; (pxelinux/chain-ipxe) → ipxe.lkrn → the host's
     * iPXE script → installer → built. Then the same VM boots again: bootproxy now renders pxelinux/localboot for it
     * (the build record in the state folder) and pxelinux hands the machine back to the firmware's local disk.
     */
    @Test
    @Order(1)
    void pxelinuxChainInstallsThenBootsLocally() {
        site.host(HOST, hostFile(HOST, true, NET0));
        install("pxelinux chain, 1st boot: install", Boot.mode("pxelinux")
                .expect(tftp("pxelinux.0", "source=static"))
                .expect(tftp("pxelinux.cfg/01-52-54-00-12-34-56", "source=rendered template=pxelinux/chain-ipxe host=" + HOST))
                .expect(tftp("ipxe.lkrn", "source=static"))
                .expect(http("/unattended/iPXE\\?mac=" + inUrl(NET0), 200, "ipxe/kickstart", HOST, "iPXE/"))
                .expect(http("/pub/vmlinuz", 200, "vmlinuz", "-", "iPXE/")), NET0, "eth0");

        Run again = lab.boot("pxelinux chain, 2nd boot: local disk", site, Boot.mode("pxelinux")
                .expect(tftp("pxelinux.cfg/01-52-54-00-12-34-56", "source=rendered template=pxelinux/localboot host=" + HOST))
                .expect("Booting from local disk\\.\\.\\.")
                .expect("No bootable device")).assertPassed();
        assertThat(again.serverLog()).as(again.context())
                .noneMatch(l -> l.contains("tftp ok ipxe.lkrn") || l.contains("GET /unattended/"));
    }

    /** DHCP hands the NIC's iPXE ROM bootproxy's URL: intermediate script → the host's script → installer → built. */
    @Test
    @Order(2)
    void ipxeDirectInstalls() {
        site.host(HOST, hostFile(HOST, true, NET0));
        install("iPXE direct", Boot.mode("ipxe")
                .expect(literal("Filename: " + Site.PUBLIC_URL + "/unattended/iPXE?bootstrap=1"))
                .expect(intermediateScript("bootstrap=1"))
                .expect(nicChain(NET0, "ipxe/kickstart")), NET0, "eth0");
    }

    /**
     * net0 is on a dead segment and only net1's MAC is in the inventory: the firmware gives up on net0's ROM, net1's
     * ROM gets the intermediate script, whose {@code dhcp net0} fails, so it moves on and asks for net1's MAC.
     */
    @Test
    @Order(3)
    void deadFirstNicFallsThroughToTheKnownSecondNic() {
        site.host(HOST, hostFile(HOST, true, NET1));
        Run run = install("multi-NIC (iPXE): net0 dead, net1 known", Boot.mode("ipxe").nics(2, 1).timeout(180)
                .expect(intermediateScript("bootstrap=1"))
                .expect(literal("bootproxy: trying net0 (" + NET0 + ")"))
                .expect(literal("bootproxy: trying net1 (" + NET1 + ")"))
                .expect(nicChain(NET1, "ipxe/kickstart")), NET1, "eth1");
        assertThat(run.serverLog()).as("net0 never reached bootproxy\n" + run.context()).noneMatch(l -> l.contains("mac=" + NET0));
    }

    /**
     * Both NICs are live and only net1's MAC is known. The firmware boots from net0: pxelinux finds no
     * pxelinux.cfg/01-&lt;net0&gt; and takes pxelinux/default, which chains to the intermediate script; net0's chain gets
     * bootproxy's 404, the script moves on to net1, whose MAC finds the host.
     */
    @Test
    @Order(4)
    void unknownFirstNicGets404AndTheSecondNicIsFound() {
        site.host(HOST, hostFile(HOST, true, NET1));
        install("multi-NIC (pxelinux): net0 unknown, net1 known", Boot.mode("pxelinux").nics(2, 0)
                .expect("tftp not-found pxelinux\\.cfg/01-52-54-00-12-34-56 .*reason=\"no host has MAC " + NET0 + "\"")
                .expect(tftp("pxelinux.cfg/default", "source=rendered template=pxelinux/default"))
                .expect(intermediateScript("bootstrap=1&mac=" + inUrl(NET0)))
                .expect("GET /unattended/iPXE\\?mac=" + inUrl(NET0) + "&[^ ]* 404 - host=- .*reason=\"no host has MAC " + NET0 + "\"")
                .expect(nicChain(NET1, "ipxe/kickstart")), NET1, "eth1");
    }

    /**
     * No NIC of the machine is known: the intermediate script tries both, then reports every MAC with the machine's
     * SMBIOS facts and gets the configured unknown-machine answer (ipxe/unknown: show the facts, boot locally).
     * bootproxy records the machine: after the boot, the jar started again on the same state folder lists it under
     * /api/machines with both NICs and what QEMU's SMBIOS says (the lab cannot pass -smbios, so QEMU's defaults: no
     * serial, manufacturer QEMU, its i440FX product name) and what its iPXE ROM is (i386, pcbios).
     */
    @Test
    @Order(5)
    void unknownMachineIsReportedAndGetsTheUnknownAnswer() {
        // the inventory is not empty: it holds another machine
        site.host("db01.example.com", hostFile("db01.example.com", true, "52:54:00:00:02:01"));
        String product = "Standard PC (i440FX + PIIX, 1996)"; // what QEMU's default BIOS machine type says in SMBIOS
        String reported = "EventLog .* - unknown-machine .*detail=ipxe/unknown outcome=reported ";
        Run run = lab.boot("unknown machine", site, Boot.mode("ipxe").nics(2, 0)
                .expect("GET /unattended/iPXE\\?mac=" + inUrl(NET1) + "&[^ ]* 404 ")
                .expect(reported + ".*macs=" + NET0 + "," + NET1 + "( |$)")
                .expect(reported + ".*manufacturer=QEMU( |$)")
                .expect(reported + ".*product=\"" + literal(product) + "\"")
                .expect(reported + ".*serial=\"\"")
                .expect(reported + ".*answer=message( |$)")
                .expect(reported + ".*arch=i386( |$)")
                .expect(reported + ".*platform=pcbios( |$)")
                .expect("discovery: new machine " + NET0.replace(":", "") + " macs=" + NET0 + " ")
                .expect(http("/unattended/iPXE\\?unknown=1&macs=" + inUrl(NET0) + "," + inUrl(NET1) + ",[^ ]*", 200, "ipxe/unknown", "-", "iPXE/"))
                .expect(literal("bootproxy: this machine is not in the inventory"))
                .expect(literal("MACs: " + NET0 + " " + NET1))
                .expect(literal("product: " + product))
                .expect("Booting from local disk in [0-9]+ seconds")).assertPassed();
        assertThat(run.serverLog()).as(run.context()).noneMatch(l -> l.contains("/unattended/provision"));

        JsonNode machines = Site.listMachines(site);
        System.out.println("=== unknown machine: /api/machines after the boot\n" + machines.toPrettyString());
        assertThat(machines).as(machines.toPrettyString()).hasSize(1);
        JsonNode m = machines.get(0);
        assertThat(m.path("id").asText()).isEqualTo(NET0.replace(":", ""));
        assertThat(m.path("macs").toString()).isEqualTo("[\"" + NET0 + "\",\"" + NET1 + "\"]");
        assertThat(m.path("manufacturer").asText()).isEqualTo("QEMU");
        assertThat(m.path("product").asText()).isEqualTo(product);
        assertThat(m.path("serial").asText()).isEmpty();
        // QEMU without -uuid fills SMBIOS type 1 with the nil UUID, and iPXE's ${uuid} prints it
        assertThat(m.path("uuid").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(m.path("arch").asText()).isEqualTo("i386");
        assertThat(m.path("platform").asText()).isEqualTo("pcbios");
        assertThat(m.path("bootif").asText()).isIn(NET0, NET1);
        assertThat(m.path("client_ip").asText()).startsWith("192.0.2.");
        assertThat(m.path("boots").asInt()).isEqualTo(1);
        assertThat(m.path("unknown_answer").asBoolean()).isTrue();
        assertThat(m.path("host").asText()).isEmpty();
    }

    /** A known host that is not in build gets ipxe/localboot: iPXE exits and the firmware goes on to its disk. */
    @Test
    @Order(6)
    void hostNotInBuildBootsFromLocalDisk() {
        site.host(HOST, hostFile(HOST, false, NET0));
        Run run = lab.boot("not in build", site, Boot.mode("ipxe")
                .expect(nicChain(NET0, "ipxe/localboot"))
                .expect(literal("bootproxy: " + HOST + " is not in build mode: booting from local disk"))
                .expect("No bootable device")).assertPassed();
        assertThat(run.serverLog()).as(run.context()).noneMatch(l -> l.contains("/pub/vmlinuz") || l.contains("/unattended/provision"));
    }

    /** OVMF's own PXE client (no iPXE ROM) → TFTP snponly.efi → iPXE → intermediate → host script → installer. */
    @Test
    @Order(7)
    void uefiFirmwarePxeChainsSnponlyAndInstalls() {
        site.host(HOST, hostFile(HOST, true, NET0));
        install("UEFI: OVMF PXE, snponly.efi", Boot.mode("uefi-pxe")
                .expect("NBP filename is snponly\\.efi")
                .expect(tftp("snponly.efi", "source=static"))
                .expect(intermediateScript("bootstrap=1"))
                .expect(nicChain(NET0, "ipxe/kickstart"))
                // the UEFI kernel finds the initrd by the name the script gives it (initrd=initrd.img)
                .expect("EFI stub: Loaded initrd"), NET0, "eth0");
    }
}
