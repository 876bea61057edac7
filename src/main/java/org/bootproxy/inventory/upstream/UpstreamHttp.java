package org.bootproxy.inventory.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLException;
import kong.unirest.core.HttpRequest;
import kong.unirest.core.HttpRequestWithBody;
import kong.unirest.core.HttpResponse;
import kong.unirest.core.Unirest;
import kong.unirest.core.UnirestException;
import kong.unirest.core.UnirestInstance;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.support.Causes;
import org.bootproxy.support.Durations;
import org.bootproxy.support.OneLine;

/**
 * One upstream's HTTP client: its own Unirest instance (never the global one) with the upstream's timeouts,
 * TLS and credentials. Turns every failure into an {@link UpstreamUnavailable} whose message says what to
 * check, e.g. "Foreman at https://foreman.example.com answered 401 Unauthorized: check inventory.foreman.username
 * and password". Bodies are parsed with our own Jackson 2 mapper.
 */
public final class UpstreamHttp implements AutoCloseable {

    private static final int TRACE_BODY_LIMIT = 64 * 1024;
    /** A Foreman host with its parameters is tens of KiB; 4 MiB leaves room and bounds what a call can cost. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    /**
     * Where one upstream is and how to talk to it (a value, not a second settings type: the backend builds it
     * from its own settings).
     *
     * @param label           how messages name the upstream: "Foreman at https://foreman.example.com"
     * @param key             its config prefix: "inventory.foreman"
     * @param connectTimeout  connect timeout
     * @param readTimeout     time allowed for each answer
     * @param headers         headers sent with every request
     * @param basicUser       Basic user, or "" for none
     * @param basicSecret     Basic password (or token)
     * @param bearer          Bearer token, or ""
     * @param credentialsHint what to check on a 401, e.g. "inventory.foreman.username and password (or token)"
     * @param forbiddenHint   what to check on a 403
     * @param maxAnswerBytes  a body larger than this is not read past it: the call fails (inventory.max_answer_bytes)
     */
    public record Endpoint(String label, String key, Duration connectTimeout, Duration readTimeout,
                           String caFile, String clientCert, String clientKey, Map<String, String> headers,
                           String basicUser, String basicSecret, String bearer,
                           String credentialsHint, String forbiddenHint, long maxAnswerBytes) {
        public Endpoint {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(key, "key");
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            basicUser = basicUser == null ? "" : basicUser;
            basicSecret = basicSecret == null ? "" : basicSecret;
            bearer = bearer == null ? "" : bearer;
            if (maxAnswerBytes < 1 || maxAnswerBytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("max answer bytes must be 1.." + (Integer.MAX_VALUE - 16) + ", not "
                        + maxAnswerBytes);
            }
        }
    }

