package org.bootproxy.smartproxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.ServerSocket;
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
import org.bootproxy.http.HttpExtensions;
import org.bootproxy.http.HttpServer;
import org.bootproxy.http.HttpSettingsBuilder;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.bootproxy.http.Cidr;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The templates module's rule: render here when the host and template exist, else ask Foreman and pass its answer on; templates_from. */
class ForwardingTest {
    static final URI TEMPLATE_URL = URI.create("http://proxy.example.com:8000");
    static final String UNKNOWN_MAC = "52:54:00:ff:ff:ff";
    static final int RETRY_SECONDS = 7;

    @RegisterExtension
    static WireMockExtension foreman = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path tftpRoot;
    HttpServer server;
    SmartProxy proxy;
    final HttpClient client = HttpClient.newHttpClient();

    /** bootproxy knowing web01 (in build, Redhat), forwarding to {@code foremanUrl}. */
    void start(Optional<URI> foremanUrl) {
        start(foremanUrl, SmartProxySettings.TemplatesFrom.LOCAL_FIRST, List.of());
    }

    /** … with templates_from {@code from}, believing X-Forwarded-For from {@code trustedProxies}. */
    void start(Optional<URI> foremanUrl, SmartProxySettings.TemplatesFrom from, List<Cidr> trustedProxies) {
        BootSettings boot = new BootSettings(TEMPLATE_URL, 4, UnknownMachineAnswer.MESSAGE,
                Map.of("Redhat", Map.of(TemplateKind.IPXE, "ipxe/kickstart", TemplateKind.PROVISION, "provision/kickstart")),
                RETRY_SECONDS);
        RecordingEvents events = new RecordingEvents();
        BootService service = new BootService(new FixedInventory(Hosts.WEB01), NamingRenderer.standard(), new MemoryBuildStates(),
                events, boot, Clock.systemUTC());
        proxy = new SmartProxy(new SmartProxySettings(tftpRoot, "", TEMPLATE_URL, foremanUrl, TrustedHosts.notSet(), "test",
                Optional.empty(), new SmartProxySettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 0, Duration.ofMillis(1)), SmartProxySettings.DEFAULT_MAX_FORWARDS,
                SmartProxySettings.Downloads.DEFAULTS, true, from),
                new ModuleStates(), Optional.empty());
        server = new HttpServer(service, HttpSettingsBuilder.loopback().trustedProxies(trustedProxies.toArray(Cidr[]::new)).build(),
                events, Clock.systemUTC(), new HttpExtensions(proxy.routes(), proxy.unattendedFallback(),
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

    /** GET with optional header name/value pairs. */
    HttpResponse<String> fetch(String pathAndQuery, String... headers) throws Exception {
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

    static URI deadForeman() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }

    @Test
    void aHostKnownHereIsRenderedHereAndForemanIsNotAsked() throws Exception {
        start(Optional.of(URI.create(foreman.baseUrl())));

        HttpResponse<String> r = fetch("/unattended/iPXE?mac=" + Hosts.WEB01.provisionInterface().mac().colons());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("template=ipxe/kickstart host=web01.example.com");
        foreman.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void whenForemanIsDownIpxeGetsTheRetryScriptAndInstallersA503() throws Exception {
        start(Optional.of(deadForeman()));

        HttpResponse<String> ipxe = fetch("/unattended/iPXE?mac=" + UNKNOWN_MAC);
        assertThat(ipxe.statusCode()).isEqualTo(200);
        assertThat(ipxe.body()).startsWith("#!ipxe\n").contains("Foreman at").contains("chain --replace iPXE?mac=");

        HttpResponse<String> provision = fetch("/unattended/provision?mac=" + UNKNOWN_MAC);
        assertThat(provision.statusCode()).isEqualTo(503);
        assertThat(provision.headers().firstValue("Retry-After")).contains(String.valueOf(RETRY_SECONDS));
        assertThat(provision.body()).contains("did not answer");
    }

    @Test
    void kindsAndHostgroupTemplatesBootproxyDoesNotHaveAreForemans() throws Exception {
        start(Optional.of(URI.create(foreman.baseUrl())));
        foreman.stubFor(get(urlPathEqualTo("/unattended/registration")).willReturn(aResponse().withBody("register\n")));
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision/Kickstart%20default/Base%2FWeb"))
                .willReturn(aResponse().withBody("hostgroup kickstart\n")));

        assertThat(fetch("/unattended/registration?activation_keys=x").body()).isEqualTo("register\n");
        assertThat(fetch("/unattended/provision/Kickstart%20default/Base%2FWeb?url=http://evil").body())
                .isEqualTo("hostgroup kickstart\n");
        foreman.verify(getRequestedFor(urlPathEqualTo("/unattended/registration"))
                .withQueryParam("activation_keys", equalTo("x")).withQueryParam("url", equalTo(TEMPLATE_URL.toString())));
        foreman.verify(getRequestedFor(urlPathEqualTo("/unattended/provision/Kickstart%20default/Base%2FWeb"))
                .withQueryParam("url", equalTo(TEMPLATE_URL.toString())));
    }

    @Test
    void withoutForemanUrlBootproxyAnswersAlone() throws Exception {
        start(Optional.empty());

        assertThat(fetch("/unattended/provision?mac=" + UNKNOWN_MAC).statusCode()).isEqualTo(404);
        assertThat(fetch("/unattended/registration").statusCode()).isEqualTo(404);
        HttpResponse<String> hostgroup = fetch("/unattended/provision/Kickstart%20default/Base");
        assertThat(hostgroup.statusCode()).isEqualTo(404);
        assertThat(hostgroup.body()).contains("foreman_url");
        assertThat(fetch("/unattended/templateServer").body()).isEqualTo("{\"templateServer\":\"http://proxy.example.com:8000\"}");
    }

    @Test
    void theForwardedQueryKeepsTheClientsParametersAndAddsOurUrl() {
        assertThat(ForemanForwarder.query("mac=52:54:00:aa:00:01&token=abc&url=http%3A%2F%2Fevil&kind=x", TEMPLATE_URL))
                .isEqualTo("mac=52:54:00:aa:00:01&token=abc&url=http%3A%2F%2Fproxy.example.com%3A8000");
        assertThat(ForemanForwarder.query(null, TEMPLATE_URL)).isEqualTo("url=http%3A%2F%2Fproxy.example.com%3A8000");
        assertThat(ForemanForwarder.uriSafe("mac=${net0/mac}&x=é")).isEqualTo("mac=$%7Bnet0/mac%7D&x=%C3%A9");
    }
    // ------------------------------------------------------------------ templates_from

    /*
     * templates_from: who answers a Foreman host's /unattended requests. foreman is smart-proxy's templates module,
     * which forwards every /unattended/:kind, built, failed and /userdata/:kind request to foreman_url
     * (theforeman/smart-proxy modules/templates/templates_unattended_api.rb, templates_userdata_api.rb); local renders
     * everything here; local-first renders what the inventory and templates cover and forwards the rest.
     */
    static final String WEB01_MAC = Hosts.WEB01_MAC.colons();

    @Test
    void foremanAnswersEveryRequestEvenForAHostBootproxyKnows() throws Exception {
        start(Optional.of(URI.create(foreman.baseUrl())), SmartProxySettings.TemplatesFrom.FOREMAN, List.of());
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision")).willReturn(aResponse().withBody("# Foreman's kickstart\n")));
        foreman.stubFor(get(urlPathEqualTo("/unattended/iPXE")).willReturn(aResponse().withBody("#!ipxe\n# Foreman's\n")));
        foreman.stubFor(get(urlPathEqualTo("/userdata/" + WEB01_MAC + "/user-data")).willReturn(aResponse().withBody("#cloud-config\n")));
        foreman.stubFor(post(urlPathEqualTo("/unattended/built")).willReturn(aResponse().withStatus(201)));
        foreman.stubFor(post(urlPathEqualTo("/unattended/failed")).willReturn(aResponse().withStatus(201)));

        assertThat(fetch("/unattended/provision?mac=" + WEB01_MAC).body()).isEqualTo("# Foreman's kickstart\n");
        assertThat(fetch("/unattended/iPXE?mac=" + WEB01_MAC).body()).isEqualTo("#!ipxe\n# Foreman's\n");
        assertThat(fetch("/userdata/" + WEB01_MAC + "/user-data").body()).isEqualTo("#cloud-config\n");
        assertThat(report("/unattended/built?token=tok-web01", "").statusCode()).isEqualTo(201);
        assertThat(report("/unattended/failed?token=tok-web01", "anaconda died").statusCode()).isEqualTo(201);

        foreman.verify(getRequestedFor(urlPathEqualTo("/unattended/provision")).withQueryParam("mac", equalTo(WEB01_MAC))
                .withQueryParam("url", equalTo(TEMPLATE_URL.toString())));
        foreman.verify(postRequestedFor(urlPathEqualTo("/unattended/failed")).withRequestBody(equalTo("anaconda died")));
        assertThat(fetch("/unattended/templateServer").body()).as("answered here, as smart-proxy does")
                .isEqualTo("{\"templateServer\":\"http://proxy.example.com:8000\"}");
    }

    @Test
    void localRendersWhatItCanAndNeverForwardsTheRest() throws Exception {
        start(Optional.of(URI.create(foreman.baseUrl())), SmartProxySettings.TemplatesFrom.LOCAL, List.of());

        assertThat(fetch("/unattended/provision?mac=" + WEB01_MAC).body()).contains("host=web01.example.com");
        assertThat(fetch("/unattended/provision?mac=52:54:00:ff:ff:ff").statusCode()).isEqualTo(404);
        assertThat(fetch("/unattended/registration").statusCode()).isEqualTo(404);
        foreman.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void localFirstRendersKnownHostsAndForwardsTheRest() throws Exception {
        start(Optional.of(URI.create(foreman.baseUrl())), SmartProxySettings.TemplatesFrom.LOCAL_FIRST, List.of());
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision")).willReturn(aResponse().withBody("# Foreman's\n")));

        assertThat(fetch("/unattended/provision?mac=" + WEB01_MAC).body()).contains("host=web01.example.com");
        assertThat(fetch("/unattended/provision?mac=52:54:00:ff:ff:ff").body()).isEqualTo("# Foreman's\n");
    }

    /** smart-proxy sends {@code X-Forwarded-For: <REMOTE_ADDR>} (lib/proxy/request.rb); behind a proxy, the client it named. */
    @Test
    void theForwardedForIsTheClientBootproxyDetermined() throws Exception {
        start(Optional.of(URI.create(foreman.baseUrl())), SmartProxySettings.TemplatesFrom.FOREMAN, List.of(Cidr.parse("127.0.0.0/8")));
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision")).willReturn(aResponse().withBody("#\n")));

        fetch("/unattended/provision", "X-Forwarded-For", "192.0.2.77, 192.0.2.50");

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
        start(Optional.of(URI.create(foreman.baseUrl())), SmartProxySettings.TemplatesFrom.FOREMAN, List.of());
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision")).willReturn(aResponse().withStatus(404)
                .withBody("unattended: unable to find a host that matches the request from 192.0.2.1\n")));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(ForemanForwarder.class);
        log.start();
        logger.addAppender(log);
        try {
            HttpResponse<String> r = fetch("/unattended/provision");
            assertThat(r.statusCode()).as("Foreman's answer passes through").isEqualTo(404);
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("foreman-installer --foreman-trusted-proxies 192.0.2.1").contains("found no host for 127.0.0.1"));
    }
}
