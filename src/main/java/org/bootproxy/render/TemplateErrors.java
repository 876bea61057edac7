package org.bootproxy.render;

import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;

import java.util.Optional;
import java.util.Set;
import org.bootproxy.support.Causes;
import org.bootproxy.support.OneLine;
import java.util.regex.Pattern;

/**
 * Turns FreeMarker's multi-line error reports into the one line an operator needs:
 * {@code <template> line <n>: <what is wrong>}, e.g. {@code ipxe/kickstart line 4: params.kernelcmd is missing}.
 */
final class TemplateErrors {

    private static final int MAX_DETAIL = 400;
    private static final Pattern LOCATION = Pattern.compile("\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Model names that exist only when a host was identified. */
    private static final Set<String> HOST_NAMES = Set.of("host", "interfaces", "os", "medium", "params");

    private TemplateErrors() {
    }

    /** A failure while rendering: a missing value, a wrong type, a failed include or URL helper. */
    static String describe(String templateName, TemplateException e, boolean hasHost) {
        Optional<ParseException> syntax = Causes.first(e.getCause(), ParseException.class);
        if (syntax.isPresent()) {
            // a snippet that does not parse: point at the snippet's line, not at the <#include>
            return describe(templateName, syntax.get());
        }
        String where = where(templateName, e.getTemplateSourceName(), e.getLineNumber());
        if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
            String blamed = e.getBlamedExpressionString();
            String hint = !hasHost && HOST_NAMES.contains(rootName(blamed))
                    ? " (no host was identified for this request, so there is no host data;"
                    + " use has_host to check)" : "";
            return where + ": " + blamed + " is missing" + hint;
        }
        return where + ": " + clean(e.getMessageWithoutStackTop());
    }

    /** A syntax error: FreeMarker could not parse the template (or a snippet it includes). */
    static String describe(String templateName, ParseException e) {
        String where = where(templateName, e.getTemplateName(), e.getLineNumber());
        return where + ": syntax error: " + clean(e.getEditorMessage());
    }

    /** "ipxe/kickstart line 4", or "snippets/x line 2 (included by ipxe/kickstart)". */
    private static String where(String templateName, String sourceName, Integer line) {
        String source = sourceName == null ? templateName : stripSuffix(sourceName);
        String at = line == null ? source : source + " line " + line;
        return source.equals(templateName) ? at : at + " (included by " + templateName + ")";
    }

    static String stripSuffix(String sourceName) {
        String s = sourceName.startsWith("/") ? sourceName.substring(1) : sourceName;
        return s.endsWith(TemplateFolder.SUFFIX) ? s.substring(0, s.length() - TemplateFolder.SUFFIX.length()) : s;
    }

    /** "host.params.kernelcmd" → "host"; "params[\"x\"]" → "params". */
    private static String rootName(String expression) {
        int end = 0;
        while (end < expression.length() && (Character.isLetterOrDigit(expression.charAt(end))
                || expression.charAt(end) == '_')) {
            end++;
        }
        return expression.substring(0, end);
    }

    /** FreeMarker's text without its stack trace, tips and source locations, on one line. */
    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String m = message;
        int stack = m.indexOf("\n----");
        if (stack >= 0) {
            m = m.substring(0, stack);
        }
        m = LOCATION.matcher(m).replaceAll("");
        return OneLine.of(WHITESPACE.matcher(m.replace("==>", "")).replaceAll(" "), MAX_DETAIL);
    }

    /** The first line of rendered text, shortened, for "starts with …" messages. */
    static String firstLine(String text) {
        return OneLine.of(text.lines().findFirst().orElse(""), 60);
    }
}
