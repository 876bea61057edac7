package org.bootproxy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.bootproxy.inventory.upstream.TestPki;
import org.bootproxy.tftp.ExternalProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plays Foreman against a running bootproxy, request for request as Foreman's ProxyAPI::TFTP, ProxyAPI::Template
 * and the smart proxy registration send them: over HTTPS with Foreman's client certificate, form-encoded
 * payloads, {@code Accept: application/json}. What Foreman pushes is read back with a real TFTP client (curl,
 * Debian package curl). WireMock plays Foreman's own web server (unattended, media).
 */
class ForemanDrivesBootproxyTest {
    static final String MAC = "aa:bb:cc:dd:ee:ff";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestPki pki;
    static TestPki.ClientPem foremanCert;
    static WireMockServer foreman;
    static RunningBootproxy proxy;
    static ForemanClient asForeman;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(Files.createDirectories(dir.resolve("pki")));
        foremanCert = pki.client("foreman", "foreman.example.com");
        foreman = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        foreman.start();
        Files.createDirectories(dir.resolve("tftpboot"));
        Files.createDirectories(dir.resolve("hosts"));
        proxy = new RunningBootproxy(dir, String.join("\n",
                "http_address: 127.0.0.1:0",
                "tftp_address: 127.0.0.1:0",
                "https_address: 127.0.0.1:0",
                "tftproot: tftpboot",
                "hosts: hosts",
                "state_dir: state",
                "templates: " + Path.of("templates").toAbsolutePath(),
                "template_url: http://proxy.example.com:8000",
                "tftp_servername: 192.0.2.1",
                "smart_proxy_version: 3.13.0",
                "foreman_url: http://127.0.0.1:" + foreman.port(),
                "trusted_hosts: [foreman.example.com]",
                "ssl_certificate: pki/server.pem",
                "ssl_private_key: pki/server.key",
                "ssl_ca_file: pki/ca.pem", ""));
        asForeman = ForemanClient.withCertificate(pki.caPem.toString(), foremanCert.cert().toString(), foremanCert.key().toString());
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (foreman != null) {
            foreman.stop();
        }
    }

    // ------------------------------------------------------------------ registration

    @Test
    void registrationFindsTftpTemplatesAndHttpbootRunning() throws Exception {
        HttpResponse<String> r = asForeman.get(proxy.https("/v2/features"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode features = JSON.readTree(r.body());
        assertThat(features.fieldNames()).toIterable().containsExactly("httpboot", "templates", "tftp");
        for (String module : new String[] {"httpboot", "templates", "tftp"}) {
            JsonNode m = features.get(module);
            assertThat(m.get("state").asText()).as(module).isEqualTo("running");
            assertThat(m.get("http_enabled").asBoolean()).isTrue();
            assertThat(m.get("https_enabled").asBoolean()).isTrue();
            assertThat(m.get("capabilities").isArray()).isTrue();
        }
        assertThat(features.at("/tftp/settings/tftp_servername").asText()).isEqualTo("192.0.2.1");
        assertThat(features.at("/templates/settings/template_url").asText()).isEqualTo("http://proxy.example.com:8000");
        assertThat(features.at("/httpboot/settings/http_port").asInt()).isEqualTo(8000);
    }

    @Test
    void featuresAndVersionAreSmartProxyShaped() throws Exception {
        assertThat(asForeman.get(proxy.https("/features")).body()).isEqualTo("[\"httpboot\",\"templates\",\"tftp\"]");
        JsonNode version = JSON.readTree(ForemanClient.plain().get(proxy.http("/version")).body());
        assertThat(version.get("version").asText()).isEqualTo("3.13.0");
        assertThat(version.at("/modules/tftp").asText()).isEqualTo("3.13.0");
        assertThat(version.get("modules").fieldNames()).toIterable().containsExactly("httpboot", "templates", "tftp");
    }

    // ------------------------------------------------------------------ ProxyAPI::TFTP

    @Test
    void pushedPxelinuxConfigIsServedOverTftpByteForByte() throws Exception {
        String config = "DEFAULT linux\nLABEL linux\nKERNEL boot/alma-9-x86_64-vmlinuz\n"
                + "APPEND initrd=boot/alma-9-x86_64-initrd.img ks=http://proxy.example.com:8000/unattended/provision?token=é&x=1\n"
                + "IPAPPEND 2\n";
        HttpResponse<String> set = asForeman.post(proxy.https("/tftp/PXELinux/" + MAC), Map.of("pxeconfig", config));
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).isEmpty();

        Path local = dir.resolve("got-pxelinux");
        ExternalProcess curl = proxy.tftpGet("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff", local);
        assertThat(curl.exitCode()).as(curl.output()).isZero();
        assertThat(Files.readAllBytes(local)).isEqualTo(config.getBytes(StandardCharsets.UTF_8));
        assertThat(asForeman.get(proxy.https("/tftp/PXELinux/" + MAC)).body()).isEqualTo(config);
    }

    @Test
    void deletedConfigIsNotFoundOverTftp() throws Exception {
        String mac = "aa:bb:cc:dd:ee:01";
        asForeman.post(proxy.https("/tftp/PXELinux/" + mac), Map.of("pxeconfig", "DEFAULT local\n"));
        assertThat(proxy.tftpGet("pxelinux.cfg/01-aa-bb-cc-dd-ee-01", dir.resolve("before")).exitCode()).isZero();

        HttpResponse<String> delete = asForeman.delete(proxy.https("/tftp/PXELinux/" + mac));
        assertThat(delete.statusCode()).isEqualTo(200);
        ExternalProcess curl = proxy.tftpGet("pxelinux.cfg/01-aa-bb-cc-dd-ee-01", dir.resolve("after"));
        assertThat(curl.exitCode()).as(curl.output()).isEqualTo(68); // curl: TFTP "file not found"
        assertThat(asForeman.delete(proxy.https("/tftp/PXELinux/" + mac)).statusCode()).as("missing file is no error").isEqualTo(200);
    }

    @Test
    void everyKindForemanPushesLandsUnderSmartProxysNames() throws Exception {
        String mac = "52:54:00:0a:0b:0c";
        asForeman.post(proxy.https("/tftp/PXEGrub2/" + mac), Map.of("pxeconfig", "set timeout=5\n"));
        asForeman.post(proxy.https("/tftp/iPXE/" + mac), Map.of("pxeconfig", "#!ipxe\nexit 1\n"));
        asForeman.post(proxy.https("/tftp/PXEGrub/" + mac), Map.of("pxeconfig", "default=0\n"));

        Path root = proxy.tftpRoot();
        assertThat(root.resolve("host-config/52-54-00-0a-0b-0c/grub2/grub.cfg")).hasContent("set timeout=5\n");
        assertThat(root.resolve("host-config/52-54-00-0a-0b-0c/grub2").toFile().list())
                .as("a Foreman before 3.14 sends no targetos/arch: no boot loaders linked")
                .containsExactlyInAnyOrder("grub.cfg", "grub.cfg-01-52-54-00-0a-0b-0c", "grub.cfg-52:54:00:0a:0b:0c");
        assertThat(root.resolve("grub2/grub.cfg-01-52-54-00-0a-0b-0c")).hasContent("set timeout=5\n");
        assertThat(root.resolve("grub2/grub.cfg-52:54:00:0a:0b:0c")).hasContent("set timeout=5\n");
        assertThat(root.resolve("pxelinux.cfg/01-52-54-00-0a-0b-0c.ipxe")).hasContent("#!ipxe\nexit 1\n");
        assertThat(root.resolve("grub/menu.lst.01525400" + "0A0B0C")).hasContent("default=0\n");
        assertThat(root.resolve("grub/01-52-54-00-0A-0B-0C")).hasContent("default=0\n");
        assertThat(proxy.tftpGet("grub2/grub.cfg-01-52-54-00-0a-0b-0c", dir.resolve("grub")).exitCode()).isZero();
        assertThat(dir.resolve("grub")).hasContent("set timeout=5\n");
    }

    /**
     * Foreman 3.14's PXEGrub2 push with the host's OS (Host::Managed#setTFTP sends targetos, release, arch and
     * bootfile_suffix): the host folder gets its configs and boot loader links (smart-proxy's Pxegrub2#setup_bootloader,
     * modules/tftp/server.rb), shim is served through its link over TFTP, and DELETE removes the whole folder.
     */
    @Test
    void foreman314sGrub2PushWritesTheHostFolderWithItsBootLoadersAndDeleteRemovesIt() throws Exception {
        String mac = "52:54:00:0a:0b:0d";
        Path root = proxy.tftpRoot();
        Files.createDirectories(root.resolve("grub2"));
        Files.writeString(root.resolve("grub2/shimx64.efi"), "debian's shim\n");
        HttpResponse<String> set = asForeman.post(proxy.https("/tftp/PXEGrub2/" + mac), Map.of("pxeconfig", "set timeout=5\n",
                "targetos", "almalinux", "release", "9.4", "arch", "x86_64", "bootfile_suffix", "x64"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        Path folder = root.resolve("host-config/52-54-00-0a-0b-0d/grub2");
        assertThat(folder.toFile().list()).containsExactlyInAnyOrder("grub.cfg", "grub.cfg-01-52-54-00-0a-0b-0d",
                "grub.cfg-52:54:00:0a:0b:0d", "boot.efi", "grubx64.efi", "boot-sb.efi", "shimx64.efi");
        assertThat(Files.readSymbolicLink(folder.resolve("shimx64.efi"))).hasToString("../../../grub2/shimx64.efi");
        assertThat(asForeman.get(proxy.https("/tftp/PXEGrub2/" + mac)).body()).isEqualTo("set timeout=5\n");
        ExternalProcess curl = proxy.tftpGet("host-config/52-54-00-0a-0b-0d/grub2/shimx64.efi", dir.resolve("shim"));
        assertThat(curl.exitCode()).as(curl.output()).isZero();
        assertThat(dir.resolve("shim")).hasContent("debian's shim\n");

        assertThat(asForeman.delete(proxy.https("/tftp/PXEGrub2/" + mac)).statusCode()).isEqualTo(200);
        assertThat(root.resolve("host-config/52-54-00-0a-0b-0d")).doesNotExist();
        assertThat(root.resolve("grub2/grub.cfg-01-52-54-00-0a-0b-0d")).doesNotExist();
        assertThat(root.resolve("grub2/grub.cfg-52:54:00:0a:0b:0d")).doesNotExist();
        assertThat(root.resolve("grub2/shimx64.efi")).hasContent("debian's shim\n");
    }

    @Test
    void buildPxeDefaultWritesTheDefaultMenu() throws Exception {
        HttpResponse<String> r = asForeman.post(proxy.https("/tftp/PXELinux/create_default"), Map.of("menu", "DEFAULT menu\n"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(proxy.tftpRoot().resolve("pxelinux.cfg/default")).hasContent("DEFAULT menu\n");
    }

    @Test
    void fetchedBootFileLandsUnderThePrefixAndIsServedOverTftpAndHttpboot() throws Exception {
        byte[] kernel = new byte[300_000];
        new Random(6).nextBytes(kernel);
        foreman.stubFor(get("/media/alma/9/BaseOS/x86_64/os/images/pxeboot/vmlinuz")
                .willReturn(aResponse().withStatus(200).withBody(kernel)));
        String prefix = "boot/alma-mirror-1a2b3c4d5e6f";

        HttpResponse<String> r = asForeman.post(proxy.https("/tftp/fetch_boot_file"), Map.of("prefix", prefix,
                "path", "http://127.0.0.1:" + foreman.port() + "/media/alma/9/BaseOS/x86_64/os/images/pxeboot/vmlinuz"));
        assertThat(r.statusCode()).isEqualTo(200);

        Path landed = proxy.tftpRoot().resolve(prefix + "-vmlinuz");
        awaitFile(landed);
        assertThat(Files.readAllBytes(landed)).isEqualTo(kernel);
        Path local = dir.resolve("got-vmlinuz");
        ExternalProcess curl = proxy.tftpGet(prefix + "-vmlinuz", local);
        assertThat(curl.exitCode()).as(curl.output()).isZero();
        assertThat(Files.readAllBytes(local)).isEqualTo(kernel);
        HttpResponse<byte[]> overHttp = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(proxy.http("/httpboot/" + prefix + "-vmlinuz")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(overHttp.statusCode()).isEqualTo(200);
        assertThat(overHttp.body()).isEqualTo(kernel);
    }

    /**
     * smart-proxy refuses a target outside the TFTP root before downloading, with log_halt's prefix and its own reason
     * (theforeman/smart-proxy {@code modules/tftp/tftp_api.rb}: {@code log_halt(400, "TFTP: Failed to fetch boot file: ")};
     * {@code modules/tftp/server.rb}: {@code raise "TFTP destination outside of tftproot"}).
     */
    @Test
    void aPrefixOutsideTheTftpRootGetsSmartProxysAnswer() throws Exception {
        HttpResponse<String> r = asForeman.post(proxy.https("/tftp/fetch_boot_file"), Map.of("prefix", "../../etc/cron.d/x",
                "path", "http://127.0.0.1:" + foreman.port() + "/media/vmlinuz"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("TFTP: Failed to fetch boot file: TFTP destination outside of tftproot");
        foreman.verify(0, getRequestedFor(urlPathEqualTo("/media/vmlinuz")));
    }

    /** The download runs in the background, as in smart-proxy: wait for it (a bounded wait, not a timing assertion). */
    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(file).exists();
    }

    @Test
    void badMacAndUnknownVariantGetSmartProxysMessages() throws Exception {
        HttpResponse<String> badMac = asForeman.post(proxy.https("/tftp/PXELinux/aa:bb:cc:dd:ee"), Map.of("pxeconfig", "x"));
        assertThat(badMac.statusCode()).isEqualTo(403);
        assertThat(badMac.body()).isEqualTo("Invalid MAC address: aa:bb:cc:dd:ee");

        HttpResponse<String> badVariant = asForeman.post(proxy.https("/tftp/Elilo/" + MAC), Map.of("pxeconfig", "x"));
        assertThat(badVariant.statusCode()).isEqualTo(403);
        assertThat(badVariant.body()).isEqualTo("Unrecognized pxeboot config type: Elilo");
    }

    @Test
    void serverNameIsTheConfiguredTftpServerName() throws Exception {
        assertThat(asForeman.get(proxy.https("/tftp/serverName")).body()).isEqualTo("{\"serverName\":\"192.0.2.1\"}");
    }

    // ------------------------------------------------------------------ who may

    @Test
    void withoutAClientCertificateTheManagementApiIsRefused() throws Exception {
        ForemanClient anonymous = ForemanClient.withCertificate(pki.caPem.toString(), "", "");

        HttpResponse<String> r = anonymous.post(proxy.https("/tftp/PXELinux/aa:bb:cc:dd:ee:02"), Map.of("pxeconfig", "x"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("No client SSL certificate supplied");
        assertThat(proxy.tftpRoot().resolve("pxelinux.cfg/01-aa-bb-cc-dd-ee-02")).doesNotExist();
        assertThat(anonymous.get(proxy.https("/v2/features")).statusCode()).isEqualTo(403);
        assertThat(anonymous.get(proxy.https("/features")).statusCode()).as("public, as in smart-proxy").isEqualTo(200);
    }

    @Test
    void aCertificateWhoseNameIsNotTrustedIsRefused() throws Exception {
        ForemanClient stranger = ForemanClient.withCertificate(pki.caPem.toString(), pki.clientCertPem.toString(),
                pki.clientKeyPem.toString()); // CN=bootproxy, signed by the same CA

        HttpResponse<String> r = stranger.post(proxy.https("/tftp/PXELinux/aa:bb:cc:dd:ee:03"), Map.of("pxeconfig", "x"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).startsWith("Untrusted client bootproxy attempted to access /tftp/PXELinux/aa:bb:cc:dd:ee:03.");
        assertThat(proxy.tftpRoot().resolve("pxelinux.cfg/01-aa-bb-cc-dd-ee-03")).doesNotExist();
    }

    /** Over plain HTTP the client's name (reverse DNS of 127.0.0.1: localhost) is checked, as smart-proxy does. */
    @Test
    void overPlainHttpAClientWhoseNameIsNotInTrustedHostsIsRefused() throws Exception {
        HttpResponse<String> r = ForemanClient.plain().post(proxy.http("/tftp/PXELinux/aa:bb:cc:dd:ee:04"), Map.of("pxeconfig", "x"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).startsWith("Untrusted client localhost attempted to access /tftp/PXELinux/aa:bb:cc:dd:ee:04.");
    }

    // ------------------------------------------------------------------ ProxyAPI::Template and installers

    @Test
    void templateServerIsTheTemplateUrl() throws Exception {
        assertThat(ForemanClient.plain().get(proxy.http("/unattended/templateServer")).body())
                .isEqualTo("{\"templateServer\":\"http://proxy.example.com:8000\"}");
    }

    @Test
    void unknownMacIsForwardedAndForemansIpxeErrorReachesTheClientIntact() throws Exception {
        String script = "#!ipxe\necho unattended: unable to find a host that matches the request from 127.0.0.1\nexit 1\n";
        foreman.stubFor(get(urlPathEqualTo("/unattended/iPXE")).withQueryParam("mac", equalTo("52:54:00:99:99:99"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/plain").withBody(script)));

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                proxy.http("/unattended/iPXE?mac=52:54:00:99:99:99")).header("User-Agent", "iPXE/1.21.1").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).isEqualTo(script);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        foreman.verify(forwardedGet("/unattended/iPXE").withQueryParam("mac", equalTo("52:54:00:99:99:99")));
    }

    /** A GET as bootproxy forwards it: our URL as {@code url=}, the client's address as X-Forwarded-For. */
    static RequestPatternBuilder forwardedGet(String path) {
        return getRequestedFor(urlPathEqualTo(path)).withQueryParam("url", equalTo("http://proxy.example.com:8000"))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1"));
    }

    @Test
    void anacondaMacHeadersArePassedOnToForeman() throws Exception {
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("# kickstart\n")));

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(proxy.http("/unattended/provision"))
                .header("X-RHN-Provisioning-MAC-0", "eth0 52:54:00:88:88:88").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("# kickstart\n");
        foreman.verify(forwardedGet("/unattended/provision")
                .withHeader("X-RHN-Provisioning-MAC-0", equalTo("eth0 52:54:00:88:88:88")));
    }

    @Test
    void failureReportOfAHostForemanKnowsIsForwardedWithItsBody() throws Exception {
        foreman.stubFor(post(urlPathEqualTo("/unattended/failed")).willReturn(aResponse().withStatus(201)));
        String report = "anaconda: no space left on device\n";

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                proxy.http("/unattended/failed?token=0f1e2d3c")).POST(HttpRequest.BodyPublishers.ofString(report)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(201);
        foreman.verify(postRequestedFor(urlPathEqualTo("/unattended/failed"))
                .withQueryParam("token", equalTo("0f1e2d3c"))
                .withRequestBody(equalTo(report)));
    }
}
