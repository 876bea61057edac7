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
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import org.bootproxy.support.FileStamp;

/**
 * A FreeMarker configuration whose templates can be stopped: every template it hands out (the one rendered
 * and each one it includes or imports) gets, once, a check of the thread's interrupt flag at the start of
 * every loop body and macro, which is how {@link RenderWatchdog} ends a render. FreeMarker has no time limit
 * of its own; the checks are its {@code _CoreAPI.addThreadInterruptedChecks}, the hook FreeMarker keeps for
 * its online template tester, which stops runaway templates the same way.
 *
 * <p>{@code ?interpret} is refused: it builds a template at render time, outside this configuration, so its
 * loops would have no checks.
 *
 * <p>Every template file a render asks for (or finds missing) is reported to the render's {@link RenderInputs}, with
 * the file's stamp taken before FreeMarker reads it, and whether answers made with it may be kept: not when it reads
 * the clock ({@code .now}) or evaluates text as an expression ({@code ?eval}, which could read the clock).
 */
final class GuardedConfiguration extends Configuration {

    /** A template that cannot be rendered safely. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private static final Pattern INTERPRET = Pattern.compile("\\?interpret\\b");
    /** What makes a template's output differ between two renders of the same inputs. */
    private static final Pattern NOT_REUSABLE = Pattern.compile("\\.now\\b|\\?eval\\b(?!_json)");

    /**
     * Templates already given their checks, by identity (Template does not override equals), weakly held; the value
     * says why answers made with it cannot be kept ("" when they can).
     */
    private final Map<Template, String> guarded = Collections.synchronizedMap(new WeakHashMap<>());

    GuardedConfiguration(Version version) {
        super(version);
    }

    /** Every other getTemplate, and every include and import during a render, ends up here. */
    @Override
    public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                                boolean parseAsFTL, boolean ignoreMissing)
            throws TemplateNotFoundException, MalformedTemplateNameException, freemarker.core.ParseException, IOException {
        Optional<RenderInputs> inputs = RenderInputs.current();
        Optional<FileStamp> before = inputs.map(i -> i.stampBefore(name)).orElse(Optional.empty());
        Template t = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
        String notReusable = t != null && parseAsFTL ? guard(t) : "";
        inputs.ifPresent(i -> i.used(name, before, notReusable));
        return t;
    }

    /** Why answers made with {@code t} (a template this configuration handed out) cannot be kept; "" when they can. */
    String reusable(Template t) throws Refused {
        return guard(t);
    }

    private String guard(Template t) throws Refused {
        synchronized (guarded) {
            String known = guarded.get(t);
            if (known != null) {
                return known;
            }
            if (INTERPRET.matcher(t.toString()).find()) {
                throw new Refused(TemplateErrors.stripSuffix(t.getSourceName()) + " uses ?interpret, which bootproxy does not allow:"
                        + " a template built while rendering cannot be stopped by render.time_limit; write its text into"
                        + " the template or a snippet");
            }
            _CoreAPI.addThreadInterruptedChecks(t);
            String why = NOT_REUSABLE.matcher(t.toString()).find()
                    ? TemplateErrors.stripSuffix(t.getSourceName()) + " reads the clock or evaluates text (.now, ?eval)" : "";
            guarded.put(t, why);
            return why;
        }
    }
}
