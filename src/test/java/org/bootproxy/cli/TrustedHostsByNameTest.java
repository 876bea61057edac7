package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trusted_hosts} names over plain HTTP with this machine's real resolver, as smart-proxy checks them
 * (theforeman/smart-proxy {@code lib/sinatra/authorization.rb}, {@code remote_fqdn}: reverse lookup of the client's
 * address, then forward verification): a client at 127.0.0.1 is {@code localhost} in /etc/hosts.
 */
class TrustedHostsByNameTest {
    @TempDir
    Path dir;
    RunningBootproxy proxy;

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    RunningBootproxy start(String trustedHosts) throws Exception {
        Files.createDirectories(dir.resolve("tftpboot"));
        Files.createDirectories(dir.resolve("hosts"));
        proxy = new RunningBootproxy(dir, String.join("\n", "http_address: 127.0.0.1:0", "tftp_address: 127.0.0.1:0",
                "tftproot: tftpboot", "hosts: hosts", "state_dir: state",
                "templates: " + Path.of("templates").toAbsolutePath(), "template_url: http://proxy.example.com:8000",
                "trusted_hosts: " + trustedHosts, ""));
        return proxy;
    }

    @Test
    void localhostByNameMayUseTheManagementApiOverPlainHttp() throws Exception {
        String name = InetAddress.getByName("127.0.0.1").getCanonicalHostName();
        assertThat(name).as("this test needs /etc/hosts to name 127.0.0.1 localhost (first)").isEqualTo("localhost");
        start("[LocalHost]");

        HttpResponse<String> r = ForemanClient.plain().get(proxy.http("/v2/features"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"tftp\"");
    }

    @Test
    void anotherNameIsRefusedNamingTheClientByItsName() throws Exception {
        start("[foreman.example.com]");

        HttpResponse<String> r = ForemanClient.plain().get(proxy.http("/v2/features"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("Untrusted client localhost attempted to access /v2/features."
                + " Check trusted_hosts: in bootproxy's config");
    }
}
