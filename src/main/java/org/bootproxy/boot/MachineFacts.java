package org.bootproxy.boot;

import java.util.List;

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

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        // one log line per event: no control characters from a client
        String t = s.replaceAll("\\p{Cntrl}", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }
}
