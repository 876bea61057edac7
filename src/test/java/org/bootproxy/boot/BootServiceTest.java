package org.bootproxy.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.fakes.BrokenInventory;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.NamingRenderer;
import org.junit.jupiter.api.Test;

class BootServiceTest {
    static final BootSettings SETTINGS = new BootSettings(URI.create("http://192.0.2.1:8000/"), 8,
            UnknownMachineAnswer.MESSAGE, BootproxyConfig.builtInDefaults(), 10);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    final FixedInventory inventory = new FixedInventory(Hosts.WEB01, Hosts.DB01, Hosts.ODD01);
    final MemoryBuildStates states = new MemoryBuildStates();
    final List<BootEvent> events = new ArrayList<>();
    final BootService boot = new BootService(inventory, NamingRenderer.standard(), states, events::add, SETTINGS, CLOCK);

    static BootRequest mac(String mac) {
        return BootRequest.forMac(MacAddress.parse(mac), "192.0.2.99");
    }

    @Test
    void hostInBuildGetsItsFamilysIpxeTemplate() {
        Answer a = boot.ipxe(mac("52:54:00:aa:00:01"));
        assertThat(a.template()).isEqualTo("ipxe/kickstart");
        assertThat(a.reason()).isEqualTo(Answer.Reason.HOST_TEMPLATE);
        assertThat(a.body()).startsWith("#!ipxe").contains("host=web01.example.com");
    }

    @Test
    void secondaryNicMacFindsTheHost() {
        assertThat(boot.ipxe(mac("52-54-00-AA-00-02")).hostName()).isEqualTo("web01.example.com");
    }

    @Test
    void hostNotInBuildBootsLocally() {
        Answer a = boot.ipxe(mac("52:54:00:bb:00:01"));
        assertThat(a.template()).isEqualTo("ipxe/localboot");
        assertThat(a.reason()).isEqualTo(Answer.Reason.LOCAL_BOOT);
    }

    @Test
    void unknownMacIsHostNotFoundSoIpxeTriesTheNextNic() {
        assertThatThrownBy(() -> boot.ipxe(mac("52:54:00:ff:ff:ff")))
                .isInstanceOf(HostNotFound.class).hasMessageContaining("52:54:00:ff:ff:ff");
    }

    @Test
    void bootstrapAlwaysGetsTheIntermediateScriptEvenForAKnownMac() {
        var r = new BootRequest("192.0.2.11", List.of(MacAddress.parse("52:54:00:aa:00:01")), "", true, null);
        assertThat(boot.ipxe(r).template()).isEqualTo("ipxe/intermediate");
    }

    @Test
    void noMacNoTokenFallsBackToTheClientIp() {
        var byIp = new BootRequest("192.0.2.12", List.of(), "", false, null);
        assertThat(boot.ipxe(byIp).hostName()).isEqualTo("web01.example.com");
        var nobody = new BootRequest("198.51.100.7", List.of(), "", false, null);
        assertThat(boot.ipxe(nobody).template()).isEqualTo("ipxe/intermediate");
    }

    @Test
    void tokenWinsAndAWrongTokenIsNotFound() {
        var r = new BootRequest("198.51.100.7", List.of(MacAddress.parse("52:54:00:bb:00:01")), "tok-web01", false, null);
        assertThat(boot.template(r, TemplateKind.PROVISION, Optional.empty()).hostName()).isEqualTo("web01.example.com");
        var wrong = new BootRequest("198.51.100.7", List.of(), "nope", false, null);
        assertThatThrownBy(() -> boot.template(wrong, TemplateKind.PROVISION, Optional.empty()))
                .isInstanceOf(HostNotFound.class).hasMessageContaining("token");
    }

    @Test
    void aTokenTheBackendCannotSearchIsAcceptedFromTheHostFoundByTheSentMacs() {
        HostInventory noTokenSearch = new HostInventory() {
            @Override
            public Optional<Host> findByMac(MacAddress m) {
                return inventory.findByMac(m);
            }

            @Override
            public String describe() {
                return "mac only";
            }
        };
        var svc = new BootService(noTokenSearch, NamingRenderer.standard(), states, BootEvents.NONE, SETTINGS, CLOCK);
        var withMac = new BootRequest("198.51.100.7", List.of(MacAddress.parse("52:54:00:aa:00:02")), "tok-web01", false, null);
        assertThat(svc.template(withMac, TemplateKind.PROVISION, Optional.empty()).hostName()).isEqualTo("web01.example.com");
        var wrongToken = new BootRequest("198.51.100.7", List.of(MacAddress.parse("52:54:00:aa:00:02")), "stolen", false, null);
        assertThatThrownBy(() -> svc.template(wrongToken, TemplateKind.PROVISION, Optional.empty()))
                .isInstanceOf(HostNotFound.class);
    }

