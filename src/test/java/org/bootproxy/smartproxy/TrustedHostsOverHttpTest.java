package org.bootproxy.smartproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bootproxy.fakes.FakeResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trusted_hosts} for a client over plain HTTP, as smart-proxy decides it (theforeman/smart-proxy
 * {@code lib/sinatra/authorization.rb}, {@code do_authorize_with_trusted_hosts} and {@code remote_fqdn}): the
 * reverse-DNS name of the client's address, confirmed by resolving it forward when {@code forward_verify} (default
 * true, {@code lib/proxy/settings/global.rb}), must be in the list, down-cased; else 403 with smart-proxy's message.
 * The client here is always 127.0.0.1; {@link FakeResolver} says what its name is.
 */
class TrustedHostsOverHttpTest {
    @TempDir
    Path dir;
    Javalin app;
    SmartProxy proxy;
    final HttpClient client = HttpClient.newHttpClient();

    void start(TrustedHosts trusted, boolean forwardVerify, FakeResolver dns) {
        SmartProxySettings settings = new SmartProxySettings(dir, "", URI.create("http://proxy.example.com:8000"),
                Optional.empty(), trusted, "3.13.0", Optional.empty(), SmartProxySettings.Timeouts.DEFAULTS,
                SmartProxySettings.DEFAULT_MAX_FORWARDS, SmartProxySettings.Downloads.DEFAULTS, forwardVerify, SmartProxySettings.TemplatesFrom.LOCAL_FIRST);
        proxy = new SmartProxy(settings, new ModuleStates(), Optional.empty(), dns);
        app = SmartProxyApp.serve(proxy);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
            proxy.close();
        }
    }

    static TrustedHosts names(String... names) {
        return new TrustedHosts(true, Set.of(names), address -> false);
    }

    HttpResponse<String> features() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/v2/features")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aForwardConfirmedNameInTheListIsTrusted() throws Exception {
        start(names("foreman.example.com"), true,
                new FakeResolver().reverse("127.0.0.1", "Foreman.Example.COM.").forward("Foreman.Example.COM", "127.0.0.1"));
        assertThat(features().statusCode()).isEqualTo(200);
    }

    @Test
    void aNameThatDoesNotResolveBackIsRefusedWithSmartProxysMessage() throws Exception {
        start(names("foreman.example.com"), true,
                new FakeResolver().reverse("127.0.0.1", "foreman.example.com").forward("foreman.example.com", "192.0.2.99"));
        HttpResponse<String> r = features();
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("untrusted client has no matching forward DNS lookup - foreman.example.com (127.0.0.1)");
    }

    @Test
    void aNameWithNoForwardRecordIsRefused() throws Exception {
        start(names("foreman.example.com"), true, new FakeResolver().reverse("127.0.0.1", "foreman.example.com"));
        assertThat(features().body()).isEqualTo("could not forward verify the remote hostname - foreman.example.com (127.0.0.1)");
    }

    @Test
    void withoutForwardVerifyTheReverseNameAloneCounts() throws Exception {
        start(names("foreman.example.com"), false,
                new FakeResolver().reverse("127.0.0.1", "foreman.example.com").forward("foreman.example.com", "192.0.2.99"));
        assertThat(features().statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressWithoutAReverseRecordIsRefused() throws Exception {
        start(names("foreman.example.com"), true, new FakeResolver());
        HttpResponse<String> r = features();
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("unable to resolve hostname for ip address 127.0.0.1");
    }

    @Test
    void aConfirmedNameNotInTheListIsAnUntrustedClient() throws Exception {
        start(names("foreman.example.com"), true,
                new FakeResolver().reverse("127.0.0.1", "laptop.example.com").forward("laptop.example.com", "127.0.0.1"));
        HttpResponse<String> r = features();
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("Untrusted client laptop.example.com attempted to access /v2/features."
                + " Check trusted_hosts: in bootproxy's config");
    }

    @Test
    void theNameIsLookedUpOnceForManyRequests() throws Exception {
        FakeResolver dns = new FakeResolver().reverse("127.0.0.1", "foreman.example.com").forward("foreman.example.com", "127.0.0.1");
        start(names("foreman.example.com"), true, dns);
        for (int i = 0; i < 5; i++) {
            assertThat(features().statusCode()).isEqualTo(200);
        }
        assertThat(dns.questions.get()).as("one reverse and one forward lookup, then the cache").isEqualTo(2);
    }

    @Test
    void aResolverThatCannotBeAskedRefusesAndIsAskedAgainNextTime() throws Exception {
        FakeResolver dns = new FakeResolver().broken();
        start(names("foreman.example.com"), true, dns);
        assertThat(features().body()).startsWith("unable to resolve hostname for ip address 127.0.0.1: no DNS server answered");
        features();
        assertThat(dns.questions.get()).as("a failure is not remembered").isEqualTo(2);
    }

    @Test
    void anAddressEntryAdmitsWithoutAskingDns() throws Exception {
        FakeResolver dns = new FakeResolver();
        start(new TrustedHosts(true, Set.of("127.0.0.1", "foreman.example.com"), "127.0.0.1"::equals), true, dns);
        assertThat(features().statusCode()).isEqualTo(200);
        assertThat(dns.questions.get()).isZero();
    }

    @Test
    void onlyAddressEntriesNeverAskDns() throws Exception {
        FakeResolver dns = new FakeResolver().reverse("127.0.0.1", "foreman.example.com");
        start(new TrustedHosts(true, Set.of("192.0.2.10"), "192.0.2.10"::equals), true, dns);
        assertThat(features().statusCode()).isEqualTo(403);
        assertThat(dns.questions.get()).isZero();
    }

    /**
     * smart-proxy without trusted_hosts lets everybody in; bootproxy keeps plain HTTP closed then (its HTTP port is
     * the provisioning network's iPXE port): a deliberate difference, docs/smart-proxy.md.
     */
    @Test
    void withTrustedHostsUnsetNobodyUsesTheManagementApiOverPlainHttp() throws Exception {
        FakeResolver dns = new FakeResolver().reverse("127.0.0.1", "foreman.example.com").forward("foreman.example.com", "127.0.0.1");
        start(TrustedHosts.notSet(), true, dns);
        HttpResponse<String> r = features();
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("trusted_hosts").contains("not set");
        assertThat(List.of(dns.questions.get())).containsExactly(0);
    }
}
