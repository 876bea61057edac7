package org.bootproxy.boot;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything a template may see: the host (if one was identified), the request, the kind being
 * rendered, the URL helpers and the settings that shape scripts (NIC count, retry delay).
 */
public record RenderContext(Optional<Host> host, BootRequest request, TemplateKind kind, BootUrls urls, BootSettings settings) {
    public RenderContext {
        host = host == null ? Optional.empty() : host;
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(settings, "settings");
    }
}
