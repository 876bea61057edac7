package org.bootproxy.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %mdcField{mac}} in the plain log pattern: {@code " mac=<value>"} when the line's MDC has a value for the key,
 * nothing when it has none. What {@code %replace( mac=%X{mac}){' mac=$', ''}} wrote, without a regular expression
 * run for every line (logback.xml).
 */
public final class MdcField extends ClassicConverter {
    private String key;
    private String prefix;
    private Last last = new Last("", "");

    @Override
    public void start() {
        key = getFirstOption();
        if (key == null || key.isBlank()) {
            addError("%mdcField needs the MDC key in braces, e.g. %mdcField{mac}");
            return;
        }
        prefix = " " + key + "=";
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        String value = event.getMDCPropertyMap().get(key);
        if (value == null || value.isEmpty()) {
            return "";
        }
        // lines in a row mostly carry the same client (and MAC): the field written for the last value is reused
        Last seen = last;
        if (!seen.value().equals(value)) {
            seen = new Last(value, prefix + value);
            last = seen;
        }
        return seen.field();
    }

    /** A value and the field written for it; replaced whole, so a layout shared by threads reads a matching pair. */
    private record Last(String value, String field) {
    }
}
