package org.bootproxy.render;

import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import org.bootproxy.boot.BootUrls;
import org.bootproxy.boot.Host;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The URL helpers templates call, all delegating to {@link BootUrls} so every URL bootproxy hands out is
 * built in one place:
 * <ul>
 *   <li>{@code url("provision")}, {@code url("iPXE", {"mac": "${net0/mac}"})} — {@code <public url>/unattended/<kind>}
 *       identifying the host the way Foreman's {@code foreman_url} does; extra values are appended raw so
 *       iPXE {@code ${…}} settings reach iPXE untouched</li>
 *   <li>{@code userdata_url()} — the NoCloud seed URL of the host (ends in {@code /})</li>
 *   <li>{@code pub_url("ipxe/boot.png")} — a file from bootproxy's {@code /pub/} folder</li>
 * </ul>
 */
final class UrlHelpers {

    /** Kind names and query keys: letters, digits, "_", "-", "." — nothing that changes the URL's shape. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.-]+");

    private final BootUrls urls;
    private final Host host;

    UrlHelpers(BootUrls urls, Host host) {
        this.urls = urls;
        this.host = host;
    }

    TemplateMethodModelEx url() {
        return args -> {
            if (args.isEmpty() || args.size() > 2) {
                throw new TemplateModelException("url() takes a kind and optionally a hash of extra query values,"
                        + " e.g. url(\"provision\") or url(\"iPXE\", {\"mac\": \"${net0/mac}\"})");
            }
            String kind = string(args.get(0), "url(): the kind");
            if (!WORD.matcher(kind).matches()) {
                throw new TemplateModelException("url(): '" + kind + "' is not a kind name such as iPXE, provision, built");
            }
            Map<String, String> extra = args.size() == 2 ? extra(args.get(1)) : Map.of();
            return urls.unattended(kind, host, extra);
        };
    }

    TemplateMethodModelEx userdataUrl() {
        return args -> {
            if (!args.isEmpty()) {
                throw new TemplateModelException("userdata_url() takes no arguments");
            }
            if (host == null) {
                throw new TemplateModelException("userdata_url() needs a host, and no host was identified"
                        + " for this request");
            }
            return urls.userdataSeed(host);
        };
    }

    TemplateMethodModelEx pubUrl() {
        return args -> {
            if (args.size() != 1) {
                throw new TemplateModelException("pub_url() takes one path, e.g. pub_url(\"images/vmlinuz\")");
            }
            String path = string(args.get(0), "pub_url(): the path");
            if (path.contains("..") || path.contains("\\")) {
                throw new TemplateModelException("pub_url(): '" + path + "' must be a plain path below /pub/");
            }
            return urls.pub(path);
        };
    }

    /** The query values in the hash's order (a literal keeps its order; {@code a + b} is a's keys, then b's). */
    private static Map<String, String> extra(Object arg) throws TemplateModelException {
        if (!(arg instanceof TemplateHashModelEx hash)) {
            throw new TemplateModelException("url(): extra query values must be a hash such as {\"mac\": \"${net0/mac}\"}");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        TemplateModelIterator keys = hash.keys().iterator();
        while (keys.hasNext()) {
            String key = string(keys.next(), "url(): a query key");
            if (!WORD.matcher(key).matches()) {
                throw new TemplateModelException("url(): '" + key + "' is not a usable query key");
            }
            extra.put(key, string(hash.get(key), "url(): the value of " + key));
        }
        return extra;
    }

    private static String string(Object arg, String what) throws TemplateModelException {
        if (arg instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        if (arg instanceof TemplateNumberModel n) {
            return n.getAsNumber().toString();
        }
        if (arg instanceof TemplateBooleanModel b) {
            return String.valueOf(b.getAsBoolean());
        }
        throw new TemplateModelException(what + " must be a string");
    }
}
