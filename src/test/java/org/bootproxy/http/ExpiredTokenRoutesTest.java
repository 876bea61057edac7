package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;
import static org.bootproxy.http.Answers.assertOneLineText;

import java.time.Instant;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MemoryBuildStates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a host whose build token expired gets, as in Foreman:
 * <ul>
 *   <li>an expired token names no host: {@code Host.for_token} selects {@code expires >= now} only, and a request
 *       carrying a token is not looked up by address or MAC (theforeman/foreman
 *       {@code app/models/concerns/hostext/token.rb}; {@code app/services/foreman/unattended_installation/host_finder.rb}):
 *       404;</li>
 *   <li>found by MAC or address, {@code /unattended/<kind>} is refused: HostVerifier's {@code valid_host_token?},
 *       "%{controller}: provisioning token for host %{host} expired", {@code type: :unauthorized}
 *       ({@code app/services/foreman/unattended_installation/host_verifier.rb}): 401;</li>
 *   <li>built and failed find the host by an expired token too ({@code for_token_when_built});</li>
 *   <li>the cloud-init seed checks no token ({@code app/controllers/userdata_controller.rb}).</li>
 * </ul>
 */
class ExpiredTokenRoutesTest {
    private static final Instant PAST = Instant.parse("2020-01-01T00:00:00Z");
    private HttpFixture app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private HttpFixture withTokenExpiring(Instant at) {
        app = new HttpFixture(new FixedInventory(Hosts.web01().tokenExpires(at).build()));
        return app;
    }

    @Test
    void anExpiredTokenFindsNoHost() throws Exception {
        var r = withTokenExpiring(PAST).get("/unattended/provision?token=tok-web01");
        assertOneLineText(r, 404);
        assertThat(r.body()).startsWith("unattended: unable to find a host that matches the request from 127.0.0.1");
    }

    @Test
    void foundByMacAHostWithAnExpiredTokenIsUnauthorized() throws Exception {
        var r = withTokenExpiring(PAST).get("/unattended/provision?mac=" + WEB01_MAC);
        assertOneLineText(r, 401);
        assertThat(r.body()).startsWith("unattended: provisioning token for host web01.example.com expired");
        assertThat(app.get("/unattended/iPXE?mac=" + WEB01_MAC).statusCode()).isEqualTo(401);
        assertThat(app.get("/unattended/PXELinux?mac=" + WEB01_MAC).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenStillValidIsAnswered() throws Exception {
        var r = withTokenExpiring(Instant.now().plusSeconds(3600)).get("/unattended/provision?token=tok-web01");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("host=web01.example.com");
    }

    @Test
    void buildReportsFindTheHostByAnExpiredToken() throws Exception {
        var states = new MemoryBuildStates();
        app = new HttpFixture(new FixedInventory(Hosts.web01().tokenExpires(PAST).build()), new EchoRenderer(), states,
                HttpSettingsBuilder.loopback().build(), HttpExtensions.NONE);
        assertOneLineText(app.post("/unattended/built?token=tok-web01", ""), 201);
    }

    @Test
    void theCloudInitSeedChecksNoToken() throws Exception {
        withTokenExpiring(PAST);
        assertThat(app.get("/userdata/" + WEB01_MAC + "/meta-data").statusCode()).isEqualTo(200);
        assertThat(app.get("/userdata/" + WEB01_MAC + "/user-data?token=tok-web01").statusCode()).isEqualTo(200);
    }
}
