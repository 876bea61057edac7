package org.bootproxy.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.bootproxy.boot.Answer;
import org.bootproxy.boot.BadRequest;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.HostNotFound;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.TemplateNotFound;
import org.bootproxy.support.Route.Style;

/**
 * {@code GET /unattended/<kind>} (iPXE, PXELinux, provision, finish, user_data, …) and the cloud-init
 * NoCloud seed {@code GET /userdata/<mac>/user-data|meta-data}.
 *
 * <p>{@code ?template=NAME} renders the named template for the identified host instead of the host's own
 * template of that kind. (A query parameter rather than Foreman's {@code /unattended/<kind>/<template>/<hostgroup>}
 * path keeps that path free for a module that forwards it to Foreman.)
 *
 * <p>iPXE asks with {@code ?mac=${netX/mac}} per NIC (plus {@code serial}, {@code manufacturer},
 * {@code product}, {@code uuid}, {@code arch}), {@code ?bootstrap=1} for the intermediate script,
 * {@code ?unknown=1&macs=<m1>,<m2>,…} after its last NIC, and {@code ?menu=<group>&mac=${netX/mac}} when an
 * unknown machine chose an installer in the OS menu.
 */
final class UnattendedHandler {
    private final BootService boot;
    private final BootRequestReader reader;
    private final Fallback fallback;
    /** A kept answer's bytes, encoded once. */
    private final AnswerBytes bytes = new AnswerBytes();

    UnattendedHandler(BootService boot, BootRequestReader reader, Fallback fallback) {
        this.boot = boot;
        this.reader = reader;
        this.fallback = fallback;
    }

    /**
     * Narrows the route's stage and style to the kind asked for ({@code provision}; iPXE kinds answer the iPXE way).
     * Cheap and first, so that even a request refused for load gets the answer its client reads.
     */
    void classify(Context ctx) {
        TemplateKind.fromName(ctx.pathParam("kind")).ifPresent(kind ->
                Exchange.of(ctx).is(stage(kind), kind == TemplateKind.IPXE ? Style.IPXE : Style.INSTALLER));
    }

    void unattended(Context ctx) throws Exception {
        String kindName = ctx.pathParam("kind");
        Optional<TemplateKind> known = TemplateKind.fromName(kindName);
        // the route table (classify) has set the stage and style already
        Exchange ex = Exchange.of(ctx);
        if (fallback.answeredFirst(ctx, ex)) {
            return;
        }
        if (known.isEmpty()) {
            // a kind bootproxy has no templates for (Foreman's ZTP, registration, …): the fallback may know it.
            // Foreman answers 404 for a kind it has no template of ("unable to find <kind> template for …")
            fallback.answerOrThrow(ctx, ex, new TemplateNotFound("unable to find " + Text.oneLine(kindName, 40)
                    + " template: bootproxy renders the kinds " + TemplateKind.allowedNames()));
            return;
        }
        TemplateKind kind = known.get();
        Optional<String> template = Optional.ofNullable(ctx.queryParam("template")).map(String::trim).filter(t -> !t.isEmpty());
        template.ifPresent(UnattendedHandler::checkTemplateName);
        BootRequest request = reader.read(ctx, ex.clientIp(), Optional.empty());
        if (kind == TemplateKind.IPXE && template.isEmpty() && ctx.queryParam("unknown") != null) {
            ex.mac(request.facts().macs().isEmpty() ? "" : request.facts().macs().get(0).colons());
            answer(ctx, ex, boot.unknownMachine(request));
            return;
        }
        String menu = ctx.queryParam("menu");
        if (kind == TemplateKind.IPXE && template.isEmpty() && menu != null && !menu.isBlank()) {
            ex.mac(request.firstMac());
            answer(ctx, ex, boot.menuChoice(request, menu.trim()));
            return;
        }
        answer(ctx, ex, kind, request, template);
    }

    /**
     * matchbox's {@code GET /ignition?mac=…} (also {@code ?token=}): the host's Ignition config, as
     * {@code /unattended/ignition} answers it.
     */
    void ignition(Context ctx) throws Exception {
        Exchange ex = Exchange.of(ctx); // stage "ignition", answered as to an installer: its route says so
        answer(ctx, ex, TemplateKind.IGNITION, reader.read(ctx, ex.clientIp(), Optional.empty()), Optional.empty());
    }

    void userData(Context ctx) throws Exception {
        cloudInit(ctx, true);
    }

    void metaData(Context ctx) throws Exception {
        cloudInit(ctx, false);
    }

    /**
     * {@code /userdata/<mac>/…}, or {@code /userdata/…} without a MAC: found by client IP, as in Foreman; answered
     * whether the host is in build or not, as Foreman's UserdataController does.
     */
    private void cloudInit(Context ctx, boolean userData) throws Exception {
        Exchange ex = Exchange.of(ctx);
        if (fallback.answeredFirst(ctx, ex)) {
            return;
        }
        Optional<MacAddress> pathMac = Optional.empty();
        String macText = ctx.pathParamMap().get("mac");
        if (macText != null) {
            pathMac = Optional.of(MacAddress.tryParse(macText).orElseThrow(() -> new UnparsableMac(macText)));
        }
        BootRequest request = reader.read(ctx, ex.clientIp(), pathMac);
        ex.mac(request.firstMac());
        Answer answer;
        try {
            answer = userData ? boot.userData(request) : boot.metaData(request);
        } catch (HostNotFound | TemplateNotFound e) {
            fallback.answerOrThrow(ctx, ex, e);
            return;
        }
        answer(ctx, ex, answer);
    }

    private void answer(Context ctx, Exchange ex, TemplateKind kind, BootRequest request, Optional<String> template)
            throws Exception {
        ex.mac(request.firstMac());
        Answer answer;
        try {
            answer = boot.template(request, kind, template);
        } catch (HostNotFound | TemplateNotFound e) {
            fallback.answerOrThrow(ctx, ex, e);
            return;
        }
        answer(ctx, ex, answer);
    }

    private void answer(Context ctx, Exchange ex, Answer answer) {
        ex.detail(answer.template());
        ex.host(answer.hostName());
        boolean json = answer.template().startsWith("ignition/");
        Text.send(ctx, 200, json ? "application/json; charset=utf-8" : Text.PLAIN, bytes.of(answer.body()));
    }

    private static String stage(TemplateKind kind) {
        return kind.foremanName().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }

    /** Template names are folder/name paths inside the templates folder; the renderer confines them too. */
    private static void checkTemplateName(String name) {
        if (!name.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*") || name.contains("..")) {
            throw new BadRequest("not a template name: '" + Text.oneLine(name, 80)
                    + "' (expected folder/name such as kickstart/default)");
        }
    }
}
