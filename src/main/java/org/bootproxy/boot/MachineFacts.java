package org.bootproxy.boot;

import java.util.List;
import java.util.Locale;
import org.bootproxy.support.OneLine;

/**
 * What a machine says about itself: iPXE's SMBIOS settings ({@code ${serial}}, {@code ${manufacturer}},
 * {@code ${product}}, {@code ${uuid}}) and build architecture ({@code ${buildarch}}), sent by the intermediate
 * script, and the MACs of every NIC it has ({@code macs=}). Every field is "" when not reported, never null, so
 * templates can use them directly; profiles select on them ({@link Selector}).
 *
 * @param uuid the SMBIOS system UUID, lower case
 * @param arch the architecture iPXE was built for: {@code x86_64}, {@code i386}, {@code arm64}
 */
public record MachineFacts(String serial, String manufacturer, String product, List<MacAddress> macs, String uuid,
                           String arch) {
    public static final MachineFacts NONE = new MachineFacts("", "", "", List.of());

    public MachineFacts {
        serial = clean(serial);
        manufacturer = clean(manufacturer);
        product = clean(product);
        macs = macs == null ? List.of() : List.copyOf(macs);
        uuid = clean(uuid).toLowerCase(Locale.ROOT);
        arch = clean(arch);
    }

    /** Facts without a UUID or architecture (an intermediate script that does not send them). */
    public MachineFacts(String serial, String manufacturer, String product, List<MacAddress> macs) {
        this(serial, manufacturer, product, macs, "", "");
    }

    /** How many NICs the machine reported. */
    public int nicCount() {
        return macs.size();
    }

    /** One log line per event: nothing from a client that could break a line. */
    private static String clean(String s) {
        return OneLine.of(s, 200);
    }
}