    /** What came back: status and body. */
    public record Response(String method, String url, int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final Endpoint settings;
    private final UnirestInstance unirest;
    private final ObjectMapper json = new ObjectMapper();

    public UpstreamHttp(Endpoint settings) {
        this.settings = Objects.requireNonNull(settings);
        this.unirest = Unirest.spawnInstance();
        var config = unirest.config()
                .connectTimeout((int) settings.connectTimeout().toMillis())
                .requestTimeout((int) settings.readTimeout().toMillis())
                .followRedirects(false)
                .version(HttpClient.Version.HTTP_1_1)
                .setDefaultHeader("Accept", "application/json")
                .setDefaultHeader("User-Agent", "bootproxy");
        Tls.context(settings.key(), settings.caFile(), settings.clientCert(), settings.clientKey())
                .ifPresent(config::sslContext);
    }

    private final java.util.concurrent.atomic.LongAdder sent = new java.util.concurrent.atomic.LongAdder();

    public String label() {
        return settings.label();
    }

    /** An authenticated GET. Any status comes back; only transport failures throw. */
    public Response get(String url, HttpTrace trace) {
        return send("GET", url, Map.of(), null, true, trace);
    }

    /**
     * Sends a request; any status comes back as a {@link Response}.
     *
     * @param authenticated false for endpoints that need no credentials (Foreman's /unattended)
     * @throws UpstreamUnavailable when no answer came (DNS, refused, TLS, timeout)
     */
    public Response send(String method, String url, Map<String, String> headers, String body, boolean authenticated,
                         HttpTrace trace) {
        return send(method, url, headers, body, "text/plain; charset=utf-8", authenticated, trace);
    }

    /**
     * An authenticated POST of {@code document} (maps, lists and values) as JSON. Any status comes back; only transport
     * failures throw.
     */
    public Response postJson(String url, Object document, HttpTrace trace) {
        String body;
        try {
            body = json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the JSON to post to " + pathOf(url), e);
        }
        return send("POST", url, Map.of(), body, "application/json", true, trace);
    }

    /** How many requests were sent so far (answered or not). */
    public long requestsSent() {
        return sent.sum();
    }

    private Response send(String method, String url, Map<String, String> headers, String body, String contentType,
                          boolean authenticated, HttpTrace trace) {
        sent.increment();
        long start = System.nanoTime();
        try {
            HttpRequest<?> request = body == null ? unirest.request(method, url)
                    : ((HttpRequestWithBody) unirest.request(method, url)).contentType(contentType).body(body);
            request = request.headers(settings.headers()).headers(headers);
            if (authenticated && !settings.basicUser().isEmpty()) {
                request = request.basicAuth(settings.basicUser(), settings.basicSecret());
            } else if (authenticated && !settings.bearer().isEmpty()) {
                request = request.header("Authorization", "Bearer " + settings.bearer());
            }
            HttpResponse<BoundedBody> r = request.asObject(raw -> BoundedBody.read(raw, settings.maxAnswerBytes()));
            BoundedBody answer = r.getBody();
            if (answer == null) { // Unirest could not hand the body over at all
                throw new UnirestException(r.getParsingError().map(Exception.class::cast)
                        .orElseGet(() -> new java.io.IOException("no body")));
            }
            if (answer.tooLarge()) {
                String reason = "the answer to " + method + " " + pathOf(url) + " is larger than " + settings.maxAnswerBytes()
                        + " bytes" + (answer.declared() > 0 ? " (" + answer.declared() + " announced)" : "")
                        + "; stopped reading it (inventory.max_answer_bytes)";
                trace.exchange(new HttpTrace.Exchange(method, url, r.getStatus(), "", since(start), reason));
                throw new UpstreamUnavailable(settings.label() + ": " + reason);
            }
            if (answer.failure() != null) {
                throw new UnirestException(answer.failure());
            }
            trace.exchange(new HttpTrace.Exchange(method, url, r.getStatus(), trim(answer.text()), since(start), ""));
            return new Response(method, url, r.getStatus(), answer.text());
        } catch (UnirestException e) {
            String reason = reason(e, method, url);
            trace.exchange(new HttpTrace.Exchange(method, url, 0, "", since(start), reason));
            throw new UpstreamUnavailable(settings.label() + ": " + reason, e);
        }
    }

    /** The body of a 2xx answer as JSON; garbage is an {@link UpstreamUnavailable} quoting its start. */
    public JsonNode json(Response r) {
        try {
            JsonNode node = json.readTree(r.body());
            if (node == null || node.isMissingNode()) {
                throw new UpstreamUnavailable(settings.label() + " answered " + status(r.status()) + " with an empty body for "
                        + r.method() + " " + pathOf(r.url()));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UpstreamUnavailable(settings.label() + " answered " + status(r.status()) + " but the body is not JSON ("
                    + e.getOriginalMessage() + "), starting: " + quote(r.body())
                    + "; is " + settings.key() + ".url the API's address?");
        }
    }

    /** The body bound to a type (package-private DTOs of a backend); garbage as for {@link #json}. */
    public <T> T read(Response r, Class<T> type) {
        JsonNode node = json(r);
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UpstreamUnavailable(settings.label() + " answered " + r.method() + " " + pathOf(r.url())
                    + " with JSON of an unexpected shape (" + firstLine(e.getMessage()) + "), starting: " + quote(r.body()));
        }
    }

    /** The failure for an answer that is not what was asked for: 401, 403, 404, 5xx, a redirect… */
    public UpstreamUnavailable failure(Response r) {
        String what = settings.label() + " answered " + status(r.status());
        String path = r.method() + " " + pathOf(r.url());
        String detail = switch (r.status()) {
            case 401 -> ": check " + settings.credentialsHint();
            case 403 -> " for " + path + ": " + settings.forbiddenHint();
            case 301, 302, 303, 307, 308 -> " (a redirect) for " + path + ": set " + settings.key()
                    + ".url to the address it points at";
            default -> " for " + path + (r.body().isBlank() ? "" : ": " + quote(r.body()));
        };
        return new UpstreamUnavailable(what + detail);
    }

    private String reason(UnirestException e, String method, String url) {
        String host = hostOf(url);
        // the JDK client wraps causes (a DNS failure is a ConnectException around UnresolvedAddressException):
        // look through the whole chain, most specific first
        if (hasCause(e, HttpConnectTimeoutException.class)) {
            return "connect timeout after " + Durations.format(settings.connectTimeout()) + " to " + host
                    + " (" + settings.key() + ".connect_timeout; is the address reachable from here?)";
        }
        if (hasCause(e, HttpTimeoutException.class)) {
            return "timeout after " + Durations.format(settings.readTimeout()) + " waiting for " + method + " "
                    + pathOf(url) + " (" + settings.key() + ".read_timeout)";
        }
        if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
            return "DNS: cannot resolve " + host + " (check " + settings.key() + ".url and this machine's resolver)";
        }
        Optional<SSLException> ssl = Causes.first(e, SSLException.class);
        if (ssl.isPresent()) {
            return tlsReason(ssl.get(), host);
        }
        Optional<ConnectException> refused = Causes.first(e, ConnectException.class);
        if (refused.isPresent()) {
            String why = refused.get().getMessage();
            return "cannot connect to " + host + ": " + (why == null ? "connection refused" : why)
                    + " (is the service running, and is " + settings.key() + ".url right?)";
        }
        Throwable root = Causes.root(e);
        return "no answer for " + method + " " + pathOf(url) + ": " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    private String tlsReason(SSLException ssl, String host) {
        String all = messages(ssl);
        boolean untrusted = all.contains("PKIX") || all.contains("unable to find valid certification path")
                || hasCause(ssl, java.security.cert.CertPathValidatorException.class);
        if (all.contains("No subject alternative") || all.contains("No name matching")) {
            return "TLS: the certificate of " + host + " does not carry that name (use the name in the certificate in "
                    + settings.key() + ".url)";
        }
        if (untrusted) {
            return "TLS: certificate not trusted — set " + settings.key() + ".ca_file to the CA that signed " + host
                    + "'s certificate (PEM)";
        }
        if (all.contains("bad_certificate") || all.contains("certificate_required") || all.contains("certificate_unknown")) {
            return "TLS: " + host + " refused the handshake over certificates: it may want a client certificate ("
                    + settings.key() + ".client_cert and client_key) or not trust ours";
        }
        if (hasCause(ssl, CertificateException.class)) {
            return "TLS: certificate of " + host + " rejected: " + firstLine(ssl.getMessage());
        }
        return "TLS: handshake with " + host + " failed: " + firstLine(ssl.getMessage());
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        return Causes.first(t, type).isPresent();
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    public static String status(int code) {
        String text = switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return text.isEmpty() ? String.valueOf(code) : code + " " + text;
    }

    /** The path and query of a URL, for messages. */
    public static String pathOf(String url) {
        try {
            URI u = URI.create(url);
            return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String hostOf(String url) {
        try {
            URI u = URI.create(url);
            return u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The first 120 characters of a body, on one line, quoted. */
    public static String quote(String body) {
        return "'" + OneLine.of(body, 120) + "'";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String trim(String body) {
        return body.length() > TRACE_BODY_LIMIT ? body.substring(0, TRACE_BODY_LIMIT) : body;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        unirest.close();
    }
}
