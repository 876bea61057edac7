package org.bootproxy.boot;

import java.util.Locale;

/** What a machine gets when none of its NICs is in the inventory. */
public enum UnknownMachineAnswer {
    /** the boot menu (templates/ipxe/menu) */
    MENU("ipxe/menu"),
    /** a message listing what the machine reported, then local boot (templates/ipxe/unknown) */
    MESSAGE("ipxe/unknown"),
    /** local boot straight away (templates/ipxe/localboot) */
    LOCALBOOT("ipxe/localboot");

    private final String template;

    UnknownMachineAnswer(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }

    public static UnknownMachineAnswer parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
