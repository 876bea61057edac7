package org.bootproxy.tftp;

import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.NamingRenderer;

/** A real {@link BootService} over the shared fakes, and the per-MAC file names the TFTP tests ask for. */
final class TestBoot {

    /** web01, in build: gets pxelinux/chain-ipxe. */
    static final String IN_BUILD_CFG = "pxelinux.cfg/01-52-54-00-aa-00-01";
    /** db01, installed: gets pxelinux/localboot. */
    static final String INSTALLED_CFG = "pxelinux.cfg/01-52-54-00-bb-00-01";
    /** bad01, whose template fails to render. */
    static final String BROKEN_CFG = "pxelinux.cfg/01-52-54-00-ee-00-01";
    static final String UNKNOWN_CFG = "pxelinux.cfg/01-52-54-00-ff-ff-ff";

    private TestBoot() {
    }

    static BootSettings settings() {
        return new BootSettings(URI.create("http://127.0.0.1:8000"), 2, UnknownMachineAnswer.MESSAGE,
                Map.of("Redhat", Map.of(TemplateKind.PXELINUX, "pxelinux/chain-ipxe", TemplateKind.PXEGRUB2, "grub2/chain-ipxe")), 5);
    }

    static BootService boot(HostInventory inventory) {
        Set<String> names = new HashSet<>(NamingRenderer.standard().names());
        names.add("pxelinux/broken");
        return new BootService(inventory, new NamingRenderer(names, Set.of("pxelinux/broken")), new MemoryBuildStates(),
                BootEvents.NONE, settings(), Clock.systemUTC());
    }

    static BootService boot() {
        return boot(new FixedInventory(Hosts.WEB01, Hosts.DB01, Hosts.BAD01));
    }
}
