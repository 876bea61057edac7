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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The templates module's rule: render here when the host and template exist, else ask Foreman and pass its answer on. */
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
        BootSettings boot = new BootSettings(TEMPLATE_URL, 4, UnknownMachineAnswer.MESSAGE,
                Map.of("Redhat", Map.of(TemplateKind.IPXE, "ipxe/kickstart", TemplateKind.PROVISION, "provision/kickstart")),
                RETRY_SECONDS);
        RecordingEvents events = new RecordingEvents();
        BootService service = new BootService(new FixedInventory(Hosts.WEB01), NamingRenderer.standard(), new MemoryBuildStates(),
                events, boot, Clock.systemUTC());
        proxy = new SmartProxy(new SmartProxySettings(tftpRoot, "", TEMPLATE_URL, foremanUrl, TrustedHosts.notSet(), "test",
                Optional.empty(), new SmartProxySettings.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 0, Duration.ofMillis(1))), new ModuleStates(), Optional.empty());
        server = new HttpServer(service, HttpSettingsBuilder.loopback().build(), events, Clock.systemUTC(),
                new HttpExtensions(proxy.routes(), proxy.unattendedFallback()));
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
            proxy.close();
        }
    }

    HttpResponse<String> fetch(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
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
        assertThat(fetch("/unattended/registration").statusCode()).isEqualTo(400);
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
}
