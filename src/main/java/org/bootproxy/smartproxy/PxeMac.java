package org.bootproxy.smartproxy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A MAC address as smart-proxy's TFTP API takes it in the path: six (Ethernet) or twenty (InfiniBand)
 * colon-separated octets of one or two hex digits, e.g. {@code aa:bb:cc:dd:ee:ff}. Normalised to lower case
 * with two digits per octet, the spelling pxelinux and GRUB ask for.
 *
 * @param colons the normalised address, e.g. {@code aa:bb:cc:dd:ee:ff}
 */
record PxeMac(String colons) {
    private static final Pattern ETHERNET = Pattern.compile("(?i)([0-9a-f]{1,2}:){5}[0-9a-f]{1,2}");
    private static final Pattern INFINIBAND = Pattern.compile("(?i)([0-9a-f]{1,2}:){19}[0-9a-f]{1,2}");

    PxeMac {
        if (colons == null || !(ETHERNET.matcher(colons).matches() || INFINIBAND.matcher(colons).matches())) {
            throw new IllegalArgumentException("Invalid MAC address: " + colons);
        }
        colons = Arrays.stream(colons.toLowerCase(Locale.ROOT).split(":"))
                .map(o -> o.length() == 1 ? "0" + o : o).collect(Collectors.joining(":"));
    }

    /** The MAC from the path, or empty when smart-proxy would answer 403 "Invalid MAC address". */
    static Optional<PxeMac> parse(String text) {
        try {
            return Optional.of(new PxeMac(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code aa-bb-cc-dd-ee-ff} */
    String hyphens() {
        return colons.replace(':', '-');
    }

    /** {@code AABBCCDDEEFF} */
    String bareUpper() {
        return colons.replace(":", "").toUpperCase(Locale.ROOT);
    }

    /** {@code AA-BB-CC-DD-EE-FF} */
    String hyphensUpper() {
        return hyphens().toUpperCase(Locale.ROOT);
    }
}
