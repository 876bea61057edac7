package org.bootproxy.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BuildState;

/**
 * How far a host's boot got, read from its timeline: the boot loader's config over TFTP, the iPXE script, the kernel
 * (a file from /pub/ or /httpboot/), the installer's answer file, and the result (built or failed, recorded or
 * reported). Each stage keeps its latest event.
 */
final class BuildProgress {
    static final List<String> STAGES = List.of("TFTP config", "iPXE", "kernel", "provision", "result");

    /** One stage reached: when, and how it went (ok, error, retry, not_found, …). */
    record Reached(Instant at, String outcome, String detail) {
    }

    private BuildProgress() {
    }

    static Map<String, Reached> of(List<BootEvent> events, Optional<BuildState> recorded) {
        Map<String, Reached> reached = new LinkedHashMap<>();
        List<BootEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(BootEvent::at));
        for (BootEvent e : sorted) {
            String stage = stageOf(e);
            if (stage != null) {
                reached.put(stage, new Reached(e.at(), outcome(e), e.detail()));
            }
        }
        recorded.ifPresent(s -> reached.put("result", new Reached(s.at(),
                s.status() == BuildState.Status.BUILT ? "built" : "failed", "recorded")));
        return reached;
    }

    private static String stageOf(BootEvent e) {
        return switch (e.stage()) {
            case "tftp" -> e.detail().contains("pxelinux.cfg/") || e.detail().contains("grub") ? "TFTP config" : null;
            case "ipxe" -> e.detail().equals("ipxe/intermediate") ? null : "iPXE";
            case "pub", "httpboot" -> "kernel";
            case "provision", "userdata", "finish" -> "provision";
            case "built", "failed" -> e.outcome().equals("recorded") ? "result" : null;
            default -> null;
        };
    }

    private static String outcome(BootEvent e) {
        if (e.stage().equals("built") || e.stage().equals("failed")) {
            return e.stage();
        }
        String result = e.fields().get("result");
        if (result != null) {
            return result;
        }
        return e.outcome().equals("ok") || e.outcome().startsWith("2") ? "ok" : e.outcome();
    }
}
