package org.bootproxy.boot;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ethernet MAC address, normalised to lower case with colons ({@code aa:bb:cc:dd:ee:ff}).
 * Accepts the usual spellings: colons, hyphens, dots (Cisco), bare hex, upper or lower case,
 * and pxelinux's {@code 01-aa-bb-…} form (ARP type 1 prefix).
 */
public record MacAddress(String value) {

    private static final Pattern HEX12 = Pattern.compile("[0-9a-f]{12}");
    private static final Pattern MAC_AT_END =
            Pattern.compile("(01-[0-9a-fA-F]{2}(?:-[0-9a-fA-F]{2}){5}|[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})$");

    public MacAddress {
        value = normalize(value);
    }

    public static MacAddress parse(String text) {
        return new MacAddress(text);
    }

    public static Optional<MacAddress> tryParse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MacAddress(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String normalize(String text) {
        if (text == null) {
            throw new IllegalArgumentException("MAC address is missing");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        String hex = t.replaceAll("[:\\-.]", "");
        // pxelinux / BOOTIF spelling: 01-aa-bb-cc-dd-ee-ff (hardware type 01 = Ethernet)
        if (hex.length() == 14 && hex.startsWith("01") && (t.startsWith("01-") || t.startsWith("01:"))) {
            hex = hex.substring(2);
        }
        if (!HEX12.matcher(hex).matches() || !wellFormedSeparators(t)) {
            throw new IllegalArgumentException("not a MAC address: '" + text
                    + "' (expected six hex octets such as aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF or aabbccddeeff)");
        }
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    /** Rejects mixed or misplaced separators such as {@code aa:bb-cc…} or {@code a:abb:…}. */
    private static boolean wellFormedSeparators(String t) {
        String body = t;
        if (t.length() == 20 && t.startsWith("01")) {
            body = t.substring(3);
        }
        if (body.length() == 12) {
            return true;
        }
        if (body.length() == 17) {
            char sep = body.charAt(2);
            if (sep != ':' && sep != '-') {
                return false;
            }
            for (int i = 2; i < 17; i += 3) {
                if (body.charAt(i) != sep) {
                    return false;
                }
            }
            return true;
        }
        if (body.length() == 14) { // Cisco aabb.ccdd.eeff
            return body.charAt(4) == '.' && body.charAt(9) == '.';
        }
        return false;
    }

    /**
     * The MAC a boot file's name carries, for logs and events: the folder of a Foreman host folder
     * ({@code host-config/aa-bb-…/grub2/…}), else a MAC ending the name ({@code pxelinux.cfg/01-aa-bb-…},
     * {@code grub2/grub.cfg-aa:bb:…}); empty when it names none.
     */
    public static Optional<MacAddress> inFileName(String name) {
        Optional<HostConfigTree.Entry> folder = HostConfigTree.parse(name);
        if (folder.isPresent()) {
            return Optional.of(folder.get().mac());
        }
        Matcher m = MAC_AT_END.matcher(name);
        return m.find() ? tryParse(m.group(1)) : Optional.empty();
    }

    /** {@code aa:bb:cc:dd:ee:ff} */
    public String colons() {
        return value;
    }

    /** {@code aa-bb-cc-dd-ee-ff} */
    public String hyphens() {
        return value.replace(':', '-');
    }

    /** {@code aabbccddeeff} */
    public String bare() {
        return value.replace(":", "");
    }

    /** pxelinux's config file name and the kernel's {@code BOOTIF=} value: {@code 01-aa-bb-cc-dd-ee-ff}. */
    public String pxelinux() {
        return "01-" + hyphens();
    }

    @Override
    public String toString() {
        return value;
    }
}
