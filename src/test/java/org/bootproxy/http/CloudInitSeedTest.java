package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.fakes.Hosts.DB01;
import static org.bootproxy.fakes.Hosts.DB01_MAC;
import static org.bootproxy.fakes.Hosts.NOBLE01;
import static org.bootproxy.fakes.Hosts.NOBLE01_MAC;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;
import static org.bootproxy.http.Answers.assertOneLineText;

import org.bootproxy.boot.TemplateKind;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.Hosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * cloud-init's NoCloud seed as Foreman's UserdataController answers it (theforeman/foreman
 * {@code app/controllers/userdata_controller.rb}): {@code metadata} is built by code for any host it finds,
 * {@code {instance-id: "i-#{Digest::SHA1.hexdigest(@host.id.to_s)[0..17]}", hostname: @host.name, mac: @host.mac,
 * local-ipv4: @host.ip, local-hostname: @host.name}} rendered {@code "key: value"} joined by newlines; {@code userdata}
 * renders the host's {@code cloud-init} template, else its {@code user_data} one, else 404 "Unable to find user-data
 * or cloud-init template for host %{host} running %{os}". Neither checks the build flag (no HostVerifier, no
 * {@code allowed_to_install?}), so an installed host is answered too.
 */
class CloudInitSeedTest {
    private HttpFixture app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void metaDataOfARedHatHostIsForemansFiveKeysBuiltByCode() throws Exception {
        app = new HttpFixture(new FixedInventory(WEB01));
        var r = app.get("/userdata/" + WEB01_MAC + "/meta-data");
        assertThat(r.statusCode()).isEqualTo(200);
        // sha1("web01.example.com"): a host without an upstream id is known by its name
        assertThat(r.body()).isEqualTo("instance-id: i-2076388328235160ce\nhostname: web01.example.com\n"
                + "mac: 52:54:00:aa:00:01\nlocal-ipv4: 192.0.2.11\nlocal-hostname: web01.example.com");
    }

    @Test
    void theInstanceIdOfAForemanHostIsTheOneForemanGivesIt() throws Exception {
        app = new HttpFixture(new FixedInventory(Hosts.web01().upstreamId("42").build()));
        // Digest::SHA1.hexdigest("42")[0..17]
        assertThat(app.get("/userdata/" + WEB01_MAC + "/meta-data").body()).startsWith("instance-id: i-92cfceb39d57d914ed\n");
    }

    @Test
    void metaDataOfAnUbuntuHostHasHostnameMacAndAddressToo() throws Exception {
        app = new HttpFixture(new FixedInventory(NOBLE01));
        assertThat(app.get("/userdata/" + NOBLE01_MAC + "/meta-data").body())
                .contains("\nhostname: noble01\n").contains("\nmac: 52:54:00:00:0b:01\n").contains("\nlocal-ipv4: 192.0.2.60\n");
    }

    @Test
    void aHostThatIsNoLongerInBuildStillGetsMetaDataAndUserData() throws Exception {
        app = new HttpFixture(new FixedInventory(Hosts.web01().inBuild(false).build()));
        assertThat(app.get("/userdata/" + WEB01_MAC + "/meta-data").statusCode()).isEqualTo(200);
        var userData = app.get("/userdata/" + WEB01_MAC + "/user-data");
        assertThat(userData.statusCode()).isEqualTo(200);
        assertThat(userData.body()).contains("template=cloudinit/user-data host=web01.example.com kind=user_data");
        // /unattended/user_data is a host template: that one still needs build, as in Foreman
        assertOneLineText(app.get("/unattended/user_data?mac=" + WEB01_MAC), 405);
    }

    @Test
    void aCloudInitTemplateIsPreferredToAUserDataOne() throws Exception {
        app = new HttpFixture(new FixedInventory(Hosts.web01().template(TemplateKind.CLOUD_INIT, "cloudinit/default").build()));
        assertThat(app.get("/userdata/" + WEB01_MAC + "/user-data").body())
                .contains("template=cloudinit/default host=web01.example.com kind=cloud-init");
    }

    @Test
    void aHostWithNeitherTemplateGetsForemansNotFound() throws Exception {
        app = new HttpFixture(new FixedInventory(DB01));
        var r = app.get("/userdata/" + DB01_MAC + "/user-data");
        assertOneLineText(r, 404);
        assertThat(r.body()).startsWith("Unable to find user-data or cloud-init template for host db01.example.com running Debian");
        assertThat(app.get("/userdata/" + DB01_MAC + "/meta-data").statusCode()).as("meta-data needs no template").isEqualTo(200);
    }

    @Test
    void anExplicitMetaDataTemplateStillWins() throws Exception {
        app = new HttpFixture(new FixedInventory(Hosts.web01().template(TemplateKind.META_DATA, "cloudinit/meta").build()));
        assertThat(app.get("/userdata/" + WEB01_MAC + "/meta-data").body())
                .contains("template=cloudinit/meta host=web01.example.com kind=meta_data");
    }
}
