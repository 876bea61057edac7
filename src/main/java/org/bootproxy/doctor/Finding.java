package org.bootproxy.doctor;

import java.util.Objects;

/**
 * The result of one check {@code bootproxy doctor} makes.
 *
 * @param check  what was checked, e.g. "TFTP port"
 * @param ok     true when it holds
 * @param detail what was found
 * @param fix    what to do about it ("" when it holds)
 */
public record Finding(String check, boolean ok, String detail, String fix) {

    public Finding {
        Objects.requireNonNull(check, "check");
        detail = detail == null ? "" : detail;
        fix = fix == null ? "" : fix;
        if (!ok && fix.isBlank()) {
            throw new IllegalArgumentException("a failed check must say how to fix it: " + check);
        }
    }

    public static Finding ok(String check, String detail) {
        return new Finding(check, true, detail, "");
    }

    public static Finding fail(String check, String detail, String fix) {
        return new Finding(check, false, detail, fix);
    }

    /** {@code ok    TFTP port: …} or {@code FAIL  TFTP port: …} and an indented {@code fix: …} line. */
    public String describe() {
        return (ok ? "ok    " : "FAIL  ") + check + ": " + detail + (ok ? "" : "\n      fix: " + fix);
    }
}
