package org.bootproxy.smartproxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.NamingRenderer;
import org.bootproxy.fakes.RecordingEvents;
import org.bootproxy.http.Cidr;
import org.bootproxy.http.HttpExtensions;
import org.bootproxy.http.HttpServer;
import org.bootproxy.http.HttpSettingsBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * templates_from: who answers a Foreman host's {@code /unattended} requests. {@code foreman} is smart-proxy's templates
 * module, which forwards every {@code /unattended/:kind}, {@code built}, {@code failed} and {@code /userdata/:kind}
 * request to {@code foreman_url} (theforeman/smart-proxy {@code modules/templates/templates_unattended_api.rb},
 * {@code templates_userdata_api.rb}); {@code local} renders everything here; {@code local-first} renders what the
 * inventory and templates cover and forwards the rest.
 */
class TemplatesFromTest {
    static final URI TEMPLATE_URL = URI.create("http://proxy.example.com:8000");
    static final String WEB01_MAC = Hosts.WEB01_MAC.colons();

    @RegisterExtension
    static WireMockExtension foreman = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path tftpRoot;
    HttpServer server;
    SmartProxy proxy;
    final HttpClient client = HttpClient.newHttpClient();

    /** bootproxy knowing web01 (in build, Redhat), forwarding to the WireMock Foreman as {@code from} says. */
    void start(SmartProxySettings.TemplatesFrom from, List<Cidr> trustedProxies) {
        BootSettings boot = new BootSettings(TEMPLATE_URL, 4, UnknownMachineAnswer.MESSAGE,
                Map.of("Redhat", Map.of(TemplateKind.IPXE, "ipxe/kickstart", TemplateKind.PROVISION, "provision/kickstart",
                        TemplateKind.USER_DATA, "cloudinit/user-data")), 7);
        RecordingEvents events = new RecordingEvents();
        BootService service = new BootService(new FixedInventory(Hosts.WEB01), NamingRenderer.standard(),
                new MemoryBuildStates(), events, boot, Clock.systemUTC());
        proxy = new SmartProxy(new SmartProxySettings(tftpRoot, "", TEMPLATE_URL, Optional.of(URI.create(foreman.baseUrl())),
                TrustedHosts.notSet(), "3.13.0", Optional.empty(), new SmartProxySettings.Timeouts(Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(5), 0, Duration.ofMillis(1)), SmartProxySettings.Downloads.DEFAULTS,
                true, from), new ModuleStates(), Optional.empty());
        server = new HttpServer(service, HttpSettingsBuilder.loopback().trustedProxies(trustedProxies.toArray(Cidr[]::new)).build(),
                events, Clock.systemUTC(), new HttpExtensions(List.of(proxy::routes), proxy.unattendedFallback(),
                proxy.forwardsFirst()));
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
            proxy.close();
        }
    }

    HttpResponse<String> ask(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> report(String pathAndQuery, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void foremanAnswersEveryRequestEvenForAHostBootproxyKnows() throws Exception {
        start(SmartProxySettings.TemplatesFrom.FOREMAN, List.of());
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision")).willReturn(aResponse().withBody("# Foreman's kickstart\n")));
        foreman.stubFor(get(urlPathEqualTo("/unattended/iPXE")).willReturn(aResponse().withBody("#!ipxe\n# Foreman's\n")));
        foreman.stubFor(get(urlPathEqualTo("/userdata/" + WEB01_MAC + "/user-data")).willReturn(aResponse().withBody("#cloud-config\n")));
        foreman.stubFor(post(urlPathEqualTo("/unattended/built")).willReturn(aResponse().withStatus(201)));
        foreman.stubFor(post(urlPathEqualTo("/unattended/failed")).willReturn(aResponse().withStatus(201)));

        assertThat(ask("/unattended/provision?mac=" + WEB01_MAC).body()).isEqualTo("# Foreman's kickstart\n");
        assertThat(ask("/unattended/iPXE?mac=" + WEB01_MAC).body()).isEqualTo("#!ipxe\n# Foreman's\n");
        assertThat(ask("/userdata/" + WEB01_MAC + "/user-data").body()).isEqualTo("#cloud-config\n");
        assertThat(report("/unattended/built?token=tok-web01", "").statusCode()).isEqualTo(201);
        assertThat(report("/unattended/failed?token=tok-web01", "anaconda died").statusCode()).isEqualTo(201);

        foreman.verify(getRequestedFor(urlPathEqualTo("/unattended/provision")).withQueryParam("mac", equalTo(WEB01_MAC))
                .withQueryParam("url", equalTo(TEMPLATE_URL.toString())));
        foreman.verify(postRequestedFor(urlPathEqualTo("/unattended/failed")).withRequestBody(equalTo("anaconda died")));
        assertThat(ask("/unattended/templateServer").body()).as("answered here, as smart-proxy does")
                .isEqualTo("{\"templateServer\":\"http://proxy.example.com:8000\"}");
    }

    @Test
    void localRendersWhatItCanAndNeverForwardsTheRest() throws Exception {
        start(SmartProxySettings.TemplatesFrom.LOCAL, List.of());

        assertThat(ask("/unattended/provision?mac=" + WEB01_MAC).body()).contains("host=web01.example.com");
        assertThat(ask("/unattended/provision?mac=52:54:00:ff:ff:ff").statusCode()).isEqualTo(404);
        assertThat(ask("/unattended/registration").statusCode()).isEqualTo(404);
        foreman.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void localFirstRendersKnownHostsAndForwardsTheRest() throws Exception {
        start(SmartProxySettings.TemplatesFrom.LOCAL_FIRST, List.of());
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision")).willReturn(aResponse().withBody("# Foreman's\n")));

        assertThat(ask("/unattended/provision?mac=" + WEB01_MAC).body()).contains("host=web01.example.com");
        assertThat(ask("/unattended/provision?mac=52:54:00:ff:ff:ff").body()).isEqualTo("# Foreman's\n");
    }

    /** smart-proxy sends {@code X-Forwarded-For: <REMOTE_ADDR>} (lib/proxy/request.rb); behind a proxy, the client it named. */
    @Test
    void theForwardedForIsTheClientBootproxyDetermined() throws Exception {
        start(SmartProxySettings.TemplatesFrom.FOREMAN, List.of(Cidr.parse("127.0.0.0/8")));
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision")).willReturn(aResponse().withBody("#\n")));

        ask("/unattended/provision", "X-Forwarded-For", "192.0.2.77, 192.0.2.50");

        foreman.verify(getRequestedFor(urlPathEqualTo("/unattended/provision")).withHeader("X-Forwarded-For", equalTo("192.0.2.50")));
    }

    /**
     * Foreman's answer when it did not believe X-Forwarded-For: HostVerifier's "unattended: unable to find a host that
     * matches the request from %{addr}" with the request's REMOTE_ADDR, i.e. bootproxy's address (theforeman/foreman
     * {@code app/services/foreman/unattended_installation/host_verifier.rb}, {@code app/controllers/unattended_controller.rb}).
     * The fix is Foreman's trusted_proxies ({@code config/application.rb}), set by {@code --foreman-trusted-proxies}.
     */
    @Test
    void foremanNotFindingAClientByAddressLogsTheTrustedProxiesFix() throws Exception {
        start(SmartProxySettings.TemplatesFrom.FOREMAN, List.of());
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision")).willReturn(aResponse().withStatus(404)
                .withBody("unattended: unable to find a host that matches the request from 192.0.2.1\n")));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(ForemanForwarder.class);
        log.start();
        logger.addAppender(log);
        try {
            HttpResponse<String> r = ask("/unattended/provision");
            assertThat(r.statusCode()).as("Foreman's answer passes through").isEqualTo(404);
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("foreman-installer --foreman-trusted-proxies 192.0.2.1").contains("found no host for 127.0.0.1"));
    }
}
