package org.bootproxy.doctor;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bootproxy.support.AtomicFile;

/** The checks of {@code bootproxy doctor} that need nothing but the JDK; each says what to do when it fails. */
public final class Checks {
    private Checks() {
    }

    /** Whether {@code host:port} can be bound for UDP (TFTP) or TCP (HTTP), or is held by bootproxy itself. */
    public static Finding port(String check, boolean udp, String host, int port, Optional<Long> runningPid) {
        String where = host + ":" + port + (udp ? "/udp" : "/tcp");
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            return Finding.fail(check, where + ": " + host + " does not resolve", "give an address of this machine");
        }
        try {
            if (udp) {
                try (DatagramSocket s = new DatagramSocket(null)) {
                    s.bind(address);
                }
            } else {
                try (ServerSocket s = new ServerSocket()) {
                    s.setReuseAddress(true);
                    s.bind(address);
                }
            }
            return Finding.ok(check, where + " can be bound");
        } catch (BindException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("in use") && runningPid.isPresent()) {
                return Finding.ok(check, where + " is in use by the running bootproxy (pid " + runningPid.get() + ")");
            }
            if (why.contains("ermission") || why.contains("denied")) {
                return Finding.fail(check, where + ": " + why + " (ports below 1024 need CAP_NET_BIND_SERVICE)",
                        "the systemd unit grants CAP_NET_BIND_SERVICE; to check the port itself run doctor as root");
            }
            if (why.contains("assign")) {
                return Finding.fail(check, where + ": " + why + " (" + host + " is no address of this machine)",
                        "use an address this machine has (ip -br addr), or 0.0.0.0");
            }
            return Finding.fail(check, where + ": " + why, "stop what holds the port (" + (udp ? "ss -lunp" : "ss -ltnp")
                    + " 'sport = :" + port + "' names it; for TFTP often tftpd-hpa or dnsmasq's enable-tftp), or choose"
                    + " another port in the config");
        } catch (IOException e) {
            return Finding.fail(check, where + ": " + e.getMessage(), "choose an address and port this machine can bind");
        }
    }

    /**
     * Whether the TFTP root holds the boot files each firmware is handed.
     *
     * @param byFirmware firmware (e.g. "BIOS PXE (arch 0)") → the files it fetches, relative to the root
     */
    public static List<Finding> bootFiles(Path root, Map<String, List<String>> byFirmware, String fix) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byFirmware.entrySet()) {
            String check = "boot files for " + e.getKey();
            List<String> missing = e.getValue().stream().filter(f -> !Files.isRegularFile(root.resolve(f))).toList();
            if (missing.isEmpty()) {
                out.add(Finding.ok(check, String.join(", ", e.getValue()) + " in " + root));
            } else {
                out.add(Finding.fail(check, "missing in " + root + ": " + String.join(", ", missing), fix));
            }
        }
        return out;
    }

    /** Whether the host of the public URL is an address of this machine that other machines can reach. */
    public static Finding publicUrl(URI url, boolean derived) {
        String check = "public URL";
        if (derived) {
            return Finding.fail(check, url + " is a guess (template_url is not set)",
                    "set template_url to the http:// URL machines on the provisioning network reach, e.g. http://192.0.2.1:8000");
        }
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return Finding.fail(check, url.getHost() + " (from template_url " + url + ") does not resolve here",
                    "use an IP address in template_url, or add the name to DNS or /etc/hosts");
        }
        List<InetAddress> local = Arrays.stream(all).filter(Checks::isLocal).toList();
        String addresses = Arrays.stream(all).map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
        if (local.isEmpty()) {
            return Finding.fail(check, url.getHost() + " resolves to " + addresses + ", none of them an address of this machine",
                    "set template_url to one of this machine's addresses (ip -br addr) on the provisioning network");
        }
        if (local.stream().allMatch(InetAddress::isLoopbackAddress)) {
            return Finding.fail(check, url.getHost() + " resolves to loopback (" + addresses + "): other machines cannot reach it",
                    "set template_url to this machine's address on the provisioning network");
        }
        return Finding.ok(check, url + " → " + addresses + ", an address of this machine");
    }

    private static boolean isLocal(InetAddress a) {
        try {
            return a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** Whether a file can be created (and removed again) in {@code dir}, creating the folder if it is missing. */
    public static Finding writable(String check, Path dir) {
        try {
            boolean existed = Files.isDirectory(dir);
            Files.createDirectories(dir);
            // a temporary name serve recognises: if doctor is killed right here, the next start removes it
            Path probe = AtomicFile.createTemp(dir.resolve("doctor-probe"));
            Files.delete(probe);
            if (!existed) {
                Files.delete(dir); // leave no trace: serve creates it when it needs it
            }
            return Finding.ok(check, dir + (existed ? " is writable" : " can be created"));
        } catch (IOException | SecurityException e) {
            return Finding.fail(check, dir + " cannot be written: " + e, "create it and give it to the user bootproxy runs as"
                    + " (the package does: chown bootproxy:bootproxy " + dir + "), or point state_dir elsewhere");
        }
    }

    /**
     * Whether the clock can be right: not before {@code notBefore} (when this bootproxy was built), and inside the
     * validity of the given certificates (a wrong clock fails every TLS handshake with Foreman).
     */
    public static Finding clock(Clock clock, Instant notBefore, List<Path> certificates) {
        String check = "clock";
        Instant now = clock.instant();
        String fix = "set the clock right and keep it so: timedatectl set-ntp true (systemd-timesyncd or chrony)";
        if (now.isBefore(notBefore)) {
            return Finding.fail(check, "it says " + now + ", before this bootproxy was built (" + notBefore + ")", fix);
        }
        Map<Path, String> problems = new LinkedHashMap<>();
        for (Path p : certificates) {
            try (var in = Files.newInputStream(p)) {
                for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    X509Certificate x = (X509Certificate) c;
                    if (now.isBefore(x.getNotBefore().toInstant()) || now.isAfter(x.getNotAfter().toInstant())) {
                        problems.put(p, x.getSubjectX500Principal().getName() + " is valid " + x.getNotBefore().toInstant()
                                + " to " + x.getNotAfter().toInstant());
                    }
                }
            } catch (IOException | CertificateException e) {
                problems.put(p, "cannot be read: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return Finding.fail(check, "it says " + now + ", outside the validity of " + problems,
                    fix + "; or renew the certificate");
        }
        return Finding.ok(check, "it says " + now + (certificates.isEmpty() ? "" : ", inside the validity of "
                + certificates.size() + " certificate file(s)"));
    }
}
