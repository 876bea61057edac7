package org.bootproxy.inventory.upstream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS context for an upstream from PEM files: a CA file to trust (Foreman's own CA, usually
 * {@code /etc/foreman/proxy_ca.pem} or the Puppet CA) and an optional client certificate and key.
 * Every error is an {@link Unusable} naming the config key and the file.
 */
public final class Tls {

    /** A CA, certificate or key file that cannot be used; the message names the key, the file and the fix. */
    public static final class Unusable extends IllegalArgumentException {
        Unusable(String message) {
            super(message);
        }

        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final char[] NO_PASSWORD = new char[0];

    private Tls() {
    }

    /**
     * The context to use, or empty when neither a CA file nor a client certificate is configured
     * (the JVM's trust store then applies).
     *
     * @param key config prefix for messages, e.g. "inventory.foreman"
     */
    public static Optional<SSLContext> context(String key, String caFile, String clientCert, String clientKey) {
        if (caFile.isEmpty() && clientCert.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(context(key + ".ca_file", caFile, key + ".client_cert", clientCert, key + ".client_key", clientKey));
    }

    /**
     * A context from settings with names of their own, such as the proxy's ssl_ca_file, ssl_certificate and
     * ssl_private_key (used both to serve HTTPS and to present to Foreman); "" leaves a part out.
     */
    public static SSLContext context(String caKey, String caFile, String certKey, String certFile, String keyKey,
                                     String keyFile) {
        try {
            TrustManagerFactory tmf = null;
            if (!caFile.isEmpty()) {
                KeyStore trust = emptyStore();
                List<Certificate> cas = certificates(caKey, caFile);
                for (int i = 0; i < cas.size(); i++) {
                    trust.setCertificateEntry("ca" + i, cas.get(i));
                }
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            KeyManagerFactory kmf = null;
            if (!certFile.isEmpty()) {
                List<Certificate> chain = certificates(certKey, certFile);
                PrivateKey pk = privateKey(keyKey, keyFile);
                KeyStore ks = emptyStore();
                ks.setKeyEntry("client", pk, NO_PASSWORD, chain.toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, NO_PASSWORD);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new Unusable((certFile.isEmpty() ? caKey : certKey) + ": cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        return ks;
    }

    private static String read(String key, String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new Unusable(key + ": " + file + " does not exist");
        } catch (IOException e) {
            throw new Unusable(key + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    static List<Certificate> certificates(String key, String file) {
        String text = read(key, file);
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
            if (certs.isEmpty()) {
                throw new Unusable(key + ": " + file + " holds no certificate (expected PEM blocks "
                        + "-----BEGIN CERTIFICATE-----)");
            }
            return new ArrayList<>(certs);
        } catch (GeneralSecurityException e) {
            throw new Unusable(key + ": " + file + " is not a PEM certificate file: " + e.getMessage());
        }
    }

    static PrivateKey privateKey(String key, String file) {
        String text = read(key, file);
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(key, file, der);
                case "RSA PRIVATE KEY":
                    return pkcs8(key, file, Der.rsaPkcs1ToPkcs8(der));
                case "ENCRYPTED PRIVATE KEY":
                    throw new Unusable(key + ": " + file + " is encrypted; write it unencrypted with "
                            + "'openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem' and keep the file mode 0600");
                case "EC PRIVATE KEY":
                    throw new Unusable(key + ": " + file + " is an SEC1 EC key; convert it with "
                            + "'openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem'");
                default:
                    // another block (a certificate in the same file): keep looking
            }
        }
        throw new Unusable(key + ": " + file + " holds no private key (expected -----BEGIN PRIVATE KEY----- "
                + "or -----BEGIN RSA PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(String key, String file, byte[] der) {
        for (String alg : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new Unusable(key + ": " + file + " holds a private key this JVM cannot read (RSA, EC and Ed25519 tried)");
    }

    /** Just enough DER to wrap a PKCS#1 RSA key in a PKCS#8 envelope. */
    static final class Der {
        private static final byte[] RSA_ALGORITHM = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

        private Der() {
        }

        static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
            byte[] version = {0x02, 0x01, 0x00};
            byte[] octets = tlv(0x04, pkcs1);
            byte[] body = concat(version, RSA_ALGORITHM, octets);
            return tlv(0x30, body);
        }

        static byte[] tlv(int tag, byte[] value) {
            byte[] len = length(value.length);
            byte[] out = new byte[1 + len.length + value.length];
            out[0] = (byte) tag;
            System.arraycopy(len, 0, out, 1, len.length);
            System.arraycopy(value, 0, out, 1 + len.length, value.length);
            return out;
        }

        private static byte[] length(int n) {
            if (n < 0x80) {
                return new byte[] {(byte) n};
            }
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            byte[] out = new byte[1 + bytes];
            out[0] = (byte) (0x80 | bytes);
            for (int i = bytes; i >= 1; i--) {
                out[i] = (byte) (n & 0xff);
                n >>>= 8;
            }
            return out;
        }

        private static byte[] concat(byte[]... parts) {
            int n = 0;
            for (byte[] p : parts) {
                n += p.length;
            }
            byte[] out = new byte[n];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        }
    }
}
