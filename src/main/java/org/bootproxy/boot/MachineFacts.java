package org.bootproxy.boot;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bootproxy.support.OneLine;

/**
 * What a machine says about itself: iPXE's SMBIOS settings ({@code ${serial}}, {@code ${manufacturer}},
 * {@code ${product}}, {@code ${uuid}}), its build ({@code ${buildarch}}: i386, x86_64, arm64 …; {@code ${platform}}:
 * pcbios, efi), every MAC the intermediate script saw and the one whose NIC it last configured ({@code bootif}),
 * all sent by the intermediate script. Every text is "" when not reported, never null, so templates can use them
 * directly; profiles select on them ({@link Selector}).
 */
public record MachineFacts(String serial, String manufacturer, String product, String uuid, String arch,
                           String platform, List<MacAddress> macs, Optional<MacAddress> bootif) {
    public static final MachineFacts NONE = new MachineFacts("", "", "", List.of());

    public MachineFacts {
        serial = clean(serial);
        manufacturer = clean(manufacturer);
        product = clean(product);
        uuid = clean(uuid).toLowerCase(Locale.ROOT);
        arch = clean(arch);
        platform = clean(platform);
        macs = macs == null ? List.of() : List.copyOf(macs);
        bootif = bootif == null ? Optional.empty() : bootif;
    }

    /** The SMBIOS identity without build details (what templates and older callers know). */
    public MachineFacts(String serial, String manufacturer, String product, List<MacAddress> macs) {
        this(serial, manufacturer, product, "", "", "", macs, Optional.empty());
    }

    /** How many NICs the machine reported. */
    public int nicCount() {
        return macs.size();
    }

    /** One log line per event: nothing from a client that could break a line. */
    private static String clean(String s) {
        return OneLine.of(s, 200);
    }

    /** True when the machine reported nothing about its hardware (MACs aside). */
    public boolean hardwareUnknown() {
        return serial.isEmpty() && manufacturer.isEmpty() && product.isEmpty() && uuid.isEmpty();
    }
}
