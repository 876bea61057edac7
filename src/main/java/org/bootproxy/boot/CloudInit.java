package org.bootproxy.boot;

import java.util.Optional;

/**
 * cloud-init's NoCloud seed, {@code /userdata[/<mac>]/meta-data} and {@code user-data}, answered as Foreman's
 * UserdataController answers it: for any host it finds, in build or not (cloud-init asks again on the installed
 * system's first boot), by MAC and client address only (that lookup reads no token).
 */
final class CloudInit {
    private final BootService boot;

    CloudInit(BootService boot) {
        this.boot = boot;
    }

    /**
     * Built by code ({@link MetaData}); a meta_data template named for the host (its own, or a template_defaults
     * entry) replaces it.
     */
    Answer metaData(BootRequest request) {
        Host host = boot.identify(withoutToken(request));
        Optional<String> template = boot.optionalTemplateFor(host, TemplateKind.META_DATA);
        if (template.isPresent()) {
            return boot.answer(request, TemplateKind.META_DATA, host, template.get(), Answer.Reason.HOST_TEMPLATE);
        }
        return new Answer(MetaData.of(host), "(meta-data of " + host.name() + ")", Optional.of(host),
                Answer.Reason.HOST_TEMPLATE);
    }

    /**
     * The host's cloud-init template, else its user_data template.
     *
     * @throws TemplateNotFound when it has neither (404, with Foreman's message)
     */
    Answer userData(BootRequest request) {
        Host host = boot.identify(withoutToken(request));
        Optional<String> cloudInit = boot.optionalTemplateFor(host, TemplateKind.CLOUD_INIT);
        TemplateKind kind = cloudInit.isPresent() ? TemplateKind.CLOUD_INIT : TemplateKind.USER_DATA;
        String template = cloudInit.or(() -> boot.optionalTemplateFor(host, TemplateKind.USER_DATA)).orElseThrow(() ->
                new TemplateNotFound("Unable to find user-data or cloud-init template for host " + host.name() + " running "
                        + host.os().name() + " (family " + host.os().family() + "): set templates.user_data in its host"
                        + " file or a template_defaults entry for the family"));
        return boot.answer(request, kind, host, template, Answer.Reason.HOST_TEMPLATE);
    }

    private static BootRequest withoutToken(BootRequest r) {
        return new BootRequest(r.clientIp(), r.macs(), "", r.bootstrap(), r.facts());
    }
}
