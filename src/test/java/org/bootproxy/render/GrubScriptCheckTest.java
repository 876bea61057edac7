package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.GrubSettings;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.inventory.file.FileInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped GRUB2 template, rendered for every example host (the host files in hosts/ and the test fixtures),
 * in build and not, under each kernel transport, and for a machine no host has, is a script GRUB accepts:
 * {@code grub-script-check} (Debian package grub-common) parses each one as GRUB 2.06 would.
 */
class GrubScriptCheckTest {

    @TempDir
    Path dir;

    private static List<Host> exampleHosts() {
        List<Host> hosts = new ArrayList<>(new FileInventory(Path.of("hosts"), Clock.systemUTC()).all());
        hosts.addAll(List.of(Hosts.ALMA01, Hosts.DEB01, Hosts.NOBLE01, Hosts.C7));
        return hosts;
    }

    private static BootService boot(GrubSettings.KernelTransport transport, List<Host> hosts) {
        BootSettings settings = new BootSettings(URI.create(TemplateFixtures.PUBLIC_URL), 8, UnknownMachineAnswer.MESSAGE,
                BootproxyConfig.builtInDefaults(), 10, new GrubSettings(GrubSettings.DEFAULT_ENTRY_CONFIGS, transport, ""));
        return new BootService(new FixedInventory(hosts.toArray(Host[]::new)), ShippedTemplates.renderer(),
                new MemoryBuildStates(), BootEvents.NONE, settings, Clock.systemUTC());
    }

    /** Name of the case → the rendered config, for every GRUB file bootproxy renders. */
    private static Map<String, String> everyGrubConfig() {
        Map<String, String> out = new LinkedHashMap<>();
        List<Host> hosts = exampleHosts();
        for (GrubSettings.KernelTransport t : List.of(GrubSettings.KernelTransport.AUTO, GrubSettings.KernelTransport.HTTP)) {
            for (boolean build : List.of(true, false)) {
                BootService boot = boot(t, hosts.stream().map(h -> h.withBuild(build)).toList());
                for (Host h : hosts) {
                    String mac = h.provisionInterface().mac().hyphens();
                    String name = "grub2/grub.cfg-01-" + mac;
                    out.put(h.name() + " build=" + build + " " + t.id() + ": " + name, boot.tftpFile(name, "192.0.2.9").orElseThrow().body());
                    String folder = "host-config/" + mac + "/grub2/grub.cfg";
                    out.put(h.name() + " build=" + build + " " + t.id() + ": " + folder, boot.tftpFile(folder, "192.0.2.9").orElseThrow().body());
                    out.put(h.name() + ": grub2/chain-ipxe", ShippedTemplates.render("grub2/chain-ipxe", TemplateKind.PXEGRUB2, h));
                }
            }
        }
        BootService boot = boot(GrubSettings.KernelTransport.TFTP, List.of(Hosts.DEB01));
        out.put("debian tftp", boot.tftpFile("grub2/grub.cfg-" + Hosts.DEB01_MAC.colons(), "192.0.2.9").orElseThrow().body());
        for (String entry : GrubSettings.DEFAULT_ENTRY_CONFIGS) {
            out.put("any machine: " + entry, boot.tftpFile(entry, "192.0.2.9").orElseThrow().body());
        }
        return out;
    }

    @Test
    void everyShippedGrubTemplateIsRenderedHere() {
        Map<String, String> configs = everyGrubConfig();
        List<String> grubTemplates = ShippedTemplates.renderer().names().stream().filter(n -> n.startsWith("grub2/")).toList();
        assertThat(grubTemplates).as("a new grub2/ template must be rendered by this test")
                .allMatch(t -> configs.keySet().stream().anyMatch(k -> k.endsWith(t))
                        || configs.values().stream().anyMatch(body -> body.contains(marker(t))));
    }

    /** What each template's output can be recognised by. */
    private static String marker(String template) {
        return switch (template) {
            case "grub2/kickstart" -> ", kickstart)";
            case "grub2/preseed" -> ", preseed)";
            case "grub2/autoinstall" -> ", autoinstall)";
            case "grub2/localboot" -> "is not in build mode: booting from local disk";
            case "grub2/default" -> "looking for the config of $net_default_mac";
            default -> "\u0000 no marker for " + template;
        };
    }

    @Test
    void grubScriptCheckAcceptsEveryRenderedConfig() throws Exception {
        List<String> rejected = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> e : everyGrubConfig().entrySet()) {
            Path file = dir.resolve("cfg-" + n++ + ".cfg");
            Files.writeString(file, e.getValue());
            String problem = grubScriptCheck(file);
            if (!problem.isEmpty()) {
                rejected.add(e.getKey() + ": " + problem + "\n" + e.getValue());
            }
        }
        assertThat(rejected).as("configs grub-script-check rejects").isEmpty();
        assertThat(n).isGreaterThan(40);
    }

    @Test
    void grubScriptCheckReallyRejectsABrokenScript() throws Exception {
        Path file = dir.resolve("broken.cfg");
        Files.writeString(file, "menuentry 'x' {\n  linux /vmlinuz\n");
        assertThat(grubScriptCheck(file)).isNotEmpty();
    }

    /** "" when grub-script-check accepts the file, else what it said. */
    private static String grubScriptCheck(Path file) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("grub-script-check", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("grub-script-check is not installed: apt-get install grub-common (.ci/run does)", e);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("grub-script-check finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + ": " + out;
    }
}
