package org.bootproxy.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.fakes.HostBuilder;
import org.bootproxy.fakes.Hosts;
import org.junit.jupiter.api.Test;

/**
 * What every inventory backend must do, whatever it reads (files, Foreman, a CMDB).
 * A subclass turns the fixture hosts below into its own source (YAML files, WireMock stubs…)
 * and returns an inventory reading them.
 */
public abstract class HostInventoryContract {

    /** web01 with a template override, so backends show they carry one. */
    protected static final Host WEB01 = Hosts.web01().template(TemplateKind.IPXE, "ipxe/kickstart").build();
    protected static final Host DB01 = Hosts.DB01;

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
        Host changed = HostBuilder.from(WEB01).token("tok-web01-new").param("kernelcmd", "console=ttyS1").build();
        Host after = inventoryWith(List.of(changed)).findByMac(MacAddress.parse("52:54:00:aa:00:01")).orElseThrow();
        assertThat(after.revision()).isNotEmpty().isNotEqualTo(before.revision());
    }
}
