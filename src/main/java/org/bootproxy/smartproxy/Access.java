package org.bootproxy.smartproxy;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bootproxy.support.IpLiteral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call what, as smart-proxy's {@code authorize_with_trusted_hosts} and {@code authorize_with_ssl_client}
 * decide it ({@code lib/sinatra/authorization.rb}), and the answer when someone may not: 403 with smart-proxy's
 * message. Over HTTPS the client certificate's CN is the client's name; over plain HTTP an address or network in
 * {@code trusted_hosts} admits the client at once, else its address's name ({@link ClientNames}: reverse DNS,
 * forward-confirmed) must be listed. Public routes only get {@link Halt}s turned into answers.
 */
final class Access {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    /** Where the servlet container puts the client's certificate chain on HTTPS. */
    static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final TrustedHosts trusted;
    private final ClientNames names;

    Access(TrustedHosts trusted, ClientNames names) {
        this.trusted = trusted;
        this.names = names;
    }

    /** A management route: trusted clients only. */
    Handler management(Handler handler) {
        return ctx -> {
            Optional<String> refusal = refusal(ctx);
            if (refusal.isPresent()) {
                answer(ctx, new Halt(403, refusal.get()));
                return;
            }
            open(handler).handle(ctx);
        };
    }

    /** A public route ({@code /features}, {@code /unattended/templateServer}, …). */
    Handler open(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Halt h) {
                answer(ctx, h);
            }
        };
    }

    /** Why {@code ctx} may not use the management API; empty when it may. */
    Optional<String> refusal(Context ctx) {
        String path = ctx.path();
        if (ctx.req().isSecure()) {
            Object chain = ctx.req().getAttribute(CLIENT_CERTIFICATES);
            if (!(chain instanceof X509Certificate[] certs) || certs.length == 0) {
                return Optional.of("No client SSL certificate supplied");
            }
            String cn = commonName(certs[0]);
            if (!trusted.trustsName(cn)) {
                return Optional.of(untrusted(cn, path));
            }
            return Optional.empty();
        }
        String address = ctx.req().getRemoteAddr();
        if (!trusted.configured()) {
            return Optional.of(untrusted(address, path) + " (not set: over plain HTTP nobody may use the management API;"
                    + " list Foreman's name or address there, e.g. trusted_hosts: [foreman.example.com])");
        }
        if (trusted.trustsAddress(address)) {
            return Optional.empty();
        }
        if (!trusted.hasHostNames()) {
            return Optional.of(untrusted(address, path));
        }
        Optional<InetAddress> ip = IpLiteral.parse(address);
        if (ip.isEmpty()) {
            return Optional.of("could not get remote address from environment");
        }
        ClientNames.Verdict verdict = names.of(ip.get());
        if (verdict.name().isEmpty()) {
            return Optional.of(verdict.refusal());
        }
        return trusted.trustsName(verdict.name().get()) ? Optional.empty()
                : Optional.of(untrusted(verdict.name().get(), path));
    }

    private static String untrusted(String who, String path) {
        return "Untrusted client " + who + " attempted to access " + path + ". Check trusted_hosts: in bootproxy's config";
    }

    /** The certificate's CN, lower case; its whole subject when it has no CN. */
    static String commonName(X509Certificate cert) {
        String subject = cert.getSubjectX500Principal().getName();
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue()).toLowerCase(java.util.Locale.ROOT);
                }
            }
        } catch (InvalidNameException e) {
            return subject;
        }
        return subject;
    }

    private static void answer(Context ctx, Halt h) {
        LOG.warn("{} {} answered {}: {}", ctx.method(), ctx.path(), h.status(), h.getMessage());
        Replies.text(ctx, h.status(), h.getMessage());
    }
}
