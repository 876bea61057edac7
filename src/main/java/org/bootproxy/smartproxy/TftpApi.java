package org.bootproxy.smartproxy;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.HostConfigTree;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.Route;
import org.bootproxy.support.Route.Style;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * smart-proxy's TFTP module API under {@code /tftp}, with its routes, parameters, status codes and messages:
 *
 * <pre>
 * POST   /tftp/fetch_boot_file            prefix, path   download a boot file into the TFTP root (background)
 * POST   /tftp/{variant}/create_default   menu           write the variant's default file(s)
 * GET    /tftp/{variant}/{mac}                           the first config file of the MAC (404 when none)
 * POST   /tftp/{variant}/{mac}            pxeconfig      write the MAC's config file(s); PXEGrub2 also links the host
 *                                         [targetos, release, arch, bootfile_suffix]   folder's boot loaders (Foreman 3.14)
 * DELETE /tftp/{variant}/{mac}                           remove them (a missing file is no error), PXEGrub2 the folder
 * POST   /tftp/create_default, /tftp/{mac}; DELETE /tftp/{mac}   the same for the Syslinux variant (legacy)
 * GET    /tftp/serverName                                {"serverName": tftp_servername}
 * </pre>
 *
 * A bad MAC is a 403 "Invalid MAC address: …" and an unknown variant a 403 "Unrecognized pxeboot config type:
 * …". Successful writes answer 200 with an empty body. Parameters come form-encoded, as Foreman sends them,
 * or as a JSON object. Files land in the TFTP root, where TFTP serves them in preference to rendered ones.
 */
final class TftpApi {
    private static final Logger LOG = LoggerFactory.getLogger(TftpApi.class);
    private static final String LEGACY = "syslinux";

    private final TftpRootFiles files;
    private final HostConfigFolder hostConfig;
    private final BootFileFetcher fetcher;
    private final String serverName;
    private final ModuleStates states;

    TftpApi(TftpRootFiles files, BootFileFetcher fetcher, String serverName, ModuleStates states) {
        this.files = files;
        this.hostConfig = new HostConfigFolder(files);
        this.fetcher = fetcher;
        this.serverName = serverName;
        this.states = states;
    }

    /** Routes with fixed names come before the ones with a {@code {mac}} in the same place. */
    List<Route<Handler>> routes(Access access) {
        return List.of(
                management("/tftp/fetch_boot_file", Route.Method.POST, access, this::fetchBootFile),
                management("/tftp/create_default", Route.Method.POST, access, c -> createDefault(c, LEGACY)),
                management("/tftp/serverName", Route.Method.GET, access, this::serverName),
                management("/tftp/{variant}/create_default", Route.Method.POST, access,
                        c -> createDefault(c, c.pathParam("variant"))),
                management("/tftp/{variant}/{mac}", Route.Method.GET, access, this::get),
                management("/tftp/{variant}/{mac}", Route.Method.POST, access,
                        c -> set(c, c.pathParam("variant"), c.pathParam("mac"))),
                management("/tftp/{variant}/{mac}", Route.Method.DELETE, access,
                        c -> delete(c, c.pathParam("variant"), c.pathParam("mac"))),
                management("/tftp/{mac}", Route.Method.POST, access, c -> set(c, LEGACY, c.pathParam("mac"))),
                management("/tftp/{mac}", Route.Method.DELETE, access, c -> delete(c, LEGACY, c.pathParam("mac"))));
    }

    /** A management route of the running TFTP module: not about a machine booting, plain one-line errors. */
    private Route<Handler> management(String path, Route.Method method, Access access, Action action) {
        return new Route<>(method, path, Route.UNRECORDED, Style.PLAIN,
                access.management(ctx -> running(ctx, action)));
    }

    private interface Action {
        void run(Context ctx) throws IOException;
    }

    /** A module that is not running has no API, as in smart-proxy where it is not mounted. */
    private void running(Context ctx, Action action) throws IOException {
        if (!states.running(Feature.TFTP)) {
            throw new Halt(404, "the TFTP module is " + states.get(Feature.TFTP).id()
                    + " (see bootproxy's log), so /tftp is not served");
        }
        action.run(ctx);
    }

    private void set(Context ctx, String variantName, String macText) throws IOException {
        PxeMac mac = mac(macText);
        PxeVariant variant = variant(variantName);
        String config = param(ctx, "pxeconfig").or(() -> param(ctx, "syslinux_config")).orElseThrow(
                () -> new Halt(400, "TFTP: Failed to create pxe config file: Invalid parameters received"));
        byte[] bytes = config.getBytes(StandardCharsets.UTF_8);
        if (variant == PxeVariant.PXEGRUB2) {
            linkBootLoaders(ctx, mac);
        }
        for (String name : variant.files(mac)) {
            try {
                files.write(name, bytes);
            } catch (IOException e) {
                throw Halt.because(400, "TFTP: Failed to create pxe config file: ", e);
            }
        }
        LOG.info("TFTP: {} entry for {} created ({} bytes): {}", variant, mac.colons(), bytes.length, variant.files(mac));
        Replies.ok(ctx);
    }

