package org.bootproxy.inventory.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

    @TempDir
    Path dir;

    @Test
    void pkcs1RsaKeyIsWrappedIntoTheSamePkcs8KeyJavaWouldWrite() throws Exception {
        var gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        byte[] pkcs8 = gen.generateKeyPair().getPrivate().getEncoded();
        // PKCS#8 = SEQUENCE(4 header bytes) { INTEGER 0 (3), AlgorithmIdentifier (15), OCTET STRING (4 header) { PKCS#1 } }
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 4 + 3 + 15 + 4, pkcs8.length);
        assertThat(Tls.Der.rsaPkcs1ToPkcs8(pkcs1)).isEqualTo(pkcs8);

        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n");
        assertThat(Tls.privateKey("inventory.foreman.client_key", pem.toString()).getEncoded()).isEqualTo(pkcs8);
    }

    @Test
    void missingCaFileIsNamedWithItsKey() {
        assertThatThrownBy(() -> Tls.context("inventory.foreman", "/nonexistent/ca.pem", "", ""))
                .hasMessage("inventory.foreman.ca_file: /nonexistent/ca.pem does not exist");
    }

    @Test
    void fileWithoutCertificatesIsRefusedClearly() throws Exception {
        Path notPem = dir.resolve("ca.pem");
        Files.writeString(notPem, "hello\n");
        assertThatThrownBy(() -> Tls.context("inventory.cmdb", notPem.toString(), "", ""))
                .hasMessageContaining("inventory.cmdb.ca_file: " + notPem);
    }

    @Test
    void encryptedKeyIsRefusedWithTheCommandThatFixesIt() throws Exception {
        Path key = dir.resolve("key.pem");
        Files.writeString(key, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> Tls.privateKey("inventory.foreman.client_key", key.toString()))
                .hasMessageContaining("is encrypted").hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void noTlsSettingsMeansTheJvmDefaults() {
        assertThat(Tls.context("inventory.foreman", "", "", "")).isEmpty();
    }
}