    @Test
    void builtIsRecordedAndTheNextRequestBootsLocally() {
        boot.built(mac("52:54:00:aa:00:01"));
        assertThat(inventory.reports).containsExactly("built web01.example.com");
        assertThat(boot.ipxe(mac("52:54:00:aa:00:01")).reason()).isEqualTo(Answer.Reason.LOCAL_BOOT);
        assertThatThrownBy(() -> boot.template(mac("52:54:00:aa:00:01"), TemplateKind.PROVISION, Optional.empty()))
                .isInstanceOf(NotInBuild.class);
        assertThatThrownBy(() -> boot.built(mac("52:54:00:aa:00:01"))).isInstanceOf(NotInBuild.class);
        assertThat(events).extracting(BootEvent::stage).contains("built");
    }

    @Test
    void aFailingEventSinkNeverBreaksABoot() {
        BootService withBrokenTimeline = new BootService(inventory, NamingRenderer.standard(), states, e -> {
            throw new IllegalStateException("timeline full");
        }, SETTINGS, CLOCK);

        withBrokenTimeline.built(mac("52:54:00:aa:00:01"));

        assertThat(states.get("web01.example.com")).isPresent();
    }

    @Test
    void builtStateSurvivesARestartButNotAChangedDefinition() {
        boot.built(mac("52:54:00:aa:00:01"));
        var restarted = new BootService(inventory, NamingRenderer.standard(), states, BootEvents.NONE, SETTINGS, CLOCK);
        assertThat(restarted.ipxe(mac("52:54:00:aa:00:01")).reason()).isEqualTo(Answer.Reason.LOCAL_BOOT);

        Host rebuilt = Hosts.web01().token("tok-new").revision("rev-2").build();
        var edited = new BootService(new FixedInventory(rebuilt), NamingRenderer.standard(), states, BootEvents.NONE,
                SETTINGS, CLOCK);
        assertThat(edited.ipxe(mac("52:54:00:aa:00:01")).reason()).isEqualTo(Answer.Reason.HOST_TEMPLATE);
    }

    @Test
    void failedKeepsTheReportTruncatedTo64KiB() {
        BuildState s = boot.failed(mac("52:54:00:aa:00:01"), "x".repeat(100_000));
        assertThat(s.status()).isEqualTo(BuildState.Status.FAILED);
        assertThat(s.report()).hasSize(BuildState.MAX_REPORT_BYTES);
        assertThat(states.get("web01.example.com")).isPresent();
    }

    @Test
    void builtIsRecordedEvenWhenUpstreamCannotBeTold() {
        HostInventory refusing = new HostInventory() {
            @Override
            public Optional<Host> findByMac(MacAddress m) {
                return Optional.of(Hosts.WEB01);
            }

            @Override
            public void reportBuilt(Host host) {
                throw new UpstreamUnavailable("Foreman answered 502");
            }

            @Override
            public String describe() {
                return "refusing";
            }
        };
        var svc = new BootService(refusing, NamingRenderer.standard(), states, events::add, SETTINGS, CLOCK);
        svc.built(mac("52:54:00:aa:00:01"));
        assertThat(states.get("web01.example.com")).isPresent();
        assertThat(events.get(events.size() - 1).fields().get("upstream")).contains("502");
    }

    @Test
    void bugWhileTellingUpstreamIsNotPassedOffAsAnUpstreamError() {
        FixedInventory buggy = new FixedInventory(Hosts.WEB01) {
            @Override
            public void reportBuilt(Host host) {
                throw new IllegalStateException("bug in the backend");
            }
        };
        var svc = new BootService(buggy, NamingRenderer.standard(), states, events::add, SETTINGS, CLOCK);
        assertThatThrownBy(() -> svc.built(mac("52:54:00:aa:00:01")))
                .isInstanceOf(IllegalStateException.class).hasMessage("bug in the backend");
        assertThat(states.get("web01.example.com")).as("recorded before upstream was told").isPresent();
        assertThat(events).noneMatch(e -> e.fields().getOrDefault("upstream", "").startsWith("upstream-error"));
    }