    /**
     * Foreman 3.14 sends the host's {@code targetos}, {@code release}, {@code arch} and {@code bootfile_suffix} with a
     * PXEGrub2 config: its folder gets the boot loaders of its OS ({@link HostConfigFolder}). An older Foreman sends
     * none of them and reads no host folder: then only the config files are written.
     */
    private void linkBootLoaders(Context ctx, PxeMac mac) {
        Optional<String> os = param(ctx, "targetos");
        Optional<String> release = param(ctx, "release");
        Optional<String> arch = param(ctx, "arch");
        Optional<String> suffix = param(ctx, "bootfile_suffix");
        if (os.isEmpty() && release.isEmpty() && arch.isEmpty() && suffix.isEmpty()) {
            LOG.info("TFTP: PXEGrub2 entry for {} without targetos/release/arch/bootfile_suffix (Foreman before 3.14):"
                    + " no boot loaders linked into its host folder", mac.colons());
            return;
        }
        var query = new HostConfigTree.LoaderQuery(os.orElse(""), release.orElse(""), arch.orElse(""),
                suffix.filter(s -> !s.isBlank()).orElseGet(() -> HostConfigTree.bootfileSuffix(arch.orElse(""))));
        try {
            Map<String, String> links = hostConfig.setUp(mac, query);
            LOG.info("TFTP: boot loaders of {} ({} {} {}) linked: {}", mac.colons(), query.os(), query.release(), query.arch(), links);
        } catch (IOException e) {
            throw Halt.because(400, "TFTP: Failed to setup host specific bootloader directory: ", e);
        }
    }

    private void get(Context ctx) throws IOException {
        PxeMac mac = mac(ctx.pathParam("mac"));
        PxeVariant variant = variant(ctx.pathParam("variant"));
        String name = variant.files(mac).get(0);
        Optional<byte[]> content;
        try {
            content = files.read(name);
        } catch (IOException e) {
            throw Halt.because(404, "TFTP: Failed to retrieve pxe config file: ", e);
        }
        byte[] bytes = content.orElseThrow(() -> new Halt(404, "TFTP: Failed to retrieve pxe config file: File "
                + files.root().resolve(name) + " not found"));
        ctx.status(200).contentType(Replies.PLAIN).result(bytes);
    }

    private void delete(Context ctx, String variantName, String macText) throws IOException {
        PxeMac mac = mac(macText);
        PxeVariant variant = variant(variantName);
        int removed = 0;
        for (String name : variant.files(mac)) {
            try {
                removed += files.delete(name) ? 1 : 0;
            } catch (IOException e) {
                throw Halt.because(400, "TFTP: Failed to delete pxe config file: ", e);
            }
        }
        if (variant == PxeVariant.PXEGRUB2) {
            try {
                removed += hostConfig.remove(mac) ? 1 : 0;
            } catch (IOException e) {
                throw Halt.because(400, "TFTP: Failed to delete pxe config file: ", e);
            }
        }
        if (removed == 0) {
            LOG.info("TFTP: no {} entry for {} to delete", variant, mac.colons());
        } else {
            LOG.info("TFTP: {} entry for {} removed", variant, mac.colons());
        }
        Replies.ok(ctx);
    }

    private void createDefault(Context ctx, String variantName) throws IOException {
        PxeVariant variant = variant(variantName);
        String menu = param(ctx, "menu").orElseThrow(
                () -> new Halt(400, "TFTP: Failed to create PXE default file: Default config not supplied"));
        for (String name : variant.defaults()) {
            try {
                files.write(name, menu.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw Halt.because(400, "TFTP: Failed to create PXE default file: ", e);
            }
        }
        LOG.info("TFTP: {} default menu written: {}", variant, variant.defaults());
        Replies.ok(ctx);
    }

    private void fetchBootFile(Context ctx) {
        String prefix = param(ctx, "prefix").orElse(null);
        String path = param(ctx, "path").orElse(null);
        try {
            fetcher.fetch(prefix, path);
        } catch (ConfinedRoot.OutsideRoot e) {
            throw new Halt(400, "TFTP: Failed to fetch boot file: " + BootFileFetcher.OUTSIDE);
        } catch (IOException | IllegalArgumentException e) {
            throw Halt.because(400, "TFTP: Failed to fetch boot file: ", e);
        }
        Replies.ok(ctx);
    }

    private void serverName(Context ctx) {
        Replies.json(ctx, Map.of("serverName", serverName));
    }

    private static PxeMac mac(String text) {
        return PxeMac.parse(text).orElseThrow(() -> new Halt(403, "Invalid MAC address: " + text));
    }

    private static PxeVariant variant(String text) {
        return PxeVariant.parse(text).orElseThrow(() -> new Halt(403, "Unrecognized pxeboot config type: " + text));
    }

    /** A form field (Foreman's RestClient payload), a member of a JSON body, or a query parameter. */
    static Optional<String> param(Context ctx, String name) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith(Replies.JSON_TYPE)) {
            return jsonBody(ctx).map(body -> body.get(name)).filter(v -> v != null && !v.isNull())
                    .map(v -> v.isValueNode() ? v.asText() : v.toString());
        }
        String value = type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")
                ? ctx.formParam(name) : null;
        return Optional.ofNullable(value != null ? value : ctx.queryParam(name));
    }

    private static Optional<JsonNode> jsonBody(Context ctx) {
        try {
            JsonNode node = Replies.JSON.readTree(ctx.bodyAsBytes());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            throw new Halt(400, "the request body is not a JSON object: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
