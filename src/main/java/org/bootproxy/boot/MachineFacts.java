package org.bootproxy.boot;

import java.util.List;
import org.bootproxy.support.OneLine;

/**
 * What a machine says about itself (iPXE's SMBIOS settings, sent by the intermediate script).
 * Every field is "" when not reported, never null, so templates can use them directly.
 */
public record MachineFacts(String serial, String manufacturer, String product, List<MacAddress> macs) {
    public static final MachineFacts NONE = new MachineFacts("", "", "", List.of());

    public MachineFacts {
        serial = clean(serial);
        manufacturer = clean(manufacturer);
        product = clean(product);
        macs = macs == null ? List.of() : List.copyOf(macs);
    }

    /** One log line per event: nothing from a client that could break a line. */
    private static String clean(String s) {
        return OneLine.of(s, 200);
    }
}
