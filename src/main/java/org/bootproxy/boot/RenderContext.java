package org.bootproxy.boot;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a template may see: the host (if one was identified), the request, the kind being
 * rendered, the URL helpers and the settings that shape scripts (NIC count, retry delay), the OS menu and,
 * for an unknown machine, the profile it got and why.
 */
public record RenderContext(Optional<Host> host, BootRequest request, TemplateKind kind, BootUrls urls, BootSettings settings,
                            Menu menu, ProfileChoice profile) {
    public RenderContext {
        host = host == null ? Optional.empty() : host;
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(settings, "settings");
        menu = menu == null ? Menu.of(List.of(), settings.menu(), Map.of()) : menu;
        profile = profile == null ? ProfileChoice.NONE : profile;
    }

    /** Without menu entries or a profile. */
    public RenderContext(Optional<Host> host, BootRequest request, TemplateKind kind, BootUrls urls, BootSettings settings) {
        this(host, request, kind, urls, settings, null, null);
    }
}
