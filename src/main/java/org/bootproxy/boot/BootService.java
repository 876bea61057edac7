package org.bootproxy.boot;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The boot decision, shared by every transport: "client X asks for name Y — what bytes?".
 * TFTP asks {@link #tftpFile}, HTTP asks {@link #ipxe}, {@link #template} and the build reports.
 * Nothing here knows about sockets, HTTP or FreeMarker.
 */
public final class BootService {

    public static final String INTERMEDIATE = "ipxe/intermediate";
    public static final String IPXE_LOCALBOOT = "ipxe/localboot";
    public static final String PXELINUX_DEFAULT = "pxelinux/default";
    public static final String PXELINUX_LOCALBOOT = "pxelinux/localboot";
    public static final String GRUB2_DEFAULT = "grub2/default";
    public static final String GRUB2_LOCALBOOT = "grub2/localboot";

    private final HostInventory inventory;
    private final TemplateRenderer renderer;
    private final BuildRecords records;
    private final MachineRegistry machines;
    private final BootEvents events;
    private final Supplier<BootSettings> settings;
    private final Clock clock;
    private final UnknownMachines unknown;
    private final CloudInit cloudInit = new CloudInit(this);
    private final BootloaderFiles bootloaderFiles;
    private final BuildReports buildReports;

    public BootService(HostInventory inventory, TemplateRenderer renderer, BuildStateStore buildStates,
                       BootEvents events, BootSettings settings, Clock clock) {
        this(inventory, renderer, buildStates, events, constant(Objects.requireNonNull(settings)), clock);
    }

    /**
     * With settings that may change while it runs (a reloaded config): each answer reads them once, when it starts.
     */
    public BootService(HostInventory inventory, TemplateRenderer renderer, BuildStateStore buildStates,
                       BootEvents events, Supplier<BootSettings> settings, Clock clock) {
        this(inventory, renderer, buildStates, MachineRegistry.NONE, events, settings, clock);
    }

    /** @param machines where sightings of machines are recorded (unknown machines, facts the intermediate script sent) */
    public BootService(HostInventory inventory, TemplateRenderer renderer, BuildStateStore buildStates,
                       MachineRegistry machines, BootEvents events, Supplier<BootSettings> settings, Clock clock) {
        this(inventory, renderer, buildStates, machines, events, settings, clock, SiteDefinitions.NONE);
    }

    /** With fixed settings and the site's profiles and host groups. */
    public BootService(HostInventory inventory, TemplateRenderer renderer, BuildStateStore buildStates,
                       BootEvents events, BootSettings settings, Clock clock, SiteDefinitions site) {
        this(inventory, renderer, buildStates, MachineRegistry.NONE, events, constant(Objects.requireNonNull(settings)),
                clock, site);
    }

    /** @param site the profiles and host groups that decide what machines in no inventory get */
    public BootService(HostInventory inventory, TemplateRenderer renderer, BuildStateStore buildStates,
                       MachineRegistry machines, BootEvents events, Supplier<BootSettings> settings, Clock clock,
                       SiteDefinitions site) {
        this.inventory = Objects.requireNonNull(inventory);
        this.renderer = Objects.requireNonNull(renderer);
        this.records = new BuildRecords(Objects.requireNonNull(buildStates));
        this.machines = Objects.requireNonNull(machines, "machines");
        this.events = GuardedEvents.around(Objects.requireNonNull(events), GuardedEvents.IGNORE);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        this.unknown = new UnknownMachines(Objects.requireNonNull(site), buildStates, settings);
        this.bootloaderFiles = new BootloaderFiles(this, settings);
        this.buildReports = new BuildReports(this, inventory, records, this.events, clock);
    }

    private static Supplier<BootSettings> constant(BootSettings s) {
        return () -> s;
    }

    public BootSettings settings() {
        return settings.get();
    }

    public BootUrls urls() {
        return new BootUrls(settings.get());
    }

    // ------------------------------------------------------------------ who is this client?

    /**
     * Finds the host in Foreman's order: the token if one was sent; else the MACs the client named;
     * else the client IP. The build flag is corrected by the locally recorded build state.
     *
     * @throws HostNotFound        when nothing matches
     * @throws UpstreamUnavailable when the inventory cannot answer
     */
    public Host identify(BootRequest request) {
        return records.apply(identifyDefined(request, false));
    }

    /**
     * The host as the inventory defines it, before the recorded build result is applied.
     *
     * @param report for a build report, which finds its host by an expired token too (Foreman's for_token_when_built)
     */
    Host identifyDefined(BootRequest request, boolean report) {
        return findDefined(request, report).orElseThrow(() -> new HostNotFound(notFoundMessage(request)));
    }

    private Optional<Host> find(BootRequest request) {
        return findDefined(request, false).map(records::apply);
    }

    private Optional<Host> findDefined(BootRequest request, boolean report) {
        Optional<Host> host;
        if (!request.token().isEmpty()) {
            // Foreman uses the token alone. Upstream backends cannot always search by token (Foreman's API
            // cannot), so when the client also named its MACs (anaconda's X-RHN-Provisioning-MAC-N headers), a
            // host found by MAC is accepted if it carries exactly that token: same answer, one cold cache fewer.
            host = inventory.findByToken(request.token())
                    .or(() -> byMacs(request).filter(h -> h.token().equals(request.token())))
                    .or(() -> unknown.byToken(request.token()));
            if (!report) {
                // Foreman's for_token finds only unexpired tokens: an expired one names no host
                host = host.filter(h -> !h.tokenExpired(clock.instant()));
            }
        } else if (!request.macs().isEmpty()) {
            host = byMacs(request);
        } else if (!request.clientIp().isEmpty()) {
            host = inventory.findByIp(request.clientIp());
        } else {
            host = Optional.empty();
        }
        return host;
    }

    private Optional<Host> byMacs(BootRequest request) {
        for (MacAddress mac : request.macs()) {
            Optional<Host> host = inventory.findByMac(mac);
            if (host.isPresent()) {
                return host;
            }
        }
        return Optional.empty();
    }

    private static String notFoundMessage(BootRequest r) {
        if (!r.token().isEmpty()) {
            return "no host has the token sent by " + r.clientIp();
        }
        if (!r.macs().isEmpty()) {
            return "no host has MAC " + String.join(", ", r.macs().stream().map(MacAddress::colons).toList());
        }
        return "no host matches the request from " + r.clientIp() + " (no MAC or token sent, and no host has that IP)";
    }

    // ------------------------------------------------------------------ iPXE over HTTP

    /**
     * What iPXE gets from {@code /unattended/iPXE}: the intermediate script when asked to bootstrap or
     * when nothing identifies the machine; the host's script when it is in build; local boot otherwise.
     *
     * @throws HostNotFound when the client named a MAC or token that no host has (iPXE moves to its next NIC)
     */
    public Answer ipxe(BootRequest request) {
        if (request.bootstrap()) {
            return intermediate(request);
        }
        Optional<Host> host;
        if (request.token().isEmpty() && request.macs().isEmpty()) {
            host = find(request);
            if (host.isEmpty()) {
                return intermediate(request);
            }
        } else {
            host = Optional.of(identifySighted(request));
        }
        Host h = host.get();
        if (!h.build()) {
            return answer(request, TemplateKind.IPXE, h, IPXE_LOCALBOOT, Answer.Reason.LOCAL_BOOT);
        }
        requireValidToken(h);
        return answer(request, TemplateKind.IPXE, h, templateFor(h, TemplateKind.IPXE), Answer.Reason.HOST_TEMPLATE);
    }

    /**
     * {@link #identify}, and when the request is the intermediate script's chain for one NIC (it carries what the
     * machine reported about itself), a sighting of the machine for the {@link MachineRegistry}, found or not.
     */
    private Host identifySighted(BootRequest request) {
        if (!fromIntermediateScript(request)) {
            return identify(request);
        }
        Host host;
        try {
            host = identify(request);
        } catch (HostNotFound e) {
            try {
                sighted(request, MachineReport.Kind.NIC, "");
            } catch (StateNotRecorded notRecorded) {
                e.addSuppressed(notRecorded); // the 404 still moves iPXE on; its unknown-machine report is recorded
            }
            throw e;
        }
        sighted(request, MachineReport.Kind.NIC, host.name());
        return host;
    }

    /** The intermediate script sends each NIC's MAC with the machine's facts; nothing else sends both. */
    private static boolean fromIntermediateScript(BootRequest request) {
        MachineFacts f = request.facts();
        return !request.macs().isEmpty() && request.token().isEmpty()
                && (!f.hardwareUnknown() || !f.arch().isEmpty() || !f.platform().isEmpty());
    }

    private DiscoveredMachine sighted(BootRequest request, MachineReport.Kind kind, String host) {
        return machines.report(new MachineReport(clock.instant(), request.clientIp(), request.macs(), request.facts(),
                kind, host));
    }

    /** The script that tries net0…netN in turn and reports each NIC's MAC and the machine's identity. */
    public Answer intermediate(BootRequest request) {
        return answer(request, TemplateKind.IPXE, null, INTERMEDIATE, Answer.Reason.INTERMEDIATE);
    }

    /**
     * The answer after the intermediate script ran out of NICs: local boot when bootproxy installed this machine
     * before; else the profile that matches what it reported (its template, or its group's installer); else the
     * configured unknown-machine answer. The event carries everything the machine reported, the profile and why,
     * so an operator can find it in the log.
     */
    public Answer unknownMachine(BootRequest request) {
        UnknownMachines.Decision d = unknown.decide(request);
        Map<String, String> f = UnknownMachines.eventFields(request, d, settings.get().unknownAnswer());
        String mac = request.firstMac();
        if (!request.macs().isEmpty() || !request.facts().macs().isEmpty()) {
            // recorded before the answer is rendered: a machine told it is unknown is in the registry, even after a crash
            DiscoveredMachine m = sighted(request, MachineReport.Kind.UNKNOWN_ANSWER, "");
            f.put("machine", m.id());
            f.put("boots", Integer.toString(m.boots()));
            mac = m.macs().get(0).colons();
        }
        Optional<Host> host = d.host();
        String template = d.template().isEmpty() ? templateFor(host.orElseThrow(), TemplateKind.IPXE) : d.template();
        events.record(new BootEvent(clock.instant(), mac, request.clientIp(), "unknown-machine", template, "reported", f));
        return new Answer(render(template, TemplateKind.IPXE, host, request, d.choice()), template, host, d.reason());
    }

    /**
     * A machine chose an installer in the OS menu ({@code ?menu=<group>&mac=${netX/mac}}): it gets a host made
     * from that group's settings, in build, whose installer finds it again by its token. A machine that is in the
     * inventory gets its own answer instead.
     *
     * @throws BadRequest       without a MAC
     * @throws TemplateNotFound when the menu has no such entry
     */
    public Answer menuChoice(BootRequest request, String group) {
        if (request.macs().isEmpty()) {
            throw new BadRequest("menu=" + group + " needs the MAC of the NIC that asks (mac=${netX/mac})");
        }
        if (byMacs(request).isPresent()) {
            return ipxe(request);
        }
        Host host = unknown.fromMenu(group, request.macs().get(0));
        emit(request, "menu-choice", group, "install", Map.of("group", group, "host", host.name()));
        return answer(request, TemplateKind.IPXE, host, templateFor(host, TemplateKind.IPXE), Answer.Reason.HOST_TEMPLATE);
    }

    /** Which profile a machine that reported {@code facts} would get, and why ({@code render --facts}). */
    public ProfileChoice profileFor(MachineFacts facts) {
        return unknown.choose(facts);
    }

    /** The hosts the OS menu and the installing profiles would make for a machine with {@code mac} ({@code lint}). */
    public List<Host> discoveredSamples(MacAddress mac) {
        return unknown.samples(mac);
    }

    /** The site's profiles and groups for unknown machines ({@code lint}). */
    public SiteDefinitions site() {
        return unknown.site();
    }

    // ------------------------------------------------------------------ answer files and other kinds

    /**
     * A host's template of the given kind (provision, finish, user_data, meta_data, PXELinux, …), or the
     * named template when {@code templateName} is given.
     *
     * @throws HostNotFound     unknown client
     * @throws NotInBuild       an installer file for a host that is not in build
     * @throws TemplateNotFound no template of that kind for this host
     * @throws TemplateFailed   the template did not render
     */
    public Answer template(BootRequest request, TemplateKind kind, Optional<String> templateName) {
        if (kind == TemplateKind.IPXE && templateName.isEmpty()) {
            return ipxe(request);
        }
        Host defined = identifyDefined(request, false);
        Host host = records.apply(defined);
        requireValidToken(host);
        if ((kind == TemplateKind.PXELINUX || kind == TemplateKind.PXEGRUB2) && templateName.isEmpty()) {
            return bootloaderConfig(request, kind, host);
        }
        if (!host.build() && requiresBuild(kind)) {
            throw new NotInBuild(records.whyNotInBuild(defined, "it gets no " + kind.foremanName()));
        }
        String name = templateName.orElseGet(() -> templateFor(host, kind));
        if (templateName.isPresent() && !renderer.exists(name)) {
            throw new TemplateNotFound("no template named " + name);
        }
        return answer(request, kind, host, name, Answer.Reason.HOST_TEMPLATE);
    }

    /**
     * Foreman's HostVerifier for {@code /unattended/<kind>}: a host whose token expired gets no template, whichever
     * way it was found.
     *
     * @throws TokenExpired answered 401, as Foreman does
     */
    private void requireValidToken(Host host) {
        if (host.tokenExpired(clock.instant())) {
            throw new TokenExpired("unattended: provisioning token for host " + host.name() + " expired at "
                    + host.tokenExpires().orElseThrow() + " (give it a new token to install it again)");
        }
    }

    // ------------------------------------------------------------------ cloud-init (/userdata)

    /** {@code /userdata[/<mac>]/meta-data}: see {@link CloudInit#metaData}. */
    public Answer metaData(BootRequest request) {
        return cloudInit.metaData(request);
    }

    /** {@code /userdata[/<mac>]/user-data}: see {@link CloudInit#userData}. */
    public Answer userData(BootRequest request) {
        return cloudInit.userData(request);
    }

    private static boolean requiresBuild(TemplateKind kind) {
        return kind == TemplateKind.PROVISION || kind == TemplateKind.FINISH
                || kind == TemplateKind.USER_DATA || kind == TemplateKind.META_DATA || kind == TemplateKind.SCRIPT
                || kind == TemplateKind.IGNITION;
    }

    Answer bootloaderConfig(BootRequest request, TemplateKind kind, Host host) {
        if (!host.build()) {
            String local = kind == TemplateKind.PXELINUX ? PXELINUX_LOCALBOOT : GRUB2_LOCALBOOT;
            return answer(request, kind, host, local, Answer.Reason.LOCAL_BOOT);
        }
        return answer(request, kind, host, templateFor(host, kind), Answer.Reason.HOST_TEMPLATE);
    }

    /** The template a host gets for a kind: its own override, else its OS family's default. */
    public String templateFor(Host host, TemplateKind kind) {
        return optionalTemplateFor(host, kind).orElseThrow(() -> new TemplateNotFound("unable to find " + kind.foremanName()
                + " template for " + host.name() + " running " + host.os().name() + " (family " + host.os().family()
                + "): set templates." + kind.foremanName() + " in its host file or a default for the family"));
    }

    /**
     * The host's template of a kind when one is named for it.
     *
     * @throws TemplateNotFound when the named template is not in the templates folder
     */
    Optional<String> optionalTemplateFor(Host host, TemplateKind kind) {
        Optional<String> name = Optional.ofNullable(host.templates().get(kind))
                .or(() -> settings.get().defaultTemplate(host.os().family(), kind));
        if (name.isPresent() && !renderer.exists(name.get())) {
            throw new TemplateNotFound("template " + name.get() + " (" + kind.foremanName() + " for " + host.name()
                    + ") does not exist in the templates folder");
        }
        return name;
    }

    // ------------------------------------------------------------------ TFTP (and HTTP boot)

    /**
     * A file TFTP (and HTTP boot) serves by rendering: {@code pxelinux.cfg/01-<mac>}, {@code pxelinux.cfg/default},
     * {@code grub2/grub.cfg-01-<mac>}, {@code grub2/grub.cfg-<mac>}, the GRUB configs of a Foreman host folder
     * ({@code host-config/<mac>/grub2/grub.cfg…}, see {@link HostConfigTree}) and GRUB's entry configs
     * ({@code grub/grub.cfg}, {@code grub2/grub.cfg}: {@link GrubSettings#entryConfigs()}).
     *
     * @return empty when the name is not a rendered file (serve it from the static root)
     * @throws HostNotFound for a per-MAC name of an unknown MAC (answer "file not found", so pxelinux
     *                      falls back to {@code default})
     */
    public Optional<Answer> tftpFile(String path, String clientIp) {
        return bootloaderFiles.tftpFile(path, clientIp);
    }

    /**
     * A boot loader in a Foreman host folder ({@code host-config/<mac>/grub2/shimx64.efi}, …) for a host of the
     * inventory: where the file comes from, as smart-proxy would have linked it for the host's OS and architecture.
     *
     * @return empty when the name is not a boot loader in a host folder
     * @throws HostNotFound when no host has the folder's MAC
     */
    public Optional<LoaderLink> loaderLink(String path, String clientIp) {
        return bootloaderFiles.loaderLink(path, clientIp);
    }

    /**
     * What a machine gets that asks for the boot loader's own default ({@code pxelinux.cfg/default}, GRUB's entry
     * config): {@code pxelinux/default} or {@code grub2/default}, for no host ({@code render} without a MAC).
     */
    public Answer bootloaderDefault(TemplateKind kind, String clientIp) {
        return bootloaderFiles.bootloaderDefault(kind, clientIp);
    }

    // ------------------------------------------------------------------ build reports and reinstall

    /**
     * The installer finished: record it durably, then tell upstream. The host boots locally from now on.
     *
     * @throws NotInBuild when the host is not in build (Foreman answers 405 then)
     */
    public BuildState built(BootRequest request) {
        return buildReports.built(request);
    }

    /** The installer failed; its report (truncated to 64 KiB) is kept with the state. */
    public BuildState failed(BootRequest request, String report) {
        return buildReports.failed(request, report);
    }

    /** The build result recorded for this definition of the host (built or failed), if any: for the dashboard. */
    public Optional<BuildState> recordedBuild(Host host) {
        return buildReports.recordedBuild(host);
    }

    /**
     * Clears the recorded build result of a host, so it installs again on its next boot ({@code bootproxy rebuild}).
     *
     * @param hostOrMac the host's name, or the MAC of any of its NICs
     * @throws HostNotFound when no host has that MAC, or no host of that name is listed or has a recorded result
     */
    public Rebuilt rebuild(String hostOrMac) {
        return buildReports.rebuild(hostOrMac);
    }

    // ------------------------------------------------------------------ rendering

    /** Renders any template for an optional host, as the given request; used by answers, preview and lint. */
    public String render(String templateName, TemplateKind kind, Optional<Host> host, BootRequest request) {
        return render(templateName, kind, host, request, ProfileChoice.NONE);
    }

    /** Renders a template as the answer to a machine that got a profile (or none: {@link ProfileChoice#NONE}). */
    public String render(String templateName, TemplateKind kind, Optional<Host> host, BootRequest request,
                         ProfileChoice profile) {
        BootSettings now = settings.get();
        return renderer.render(templateName, new RenderContext(host, request, kind, new BootUrls(now), now,
                unknown.menu(now, profile), profile));
    }

    /**
     * Prepares every template and renders the ones an answer needs, for {@code example} (a host of the inventory, when
     * it lists them) and for no host, each once and for at most {@code budget}: {@code serve} calls it before it says ready, so the
     * first machine does not pay for a cold template engine. Nothing is recorded or kept.
     */
    public void warmUp(Optional<Host> example, java.time.Duration budget) {
        BootSettings now = settings.get();
        BootUrls urls = new BootUrls(now);
        Map<String, RenderContext> samples = new LinkedHashMap<>();
        BootRequest anyone = new BootRequest("127.0.0.1", List.of(), "", true, MachineFacts.NONE);
        for (String t : hostIndependentTemplates()) {
            TemplateKind kind = t.startsWith("pxelinux/") ? TemplateKind.PXELINUX
                    : t.startsWith("grub2/") ? TemplateKind.PXEGRUB2 : TemplateKind.IPXE;
            samples.put(t, new RenderContext(Optional.empty(), anyone, kind, urls, now));
        }
        example.ifPresent(h -> {
            BootRequest asks = BootRequest.forMac(h.provisionInterface().mac(), "127.0.0.1");
            for (TemplateKind kind : TemplateKind.values()) {
                try {
                    samples.put(templateFor(h, kind), new RenderContext(Optional.of(h), asks, kind, urls, now));
                } catch (TemplateNotFound e) {
                    // this host has no template of that kind
                }
            }
        });
        renderer.warmUp(samples, budget);
    }

    /** The templates any machine may get without being known: checked by {@code lint} for an unknown MAC. */
    public List<String> hostIndependentTemplates() {
        return List.of(INTERMEDIATE, settings.get().unknownAnswer().template(), IPXE_LOCALBOOT, PXELINUX_DEFAULT, GRUB2_DEFAULT);
    }

    Answer answer(BootRequest request, TemplateKind kind, Host host, String template, Answer.Reason reason) {
        String body = render(template, kind, Optional.ofNullable(host), request);
        return new Answer(body, template, Optional.ofNullable(host), reason);
    }

    /** Records one boot event for the machine that sent {@code r}. */
    void emit(BootRequest r, String stage, String detail, String outcome, Map<String, String> fields) {
        events.record(new BootEvent(clock.instant(), r.firstMac(), r.clientIp(), stage, detail, outcome, fields));
    }
}
