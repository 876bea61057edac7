package org.bootproxy.inventory.upstream;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A throw-away PKI made with the JDK's keytool: a CA, a server certificate for localhost/127.0.0.1 signed by
 * it (in a PKCS#12 keystore for WireMock, and as PEM files for bootproxy's own HTTPS), a client certificate
 * signed by it, and PEM files of the CA, the client certificate and the client key, as an operator would have
 * them. {@link #client} signs more client certificates.
 */
public final class TestPki {

    public static final String PASSWORD = "changeit";

    public final Path caPem;
    public final Path serverKeystore;
    public final Path truststore;
    public final Path clientCertPem;
    public final Path clientKeyPem;
    public final Path otherCaPem;
    public final Path serverCertPem;
    public final Path serverKeyPem;

    private final Path dir;
    private final Path ca;

    /** A client certificate and its key, PEM files. */
    public record ClientPem(Path cert, Path key) {
    }

    public TestPki(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        this.dir = dir;
        ca = dir.resolve("ca.p12");
        serverKeystore = dir.resolve("server.p12");
        truststore = dir.resolve("trust.p12");
        Path client = dir.resolve("client.p12");
        caPem = dir.resolve("ca.pem");
        clientCertPem = dir.resolve("client.pem");
        clientKeyPem = dir.resolve("client.key");
        otherCaPem = dir.resolve("other-ca.pem");

        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=bootproxy test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());

        signed("server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", ca, serverKeystore, dir);
        serverCertPem = dir.resolve("server.pem");
        serverKeyPem = dir.resolve("server.key");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", serverKeystore.toString(), "-file", serverCertPem.toString());
        writeKeyPem(serverKeystore, "server", serverKeyPem);
        signed("client", "CN=bootproxy", null, ca, client, dir);
        keytool("-exportcert", "-rfc", "-alias", "client", "-keystore", client.toString(), "-file", clientCertPem.toString());
        writeKeyPem(client, "client", clientKeyPem);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", truststore.toString());

        Path other = dir.resolve("other.p12");
        keytool("-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=some other CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", other.toString());
        keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", other.toString(), "-file", otherCaPem.toString());
    }

    /** A WireMock HTTPS-only server with this PKI's server certificate (for localhost and 127.0.0.1), on a free port. */
    public WireMockConfiguration httpsServer() {
        return WireMockConfiguration.wireMockConfig().httpDisabled(true).dynamicHttpsPort()
                .keystorePath(serverKeystore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12");
    }

    /** {@link #httpsServer()} that also requires a client certificate signed by {@code clientCa}'s CA. */
    public WireMockConfiguration httpsServerRequiringClientsOf(TestPki clientCa) {
        return httpsServer().needClientAuth(true).trustStorePath(clientCa.truststore.toString())
                .trustStorePassword(PASSWORD).trustStoreType("PKCS12");
    }

    /** A client certificate for {@code CN=<cn>} signed by this CA. */
    public ClientPem client(String alias, String cn) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve(alias + ".p12");
        signed(alias, "CN=" + cn, null, ca, store, dir);
        ClientPem pem = new ClientPem(dir.resolve(alias + ".pem"), dir.resolve(alias + ".key"));
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-file", pem.cert().toString());
        writeKeyPem(store, alias, pem.key());
        return pem;
    }

    private void signed(String alias, String dname, String san, Path ca, Path store, Path dir)
            throws IOException, InterruptedException {
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-validity", "2",
                "-keystore", store.toString());
        Path csr = dir.resolve(alias + ".csr");
        Path crt = dir.resolve(alias + ".crt");
        keytool("-certreq", "-alias", alias, "-keystore", store.toString(), "-file", csr.toString());
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", ca.toString(),
                "-infile", csr.toString(), "-outfile", crt.toString(), "-rfc", "-validity", "2"));
        if (san != null) {
            gencert.addAll(List.of("-ext", san));
        }
        keytool(gencert.toArray(new String[0]));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", store.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", crt.toString(), "-keystore", store.toString());
    }

    private static void writeKeyPem(Path store, String alias, Path out) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        Key key = ks.getKey(alias, PASSWORD.toCharArray());
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        Files.writeString(out, "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n");
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC")); // a short-lived JVM: start fast
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }
}
