package org.bootproxy.render;

import freemarker.core._CoreAPI;
import freemarker.template.Configuration;
import freemarker.template.MalformedTemplateNameException;
import freemarker.template.Template;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.Version;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

/**
 * A FreeMarker configuration whose templates can be stopped: every template it hands out (the one rendered
 * and each one it includes or imports) gets, once, a check of the thread's interrupt flag at the start of
 * every loop body and macro, which is how {@link RenderWatchdog} ends a render. FreeMarker has no time limit
 * of its own; the checks are its {@code _CoreAPI.addThreadInterruptedChecks}, the hook FreeMarker keeps for
 * its online template tester, which stops runaway templates the same way.
 *
 * <p>{@code ?interpret} is refused: it builds a template at render time, outside this configuration, so its
 * loops would have no checks.
 */
final class GuardedConfiguration extends Configuration {

    /** A template that cannot be rendered safely. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private static final Pattern INTERPRET = Pattern.compile("\\?interpret\\b");

    /** Templates already given their checks; by identity (Template does not override equals), weakly held. */
    private final Map<Template, Boolean> guarded = Collections.synchronizedMap(new WeakHashMap<>());

    GuardedConfiguration(Version version) {
        super(version);
    }

    /** Every other getTemplate, and every include and import during a render, ends up here. */
    @Override
    public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                                boolean parseAsFTL, boolean ignoreMissing)
            throws TemplateNotFoundException, MalformedTemplateNameException, freemarker.core.ParseException, IOException {
        Template t = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
        if (t != null && parseAsFTL) {
            guard(t);
        }
        return t;
    }

    private void guard(Template t) throws Refused {
        synchronized (guarded) {
            if (guarded.containsKey(t)) {
                return;
            }
            if (INTERPRET.matcher(t.toString()).find()) {
                throw new Refused(TemplateErrors.stripSuffix(t.getSourceName()) + " uses ?interpret, which bootproxy does not allow:"
                        + " a template built while rendering cannot be stopped by render.time_limit; write its text into"
                        + " the template or a snippet");
            }
            _CoreAPI.addThreadInterruptedChecks(t);
            guarded.put(t, Boolean.TRUE);
        }
    }
}
