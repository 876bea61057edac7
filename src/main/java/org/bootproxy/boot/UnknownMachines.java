package org.bootproxy.boot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a machine in no inventory gets, for {@link BootService}: the profile that matches what it reported
 * (a template, or a host made from a group that installs it), the OS menu's choices, and the hosts bootproxy
 * made this way, found again by their {@link DiscoveredToken}. Once such a host reports {@code built}, its record
 * ({@code discovered-<mac>}) sends the machine to its local disk on every later boot: a group being edited never
 * reinstalls a rack. Delete the record (or register the machine as a host) to install it again.
 */
final class UnknownMachines {

    /**
     * @param reason   which branch was taken
     * @param template the template to answer with; "" for the host's own iPXE template
     * @param host     the host made for the machine when it installs
     * @param choice   the profile choice and why
     * @param outcome  for the event's {@code decision}: installed, profile, install, default
     */
    record Decision(Answer.Reason reason, String template, Optional<Host> host, ProfileChoice choice, String outcome) {
    }

    /** The menu made for these (immutable) entries and settings, recognised by identity. */
    private record MenuMade(List<MenuEntry> entries, MenuSettings settings, Menu menu) {
    }

    private final SiteDefinitions site;
    private final BuildStateStore buildStates;
    private final Supplier<BootSettings> settings;
    /** The last menu made without a profile's params; replaced whole (a race makes it twice, both right). */
    private volatile MenuMade lastMenu;

    UnknownMachines(SiteDefinitions site, BuildStateStore buildStates, Supplier<BootSettings> settings) {
        this.site = site;
        this.buildStates = buildStates;
        this.settings = settings;
    }

    /** The MACs an unknown machine reported (after the intermediate script's last NIC), else the ones it asked with. */
    static List<MacAddress> macs(BootRequest request) {
        return request.facts().macs().isEmpty() ? request.macs() : request.facts().macs();
    }

    /** The facts profiles select on, with the MACs the request named when the machine reported none. */
    static MachineFacts facts(BootRequest request) {
        MachineFacts f = request.facts();
        return new MachineFacts(f.serial(), f.manufacturer(), f.product(), f.uuid(), f.arch(), f.platform(), macs(request),
                f.bootif());
    }

    /** What the unknown-machine event records: everything the machine reported, the profile and why. */
    static Map<String, String> eventFields(BootRequest request, Decision d, UnknownMachineAnswer configured) {
        MachineFacts facts = facts(request);
        Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("macs", String.join(",", facts.macs().stream().map(MacAddress::colons).toList()));
        f.put("serial", facts.serial());
        f.put("manufacturer", facts.manufacturer());
        f.put("product", facts.product());
        f.put("uuid", facts.uuid());
        f.put("arch", facts.arch());
        f.put("platform", facts.platform());
        f.put("answer", configured.name().toLowerCase(java.util.Locale.ROOT));
        f.put("decision", d.outcome());
        f.put("profile", d.choice().chosen().map(Profile::name).orElse(""));
        f.put("why", d.choice().why());
        return f;
    }

    ProfileChoice choose(MachineFacts facts) {
        return site.profiles().choose(facts);
    }

    Decision decide(BootRequest request) {
        List<MacAddress> macs = macs(request);
        for (MacAddress mac : macs) {
            Optional<BuildState> record = buildStates.get(DiscoveredToken.hostName(mac))
                    .filter(s -> s.status() == BuildState.Status.BUILT);
            if (record.isPresent()) {
                return new Decision(Answer.Reason.LOCAL_BOOT, BootService.IPXE_LOCALBOOT, Optional.empty(),
                        ProfileChoice.NONE, "installed");
            }
        }
        ProfileChoice choice = choose(facts(request));
        if (choice.chosen().isEmpty()) {
            return new Decision(Answer.Reason.UNKNOWN_MACHINE, settings.get().unknownAnswer().template(), Optional.empty(),
                    choice, "default");
        }
        Profile p = choice.chosen().get();
        if (p.install().isEmpty()) {
            return new Decision(Answer.Reason.UNKNOWN_MACHINE, p.template(), Optional.empty(), choice, "profile");
        }
        if (macs.isEmpty()) {
            throw new BadRequest("profile " + p.name() + " installs the machine, but it reported no MAC (macs=)");
        }
        Host host = profileHost(p, macs.get(0)).orElseThrow(() -> cannotMake("profile " + p.name() + " (" + p.source()
                + ")", p.install()));
        return new Decision(Answer.Reason.HOST_TEMPLATE, p.template(), Optional.of(host), choice, "install");
    }