    @Test
    void tftpRendersPerMacConfigsAndLeavesOtherNamesToTheStaticRoot() {
        assertThat(boot.tftpFile("pxelinux.cfg/01-52-54-00-aa-00-01", "192.0.2.11")).get()
                .extracting(Answer::template).isEqualTo("pxelinux/chain-ipxe");
        assertThat(boot.tftpFile("/boot/pxelinux.cfg/01-52-54-00-bb-00-01", "")).get()
                .extracting(Answer::template).isEqualTo("pxelinux/localboot");
        assertThat(boot.tftpFile("pxelinux.cfg/default", "")).get()
                .extracting(Answer::template).isEqualTo("pxelinux/default");
        assertThat(boot.tftpFile("grub2/grub.cfg-01-52-54-00-aa-00-01", "")).get()
                .extracting(Answer::template).isEqualTo("grub2/kickstart");
        assertThat(boot.tftpFile("grub2/grub.cfg-52:54:00:aa:00:01", "")).get()
                .extracting(Answer::template).isEqualTo("grub2/kickstart");
        assertThat(boot.tftpFile("grub2/grub.cfg", "")).get().extracting(Answer::template).isEqualTo("grub2/default");
        assertThat(boot.tftpFile("pxelinux.cfg/C000020B", "")).isEmpty();
        assertThat(boot.tftpFile("pxelinux.cfg/4c4c4544-0044-4410-8048-b4c04f4b5931", "")).isEmpty();
        assertThat(boot.tftpFile("pxelinux.0", "")).isEmpty();
        assertThatThrownBy(() -> boot.tftpFile("pxelinux.cfg/01-52-54-00-ff-ff-ff", ""))
                .isInstanceOf(HostNotFound.class);
    }

    @Test
    void unknownMachineGetsTheConfiguredAnswerAndIsLoggedWithWhatItReported() {
        var facts = new MachineFacts("SN123", "QEMU", "Standard PC", List.of(MacAddress.parse("52:54:00:ff:ff:ff")));
        Answer a = boot.unknownMachine(new BootRequest("192.0.2.150", List.of(), "", false, facts));
        assertThat(a.template()).isEqualTo("ipxe/unknown");
        BootEvent e = events.get(0);
        assertThat(e.stage()).isEqualTo("unknown-machine");
        assertThat(e.fields()).containsEntry("serial", "SN123").containsEntry("macs", "52:54:00:ff:ff:ff")
                .containsEntry("product", "Standard PC");
    }

    @Test
    void missingTemplateForAFamilySaysWhatToSet() {
        assertThatThrownBy(() -> boot.ipxe(mac("52:54:00:dd:00:01")))
                .isInstanceOf(TemplateNotFound.class).hasMessageContaining("templates.iPXE").hasMessageContaining("Plan9");
    }

    @Test
    void templateFailureIsTyped() {
        var failing = new BootService(inventory, NamingRenderer.standard().failing("ipxe/kickstart"), states,
                BootEvents.NONE, SETTINGS, CLOCK);
        assertThatThrownBy(() -> failing.ipxe(mac("52:54:00:aa:00:01")))
                .isInstanceOf(TemplateFailed.class).hasMessageContaining("line 3");
    }

    @Test
    void upstreamDownIsTypedSoTransportsCanAskToRetry() {
        var down = new BootService(new BrokenInventory(), NamingRenderer.standard(), states, BootEvents.NONE, SETTINGS, CLOCK);
        assertThatThrownBy(() -> down.ipxe(mac("52:54:00:aa:00:01"))).isInstanceOf(UpstreamUnavailable.class);
    }

    @Test
    void urlsCarryTheTokenOnlyForHostsInBuild() {
        BootUrls urls = boot.urls();
        assertThat(urls.unattended("provision", Hosts.WEB01, java.util.Map.of()))
                .isEqualTo("http://192.0.2.1:8000/unattended/provision?token=tok-web01");
        assertThat(urls.unattended("iPXE", Hosts.DB01, java.util.Map.of()))
                .isEqualTo("http://192.0.2.1:8000/unattended/iPXE?mac=52:54:00:bb:00:01");
        assertThat(urls.unattended("iPXE", null, java.util.Map.of("mac", "${net0/mac}")))
                .isEqualTo("http://192.0.2.1:8000/unattended/iPXE?mac=${net0/mac}");
    }
}
