package org.bootproxy.tftp;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.BuildStateStore;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.TemplateRenderer;
import org.bootproxy.boot.UnknownMachineAnswer;
import org.bootproxy.boot.UpstreamUnavailable;

/** A real {@link BootService} over small fakes, and the hosts the TFTP tests ask about. */
final class TestBoot {

    static final MacAddress IN_BUILD = MacAddress.parse("52:54:00:aa:00:01");
    static final MacAddress INSTALLED = MacAddress.parse("52:54:00:bb:00:01");
    static final MacAddress BROKEN_TEMPLATE = MacAddress.parse("52:54:00:cc:00:01");
    static final MacAddress UNKNOWN = MacAddress.parse("52:54:00:ff:ff:ff");

    static final Host WEB01 = host("web01.example.com", IN_BUILD, true, Map.of());
    static final Host DB01 = host("db01.example.com", INSTALLED, false, Map.of());
    static final Host BAD01 = host("bad01.example.com", BROKEN_TEMPLATE, true, Map.of(TemplateKind.PXELINUX, "pxelinux/broken"));

    private TestBoot() {
    }

    static Host host(String name, MacAddress mac, boolean build, Map<TemplateKind, String> templates) {
        return new Host(name, build, "", List.of(new Nic(mac, "", "eth0", true)),
                new OperatingSystem("AlmaLinux", "Redhat", "9", "4", "x86_64", ""), "http://mirror.example.com/alma/9.4",
                null, Map.of(), templates, "r1", "test");
    }

    static BootSettings settings() {
        return new BootSettings(URI.create("http://127.0.0.1:8000"), 2, UnknownMachineAnswer.MESSAGE,
                Map.of("Redhat", Map.of(TemplateKind.PXELINUX, "pxelinux/chain-ipxe", TemplateKind.PXEGRUB2, "grub2/chain-ipxe")), 5);
    }

    static BootService boot(HostInventory inventory) {
        return new BootService(inventory, new ScriptRenderer(), new MemoryBuildStates(), BootEvents.NONE, settings(),
                Clock.systemUTC());
    }

    static BootService boot() {
        return boot(new FixedInventory(List.of(WEB01, DB01, BAD01)));
    }

    /** Knows exactly the hosts it was given. */
    static final class FixedInventory implements HostInventory {
        private final List<Host> hosts;

        FixedInventory(List<Host> hosts) {
            this.hosts = List.copyOf(hosts);
        }

        @Override
        public Optional<Host> findByMac(MacAddress mac) {
            return hosts.stream().filter(h -> h.hasMac(mac)).findFirst();
        }

        @Override
        public String describe() {
            return "fixed (" + hosts.size() + " hosts)";
        }
    }

    /** Every lookup fails as if Foreman were down. */
    static final class BrokenInventory implements HostInventory {
        @Override
        public Optional<Host> findByMac(MacAddress mac) {
            throw new UpstreamUnavailable("foreman.example.com: connection refused");
        }

        @Override
        public String describe() {
            return "broken";
        }
    }

    /** Renders a short, deterministic pxelinux/grub script; "…/broken" fails like a template with a missing value. */
    static final class ScriptRenderer implements TemplateRenderer {
        private static final List<String> NAMES = List.of("pxelinux/chain-ipxe", "pxelinux/localboot", "pxelinux/default",
                "pxelinux/broken", "grub2/chain-ipxe", "grub2/localboot", "grub2/default");

        @Override
        public String render(String templateName, RenderContext context) {
            if (templateName.endsWith("/broken")) {
                throw new TemplateFailed(templateName, templateName + " line 3: host.params.kernelcmd is missing");
            }
            String host = context.host().map(Host::name).orElse("any");
            return "# " + templateName + " for " + host + "\n"
                    + "DEFAULT boot\nLABEL boot\n  KERNEL ipxe.lkrn\n  APPEND dhcp && chain "
                    + context.urls().unattended("iPXE", context.host().orElse(null), Map.of()) + "\n";
        }

        @Override
        public boolean exists(String templateName) {
            return NAMES.contains(templateName);
        }

        @Override
        public List<String> names() {
            return NAMES;
        }
    }

    static final class MemoryBuildStates implements BuildStateStore {
        private final Map<String, BuildState> states = new ConcurrentHashMap<>();

        @Override
        public Optional<BuildState> get(String hostName) {
            return Optional.ofNullable(states.get(hostName));
        }

        @Override
        public void put(BuildState state) {
            states.put(state.hostName(), state);
        }
    }

    /** Keeps every event, for assertions. */
    static final class RecordingEvents implements BootEvents {
        final List<BootEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void record(BootEvent event) {
            events.add(event);
        }
    }
}