    /** The host for a machine that chose {@code group} in the OS menu. */
    Host fromMenu(String group, MacAddress mac) {
        if (!DiscoveredToken.NAME.matcher(group).matches() || site.menu().stream().noneMatch(e -> e.group().equals(group))) {
            throw new TemplateNotFound("the OS menu has no entry " + group + " (give the group a menu: title)");
        }
        return groupHost(group, mac, new DiscoveredToken(DiscoveredToken.Source.GROUP, group, mac))
                .orElseThrow(() -> cannotMake("the menu entry", group));
    }

    /** A host bootproxy made for an unknown machine, found again by its token. */
    Optional<Host> byToken(String token) {
        return DiscoveredToken.parse(token).flatMap(t -> switch (t.source()) {
            case GROUP -> groupHost(t.name(), t.mac(), t);
            case PROFILE -> site.profiles().byName(t.name()).filter(p -> !p.install().isEmpty())
                    .flatMap(p -> profileHost(p, t.mac()));
        });
    }

    static boolean isDiscovered(Host host) {
        return DiscoveredToken.parse(host.token()).isPresent();
    }

    /**
     * The menu a template sees, with a profile's menu_* params over the settings. Without a profile it is the same
     * menu for every answer until the groups or the settings are read again: made once for them ({@link MenuMade}), so
     * an answer neither builds it nor, in the answer cache's comparison, compares it entry by entry.
     */
    Menu menu(BootSettings now, ProfileChoice choice) {
        Map<String, String> params = choice.chosen().map(Profile::params).orElse(Map.of());
        List<MenuEntry> entries = site.menu();
        if (!params.isEmpty()) {
            return Menu.of(entries, now.menu(), params);
        }
        MenuMade last = lastMenu;
        if (last != null && last.entries() == entries && last.settings() == now.menu()) {
            return last.menu();
        }
        Menu made = Menu.of(entries, now.menu(), Map.of());
        lastMenu = new MenuMade(entries, now.menu(), made);
        return made;
    }

    SiteDefinitions site() {
        return site;
    }

    /**
     * The hosts the OS menu's entries and the installing profiles would make, for {@code lint} to check like any
     * host; each named after where it comes from ({@code menu-alma9}, {@code profile-r640}).
     */
    List<Host> samples(MacAddress mac) {
        List<Host> out = new java.util.ArrayList<>();
        List<Nic> nics = List.of(new Nic(mac, "", "", true));
        for (MenuEntry e : site.menu()) {
            String token = new DiscoveredToken(DiscoveredToken.Source.GROUP, e.group(), mac).text();
            site.hostFromGroup(e.group(), "menu-" + e.group(), nics, token, Map.of()).ifPresent(out::add);
        }
        for (Profile p : site.profiles().all()) {
            if (!p.install().isEmpty()) {
                String token = new DiscoveredToken(DiscoveredToken.Source.PROFILE, p.name(), mac).text();
                site.hostFromGroup(p.install(), "profile-" + p.name(), nics, token, p.params()).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<Host> profileHost(Profile p, MacAddress mac) {
        DiscoveredToken token = new DiscoveredToken(DiscoveredToken.Source.PROFILE, p.name(), mac);
        return site.hostFromGroup(p.install(), DiscoveredToken.hostName(mac), List.of(new Nic(mac, "", "", true)),
                token.text(), p.params());
    }

    private Optional<Host> groupHost(String group, MacAddress mac, DiscoveredToken token) {
        return site.hostFromGroup(group, DiscoveredToken.hostName(mac), List.of(new Nic(mac, "", "", true)),
                token.text(), Map.of());
    }

    private static TemplateNotFound cannotMake(String who, String group) {
        return new TemplateNotFound(who + " installs with group " + group + ", which does not exist or cannot make a"
                + " host (it needs os.family; bootproxy lint names the problem)");
    }
}
