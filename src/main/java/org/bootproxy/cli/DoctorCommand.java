package org.bootproxy.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.BuildStateStore;
import org.bootproxy.boot.Lint;
import org.bootproxy.config.Overrides;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.dhcp.BootPlan;
import org.bootproxy.dhcp.ClientKind;
import org.bootproxy.doctor.Checks;
import org.bootproxy.doctor.Finding;
import org.bootproxy.inventory.UpstreamCheck;
import org.bootproxy.inventory.upstream.UpstreamInventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bootproxy doctor}: what an operator gets wrong, checked, each failure with its fix. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {
            "Check what keeps machines from booting: the TFTP and HTTP ports can be bound (or are held by the "
                + "running bootproxy), the TFTP root has the boot files each firmware is handed (as 'bootproxy "
                + "dhcp-config' hands them out: same --bios/--uefi), the templates render for every host (lint), the "
                + "hosts load or the upstream inventory answers with the configured credentials, template_url is an "
                + "address of this machine, the state folder is writable and the clock is plausible for TLS. Each "
                + "failure says how to fix it.",
            "Exit code 0 only when every check holds, else 1 (2: the configuration does not load)."})
final class DoctorCommand implements Callable<Integer> {
    /** A clock before this is certainly wrong: bootproxy did not exist yet. */
    static final Instant BUILT_AFTER = Instant.parse("2025-01-01T00:00:00Z");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--bios", defaultValue = "pxelinux", paramLabel = "pxelinux|ipxe",
            description = "What BIOS clients are handed (as for dhcp-config). Default: ${DEFAULT-VALUE}")
    String bios;

    @Option(names = "--uefi", defaultValue = "ipxe", paramLabel = "ipxe|grub2|shim",
            description = "What UEFI clients are handed (as for dhcp-config). Default: ${DEFAULT-VALUE}")
    String uefi;

    @Option(names = "--arm64", description = "Also check the ARM64 UEFI boot files (grub2/grubaa64.efi, …)")
    boolean arm64;

    /** The clock to check; the system's except in tests. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        BootproxyConfig s = common.resolve(Overrides.NONE);
        List<Finding> findings = new ArrayList<>();
        Optional<Long> running = runningPid(s);

        findings.add(Checks.port("HTTP port", false, s.httpAddress().host(), s.httpAddress().port(), running));
        s.smartProxy().https().ifPresent(h -> findings.add(Checks.port("HTTPS port", false, h.address().host(),
                h.address().port(), running)));
        if (s.tftp().enabled()) {
            findings.add(Checks.port("TFTP port", true, s.tftpAddress().host(), s.tftpAddress().port(), running));
        }
        BootPlan plan = BootPlan.of("192.0.2.1", s.publicUrl(), BootPlan.Bios.valueOf(DhcpConfigCommand.choice("--bios", bios,
                "pxelinux, ipxe")), BootPlan.Uefi.valueOf(DhcpConfigCommand.choice("--uefi", uefi, "ipxe, grub2, shim")),
                Optional.empty());
        findings.addAll(Checks.bootFiles(s.tftpRoot(), bootFiles(plan, arm64),
                "run 'bootproxy bootfiles" + (common.config == null ? "" : " --config " + common.config)
                        + "' as the user bootproxy runs as; it copies them from Debian's packages and names those to install"));

        Components c = Components.build(s, BootEvents.NONE, new BuildStateStore() {
            @Override
            public Optional<BuildState> get(String hostName) {
                return Optional.empty();
            }

            @Override
            public void put(BuildState state) {
                throw new IllegalStateException("doctor records no builds");
            }

            @Override
            public Optional<BuildState> remove(String hostName) {
                throw new IllegalStateException("doctor clears no builds");
            }
        });
        Lint.Report lint = LintCommand.lint(c);
        findings.add(lint.ok() ? Finding.ok("templates", "lint: " + lint.summary())
                : Finding.fail("templates", "lint: " + lint.summary() + "; first: " + lint.failures().get(0),
                "run 'bootproxy lint' for every failure with its template, line and missing value"));
        findings.add(inventory(s, c));
        findings.add(Checks.publicUrl(s.publicUrl(), s.publicUrlDerived()));
        findings.add(Checks.writable("state folder", s.stateDir()));
        List<Path> certificates = new ArrayList<>();
        s.smartProxy().https().ifPresent(h -> certificates.addAll(List.of(h.certificate(), h.caFile())));
        findings.add(Checks.clock(clock, BUILT_AFTER, certificates));

        PrintWriter out = spec.commandLine().getOut();
        findings.forEach(f -> out.println(f.describe()));
        long failed = findings.stream().filter(f -> !f.ok()).count();
        out.println(failed == 0 ? "doctor: all " + findings.size() + " checks hold"
                : "doctor: " + failed + " of " + findings.size() + " checks failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** The files each firmware fetches from the TFTP root, for what {@code plan} hands out. */
    static Map<String, List<String>> bootFiles(BootPlan plan, boolean arm64) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        String biosFile = plan.answer(ClientKind.BIOS);
        m.put(ClientKind.BIOS.description(), biosFile.equals("pxelinux.0")
                ? List.of("pxelinux.0", "ldlinux.c32", "ipxe.lkrn") : List.of(biosFile));
        m.put(ClientKind.UEFI_X64.description(), withGrub(plan.answer(ClientKind.UEFI_X64), "grub2/grubx64.efi"));
        m.put(ClientKind.HTTP_X64.description(), withGrub(httpbootFile(plan.answer(ClientKind.HTTP_X64)), "grub2/grubx64.efi"));
        if (arm64) {
            m.put(ClientKind.UEFI_ARM64.description(), withGrub(plan.answer(ClientKind.UEFI_ARM64), "grub2/grubaa64.efi"));
            m.put(ClientKind.HTTP_ARM64.description(), withGrub(httpbootFile(plan.answer(ClientKind.HTTP_ARM64)),
                    "grub2/grubaa64.efi"));
        }
        return m;
    }

    /** shim loads GRUB from its own folder: both must be there. */
    private static List<String> withGrub(String file, String grub) {
        return file.contains("shim") ? List.of(file, grub) : List.of(file);
    }

    private static String httpbootFile(String url) {
        int i = url.indexOf("/httpboot/");
        return i < 0 ? url : url.substring(i + "/httpboot/".length());
    }

    private static Finding inventory(BootproxyConfig s, Components c) {
        if (s.inventory().type().equals("files")) {
            int hosts = c.inventory().all().size();
            if (!c.problems().isEmpty()) {
                return Finding.fail("hosts", c.problems().size() + " broken host file(s); first: " + c.problems().get(0),
                        "fix the file at the line named (bootproxy lint lists them all)");
            }
            return Finding.ok("hosts", c.inventory().describe() + (hosts == 0 ? " (none yet: machines get the unknown-machine"
                    + " answer)" : ""));
        }
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        int result;
        try (UpstreamInventory upstream = InventoryWiring.upstream(s.inventory());
             PrintStream p = new PrintStream(trace, true, StandardCharsets.UTF_8)) {
            result = new UpstreamCheck(upstream).run(Lint.UNKNOWN, p);
        }
        String[] lines = trace.toString(StandardCharsets.UTF_8).strip().split("\n");
        String last = lines[lines.length - 1];
        if (result == UpstreamCheck.FAILED) {
            return Finding.fail("upstream " + s.inventory().type(), last,
                    "check inventory." + s.inventory().type() + " (URL, credentials, CA); 'bootproxy check-upstream --mac MAC'"
                            + " shows every request and answer");
        }
        return Finding.ok("upstream " + s.inventory().type(), "answered with the configured credentials (" + last + ")");
    }

    /** The bootproxy serving with this state folder, if one is running (its pid file names it). */
    private static Optional<Long> runningPid(BootproxyConfig s) {
        try {
            var pid = new RunFiles(s.stateDir()).pid();
            return pid.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException e) {
            return Optional.empty(); // the state folder check says what is wrong with it
        }
    }
}
