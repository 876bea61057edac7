package org.bootproxy.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.Subnet;
import org.bootproxy.boot.TemplateKind;
import org.junit.jupiter.api.Test;

/**
 * What every inventory backend must do, whatever it reads (files, Foreman, a CMDB).
 * A subclass turns the fixture hosts below into its own source (YAML files, WireMock stubs…)
 * and returns an inventory reading them.
 */
public abstract class HostInventoryContract {

    protected static final Host WEB01 = new Host("web01.example.com", true, "tok-web01",
            List.of(new Nic(MacAddress.parse("52:54:00:aa:00:01"), "192.0.2.11", "eth0", true),
                    new Nic(MacAddress.parse("52:54:00:aa:00:02"), "", "eth1", false)),
            new OperatingSystem("AlmaLinux", "Redhat", "9", "4", "x86_64", ""),
            "http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os",
            new Subnet("255.255.255.0", "192.0.2.1", List.of("192.0.2.53"), "dhcp"),
            Map.of("kernelcmd", "console=ttyS0"),
            Map.of(TemplateKind.IPXE, "ipxe/kickstart"),
            "", "");

    protected static final Host DB01 = new Host("db01.example.com", false, "",
            List.of(new Nic(MacAddress.parse("52:54:00:bb:00:01"), "192.0.2.21", "ens3", true)),
            new OperatingSystem("Debian", "Debian", "12", "", "x86_64", "bookworm"),
            "http://deb.example.com/debian",
            new Subnet("255.255.255.0", "192.0.2.1", List.of(), "static"),
            Map.of(), Map.of(), "", "");

    /** An inventory that serves exactly these hosts. */
    protected abstract HostInventory inventoryWith(List<Host> hosts) throws Exception;

    @Test
    void findsHostByItsProvisioningMac() throws Exception {
        var inv = inventoryWith(List.of(WEB01, DB01));
        assertThat(inv.findByMac(MacAddress.parse("52:54:00:aa:00:01"))).map(Host::name).contains("web01.example.com");
    }

    @Test
    void findsHostByASecondaryNicMac() throws Exception {
        var inv = inventoryWith(List.of(WEB01, DB01));
        assertThat(inv.findByMac(MacAddress.parse("52-54-00-AA-00-02"))).map(Host::name).contains("web01.example.com");
    }

    @Test
    void unknownMacIsNotFound() throws Exception {
        var inv = inventoryWith(List.of(WEB01, DB01));
        assertThat(inv.findByMac(MacAddress.parse("52:54:00:ff:ff:ff"))).isEmpty();
    }

    @Test
    void hostCarriesWhatTemplatesNeed() throws Exception {
        var inv = inventoryWith(List.of(WEB01, DB01));
        Host h = inv.findByMac(MacAddress.parse("52:54:00:aa:00:01")).orElseThrow();
        assertThat(h.build()).isTrue();
        assertThat(h.os().family()).isEqualToIgnoringCase("Redhat");
        assertThat(h.os().major()).isEqualTo("9");
        assertThat(h.os().minor()).isEqualTo("4");
        assertThat(h.os().arch()).isEqualTo("x86_64");
        assertThat(h.medium()).isEqualTo("http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os");
        assertThat(h.params()).containsEntry("kernelcmd", "console=ttyS0");
        assertThat(h.provisionInterface().mac()).isEqualTo(MacAddress.parse("52:54:00:aa:00:01"));
        assertThat(h.provisionInterface().ip()).isEqualTo("192.0.2.11");
        assertThat(h.interfaces()).hasSize(2);
        assertThat(h.subnet().mask()).isEqualTo("255.255.255.0");
        assertThat(h.subnet().gateway()).isEqualTo("192.0.2.1");
    }

    @Test
    void hostNotInBuildSaysSo() throws Exception {
        var inv = inventoryWith(List.of(WEB01, DB01));
        Host h = inv.findByMac(MacAddress.parse("52:54:00:bb:00:01")).orElseThrow();
        assertThat(h.build()).isFalse();
        assertThat(h.subnet().isStatic()).isTrue();
    }

    @Test
    void revisionChangesWhenTheDefinitionChanges() throws Exception {
        Host before = inventoryWith(List.of(WEB01)).findByMac(MacAddress.parse("52:54:00:aa:00:01")).orElseThrow();
        Host changed = new Host(WEB01.name(), true, "tok-web01-new", WEB01.interfaces(), WEB01.os(), WEB01.medium(),
                WEB01.subnet(), Map.of("kernelcmd", "console=ttyS1"), WEB01.templates(), "", "");
        Host after = inventoryWith(List.of(changed)).findByMac(MacAddress.parse("52:54:00:aa:00:01")).orElseThrow();
        assertThat(after.revision()).isNotEmpty().isNotEqualTo(before.revision());
    }
}
