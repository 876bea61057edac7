package org.bootproxy.http;

import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.SlowInventory;
import org.bootproxy.fakes.BrokenInventory;
import org.bootproxy.fakes.FixedInventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.bootproxy.http.Answers.assertOneLineText;
import static org.bootproxy.fakes.Hosts.DB01;
import static org.bootproxy.fakes.Hosts.DB01_MAC;
import static org.bootproxy.fakes.Hosts.LAB01;
import static org.bootproxy.fakes.Hosts.UNKNOWN_MAC;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;
import static org.bootproxy.fakes.Hosts.WEB01_SECOND_MAC;
import static org.bootproxy.fakes.Hosts.lab01;

import org.bootproxy.fakes.Hosts;

import io.javalin.http.Handler;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.support.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /unattended/&lt;kind&gt; and /userdata through real HTTP: every lookup path and every boot decision. */
class UnattendedRoutesTest {
    private HttpFixture app;

    private HttpFixture start(HttpFixture fixture) {
        app = fixture;
        return fixture;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    // ------------------------------------------------------------------ lookup paths

    @Test
    void hostInBuildGetsItsIpxeTemplate() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01, DB01))).get("/unattended/iPXE?mac=" + WEB01_MAC);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(r.body()).startsWith("#!ipxe\n").contains("template=ipxe/kickstart host=web01.example.com kind=iPXE");
    }

    @Test
    void macOfASecondaryNicFindsTheHost() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01))).get("/unattended/iPXE?mac=" + WEB01_SECOND_MAC);
        assertThat(r.body()).contains("template=ipxe/kickstart host=web01.example.com");
    }

    @Test
    void macWithColonsEncodedByOldIpxeIsDecoded() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01))).get("/unattended/iPXE?mac=52%3A54%3A00%3Aaa%3A00%3A02");
        assertThat(r.body()).contains("host=web01.example.com");
    }

    @Test
    void macInHexhypFormFindsTheHost() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01))).get("/unattended/iPXE?mac=52-54-00-AA-00-01");
        assertThat(r.body()).contains("host=web01.example.com");
    }

    @Test
    void provisioningMacHeadersFindTheHost() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01))).get("/unattended/provision",
                "X-RHN-Provisioning-MAC-0", "eth0 " + UNKNOWN_MAC,
                "X-RHN-Provisioning-MAC-1", "eth1 " + WEB01_SECOND_MAC.colons().toUpperCase());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("template=kickstart/default host=web01.example.com kind=provision");
    }

    @Test
    void clientIpFindsTheHostWhenNoMacOrTokenIsSent() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01, LAB01))).get("/unattended/provision");
        assertThat(r.body()).contains("template=kickstart/default host=lab01.example.com");
    }

    @Test
    void ipv6ClientIsFoundByItsAddressAsWrittenInTheHostFile() throws Exception {
        assumeTrue(ipv6LoopbackWorks(), "this machine has no IPv6 loopback (::1)");
        var v6host = lab01().name("lab06.example.com").onlyNic(MacAddress.parse("52:54:00:cc:00:06"), "::1").build();
        var settings = HttpSettingsBuilder.loopback().host("::1").build();
        var r = start(new HttpFixture(new FixedInventory(v6host), new EchoRenderer(), new MemoryBuildStates(), settings,
                HttpExtensions.NONE)).get("/unattended/provision");
        assertThat(r.body()).contains("host=lab06.example.com");
    }

    private static boolean ipv6LoopbackWorks() {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("::1"))) {
            return s.isBound();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void forwardedForFromATrustedProxyIsBelieved() throws Exception {
        var settings = HttpSettingsBuilder.loopback().trustedProxies(Cidr.parse("127.0.0.0/8")).build();
        var r = start(new HttpFixture(new FixedInventory(WEB01, LAB01), new EchoRenderer(), new MemoryBuildStates(),
                settings, HttpExtensions.NONE)).get("/unattended/provision", "X-Forwarded-For", "192.0.2.11, 127.0.0.1");
        assertThat(r.body()).contains("host=web01.example.com");
    }

    /**
     * Issue 10's spoofing case: {@code curl -H 'X-Forwarded-For: 192.0.2.77, 10.9.9.9'} through a trusted proxy. Foreman
     * (Rails' remote_ip, rails/rails actionpack/lib/action_dispatch/middleware/remote_ip.rb) takes the right-most
     * untrusted address, 10.9.9.9, and finds no host; the kickstart of the host at 192.0.2.77 is not served.
     */
    @Test
    void aClientCannotClaimAnotherHostsAddressLeftOfTheProxysEntry() throws Exception {
        var victim = Hosts.web01().name("victim.example.com").onlyNic(MacAddress.parse("52:54:00:aa:77:77"), "192.0.2.77")
                .token("").build();
        var settings = HttpSettingsBuilder.loopback().trustedProxies(Cidr.parse("127.0.0.0/8")).build();
        var fixture = start(new HttpFixture(new FixedInventory(victim), new EchoRenderer(), new MemoryBuildStates(),
                settings, HttpExtensions.NONE));
        var spoofed = fixture.get("/unattended/provision", "X-Forwarded-For", "192.0.2.77, 10.9.9.9");
        assertThat(spoofed.statusCode()).isEqualTo(404);
        assertThat(spoofed.body()).doesNotContain("victim").contains("from 10.9.9.9");
        // the same address as the proxy's own entry is the victim itself asking
        assertThat(fixture.get("/unattended/provision", "X-Forwarded-For", "10.9.9.9, 192.0.2.77").body())
                .contains("host=victim.example.com");
    }

    @Test
    void forwardedForFromAnyoneElseIsIgnored() throws Exception {
        var settings = HttpSettingsBuilder.loopback().trustedProxies(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1")).build();
        var r = start(new HttpFixture(new FixedInventory(WEB01, LAB01), new EchoRenderer(), new MemoryBuildStates(),
                settings, HttpExtensions.NONE)).get("/unattended/provision", "X-Forwarded-For", "192.0.2.11");
        assertThat(r.body()).contains("host=lab01.example.com");
    }

    @Test
    void tokenFindsTheHost() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01, LAB01))).get("/unattended/provision?token=tok-web01");
        assertThat(r.body()).contains("host=web01.example.com");
    }

    @Test
    void tokenWithSlaxSuffixFindsTheHost() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01))).get("/unattended/finish?token=tok-web01.slax");
        assertThat(r.body()).contains("template=kickstart/finish host=web01.example.com");
    }

    @Test
    void tokenWinsOverMacAsInForeman() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01, DB01))).get("/unattended/provision?token=tok-web01&mac=" + DB01_MAC);
        assertThat(r.body()).contains("host=web01.example.com");
    }

    @Test
    void unknownTokenIsNotFoundEvenWhenTheIpMatches() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(LAB01))).get("/unattended/provision?token=nope");
        assertOneLineText(r, 404);
    }

    // ------------------------------------------------------------------ the iPXE decision

    @Test
    void unknownMacGetsNotFoundSoTheScriptTriesTheNextNic() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01))).get("/unattended/iPXE?mac=" + UNKNOWN_MAC);
        assertOneLineText(r, 404);
        assertThat(r.body()).contains(UNKNOWN_MAC.colons());
    }

    @Test
    void unparsableMacFromIpxeIsNotFoundButFromAnInstallerIsBadRequest() throws Exception {
        start(new HttpFixture(new FixedInventory(WEB01)));
        assertOneLineText(app.get("/unattended/iPXE?mac=not-a-mac"), 404);
        var r = app.get("/unattended/provision?mac=not-a-mac");
        assertOneLineText(r, 400);
        assertThat(r.body()).contains("not a MAC address: 'not-a-mac'");
    }

    @Test
    void bootstrapGetsTheIntermediateScriptEvenForAKnownMac() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01))).get("/unattended/iPXE?bootstrap=1&mac=" + WEB01_MAC);
        assertThat(r.body()).contains("template=ipxe/intermediate host=none");
    }

    @Test
    void noMacAndNoIpMatchGetsTheIntermediateScript() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01))).get("/unattended/iPXE");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("template=ipxe/intermediate host=none");
    }

    @Test
    void hostNotInBuildBootsFromLocalDisk() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(DB01))).get("/unattended/iPXE?mac=" + DB01_MAC);
        assertThat(r.body()).contains("template=ipxe/localboot host=db01.example.com");
    }

    @Test
    void perNicChainCarriesTheMachineFacts() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01)))
                .get("/unattended/iPXE?mac=" + WEB01_MAC + "&serial=SN%20123&manufacturer=QEMU&product=Standard%20PC");
        assertThat(r.body()).contains("serial=SN 123 product=Standard PC");
    }

    @Test
    void plusInAMachineFactIsAPlusAsIpxeSendsIt() throws Exception {
        // iPXE's ${product:uristring} for QEMU's i440FX machine type: spaces as %20, the plus left as it is
        start(new HttpFixture(new FixedInventory(WEB01)));
        var r = app.get("/unattended/iPXE?unknown=1&macs=52%3A54%3A00%3Aff%3Aff%3A01&product=Standard%20PC%20(i440FX%20+%20PIIX,%201996)");
        assertThat(r.body()).contains("template=ipxe/unknown");
        assertThat(app.events.awaitStage("unknown-machine").fields()).containsEntry("product", "Standard PC (i440FX + PIIX, 1996)");
    }

    @Test
    void machineWithNoKnownNicGetsTheUnknownMachineAnswerAndIsReported() throws Exception {
        start(new HttpFixture(new FixedInventory(WEB01)));
        var r = app.get("/unattended/iPXE?unknown=1&macs=52%3A54%3A00%3Aff%3Aff%3A01,,junk,52-54-00-ff-ff-02&serial=SN9");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("template=ipxe/unknown host=none");
        BootEvent reported = app.events.awaitStage("unknown-machine");
        assertThat(reported.fields()).containsEntry("macs", "52:54:00:ff:ff:01,52:54:00:ff:ff:02").containsEntry("serial", "SN9");
    }

    // ------------------------------------------------------------------ wait-it-out failures

    @Test
    void templateFailureOnIpxeGetsAScriptThatShowsWhyAndAsksAgain() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01), EchoRenderer.failing("ipxe/kickstart")))
                .get("/unattended/iPXE?mac=" + WEB01_MAC + "&serial=SN1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("#!ipxe\n")
                .contains("echo bootproxy cannot answer yet: template ipxe/kickstart line 4: host.params.kernelcmd is missing")
                .contains("sleep " + HttpFixture.RETRY_SECONDS + " ")
                .contains("chain --replace iPXE?mac=52%3A54%3A00%3Aaa%3A00%3A01&serial=SN1&retry=1\n");
        assertThat(r.body()).doesNotContain("${").doesNotContain("&&");
    }

    @Test
    void retryScriptCountsTheAttempts() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01), EchoRenderer.failing("ipxe/kickstart")))
                .get("/unattended/iPXE?retry=3&mac=" + WEB01_MAC);
        assertThat(r.body()).contains("echo retry 4 in").contains("&retry=4\n").doesNotContain("retry=3");
    }

    @Test
    void missingIpxeTemplateOfAKnownHostGetsTheRetryScript() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01), EchoRenderer.missing("ipxe/kickstart")))
                .get("/unattended/iPXE?mac=" + WEB01_MAC);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("#!ipxe\n").contains("ipxe/kickstart").contains("chain --replace");
    }

    @Test
    void templateFailureForAnInstallerIs500NamingTheTemplate() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01), EchoRenderer.failing("kickstart/default")))
                .get("/unattended/provision?mac=" + WEB01_MAC);
        assertOneLineText(r, 500);
        assertThat(r.body()).startsWith("template kickstart/default line 4: host.params.kernelcmd is missing");
    }

    @Test
    void upstreamDownGetsTheRetryScriptOnIpxe() throws Exception {
        var r = start(new HttpFixture(new BrokenInventory())).get("/unattended/iPXE?mac=" + WEB01_MAC);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("#!ipxe\n").contains("inventory unavailable: foreman.example.com: connection refused")
                .contains("chain --replace");
    }

    @Test
    void upstreamDownGets503WithRetryAfterForInstallers() throws Exception {
        var r = start(new HttpFixture(new BrokenInventory())).get("/unattended/provision?mac=" + WEB01_MAC);
        assertOneLineText(r, 503);
        assertThat(r.headers().firstValue("Retry-After")).contains(String.valueOf(HttpFixture.RETRY_SECONDS));
        assertThat(r.body()).startsWith("inventory unavailable: foreman.example.com: connection refused (retry in 7 s)");
    }

    @Test
    void aBugAnswersInstallersWithAnInternalErrorAndNoDetails() throws Exception {
        start(new HttpFixture(new FixedInventory(WEB01), EchoRenderer.broken("kickstart/default")));
        var installer = app.get("/unattended/provision?mac=" + WEB01_MAC);
        assertOneLineText(installer, 500);
        assertThat(installer.body()).contains("internal error").doesNotContain("renderer bug");
    }

    @Test
    void aBugOnIpxeGetsTheRetryScriptPointingAtTheLog() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01), EchoRenderer.broken("ipxe/kickstart")))
                .get("/unattended/iPXE?mac=" + WEB01_MAC);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("#!ipxe\n").contains("internal error").contains("see the bootproxy log")
                .doesNotContain("renderer bug");
    }

    // ------------------------------------------------------------------ installers' answers

    @Test
    void unknownHostGetsForemansNotFoundLineNamingWhatWasTried() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01))).get("/unattended/provision?mac=" + UNKNOWN_MAC);
        assertOneLineText(r, 404);
        assertThat(r.body()).startsWith("unattended: unable to find a host that matches the request from 127.0.0.1")
                .contains(UNKNOWN_MAC.colons());
    }

    @Test
    void hostNotInBuildGets405ForInstallerFiles() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(DB01))).get("/unattended/provision?mac=" + DB01_MAC);
        assertOneLineText(r, 405);
        assertThat(r.body()).contains("db01.example.com").contains("not in build");
    }

    /**
     * Foreman renders a kind it has no template of as "not found" (theforeman/foreman
     * {@code app/controllers/concerns/foreman/controller/template_rendering.rb}, {@code render_template}: 404
     * "unable to find %{type} template for %{host} running %{os}").
     */
    @Test
    void unknownKindGets404ListingTheKinds() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01))).get("/unattended/kickstart?mac=" + WEB01_MAC);
        assertOneLineText(r, 404);
        assertThat(r.body()).contains("unable to find kickstart template").contains("iPXE, PXELinux").contains("provision");
    }

    @Test
    void kindNamesAreCaseInsensitiveLikeForeman() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(WEB01))).get("/unattended/pxelinux?mac=" + WEB01_MAC);
        assertThat(r.body()).contains("template=pxelinux/kickstart host=web01.example.com");
    }

    @Test
    void namedTemplateIsRenderedForTheIdentifiedHost() throws Exception {
        start(new HttpFixture(new FixedInventory(WEB01), EchoRenderer.missing("kickstart/nope")));
        assertThat(app.get("/unattended/provision?template=kickstart/custom&mac=" + WEB01_MAC).body())
                .contains("template=kickstart/custom host=web01.example.com kind=provision");
        assertOneLineText(app.get("/unattended/provision?template=kickstart/nope&mac=" + WEB01_MAC), 404);
        assertOneLineText(app.get("/unattended/provision?template=../../etc/passwd&mac=" + WEB01_MAC), 400);
    }

    @Test
    void cloudInitSeedIsServedForTheMacInThePath() throws Exception {
        start(new HttpFixture(new FixedInventory(WEB01, DB01)));
        assertThat(app.get("/userdata/" + WEB01_SECOND_MAC + "/user-data").body())
                .contains("template=cloudinit/user-data host=web01.example.com kind=user_data");
        assertThat(app.get("/userdata/" + WEB01_MAC + "/meta-data").body()).startsWith("instance-id: i-")
                .contains("\nhostname: web01.example.com\n");
        var unknown = app.get("/userdata/" + UNKNOWN_MAC + "/user-data");
        assertOneLineText(unknown, 404);
        assertThat(unknown.body()).startsWith("Could not find host for request 127.0.0.1");
        assertOneLineText(app.get("/userdata/zz-zz/user-data"), 400);
    }

    @Test
    void cloudInitSeedWithoutMacFindsTheHostByIp() throws Exception {
        var r = start(new HttpFixture(new FixedInventory(LAB01))).get("/userdata/user-data");
        assertThat(r.body()).contains("template=cloudinit/user-data host=lab01.example.com");
    }

    // ------------------------------------------------------------------ events, extensions, concurrency

    @Test
    void everyAnswerIsRecordedAsABootEvent() throws Exception {
        start(new HttpFixture(new FixedInventory(WEB01)));
        app.get("/unattended/iPXE?mac=" + WEB01_SECOND_MAC, "User-Agent", "iPXE/1.21.1");
        BootEvent e = app.events.awaitStage("ipxe");
        assertThat(e.mac()).isEqualTo(WEB01_SECOND_MAC.colons());
        assertThat(e.clientIp()).isEqualTo("127.0.0.1");
        assertThat(e.detail()).isEqualTo("ipxe/kickstart");
        assertThat(e.outcome()).isEqualTo("200");
        assertThat(e.fields()).containsEntry("host", "web01.example.com").containsEntry("ua", "iPXE/1.21.1");
    }

    @Test
    void aFallbackCanAnswerForHostsBootproxyDoesNotKnow() throws Exception {
        var extensions = new HttpExtensions(
                List.of(Route.<Handler>get("/unattended/templateServer", Route.UNRECORDED, Route.Style.PLAIN,
                        ctx -> ctx.result("{\"templateServer\":\"x\"}"))),
                Optional.of(ctx -> ctx.status(200).result("from upstream for " + ctx.queryParam("mac") + "\n")));
        start(new HttpFixture(new FixedInventory(WEB01), new EchoRenderer(), new MemoryBuildStates(),
                HttpSettingsBuilder.loopback().build(), extensions));
        assertThat(app.get("/unattended/provision?mac=" + UNKNOWN_MAC).body()).isEqualTo("from upstream for " + UNKNOWN_MAC + "\n");
        assertThat(app.get("/unattended/provision?mac=" + WEB01_MAC).body()).contains("host=web01.example.com");
        assertThat(app.get("/unattended/templateServer").body()).isEqualTo("{\"templateServer\":\"x\"}");
    }

    @Test
    void aSlowUpstreamDoesNotHoldUpOtherRequests() throws Exception {
        SlowInventory slow = new SlowInventory(WEB01);
        start(new HttpFixture(slow));
        var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return app.get("/unattended/iPXE?mac=" + WEB01_MAC);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(slow.entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> health = app.get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(pending).isNotDone();
        slow.gate.countDown();
        assertThat(pending.get(10, java.util.concurrent.TimeUnit.SECONDS).body()).contains("host=web01.example.com");
    }
}
