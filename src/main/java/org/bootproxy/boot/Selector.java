package org.bootproxy.boot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A fact a profile for unknown machines can select on: what the intermediate iPXE script reports. Each is written
 * in a profile's {@code match:} map as {@code key: pattern} ({@link Glob}: exact, or with {@code * ? [..]}).
 * A selector on a fact the machine did not report never matches.
 */
public enum Selector {
    /** iPXE's build architecture ({@code ${buildarch}}): x86_64, i386, arm64 */
    ARCH("arch"),
    /** SMBIOS manufacturer, e.g. {@code Dell Inc.}, {@code QEMU} */
    MANUFACTURER("manufacturer"),
    /** SMBIOS product name, e.g. {@code PowerEdge R640} */
    PRODUCT("product"),
    /** SMBIOS serial number */
    SERIAL("serial"),
    /** SMBIOS system UUID */
    UUID("uuid"),
    /** the start of any of the machine's MACs, e.g. {@code b8:ca:3a} (a vendor's OUI), in any MAC spelling */
    MAC_PREFIX("mac_prefix"),
    /** how many NICs the machine has, e.g. {@code 4} or {@code [2-4]} */
    NICS("nics");

    private final String key;

    Selector(String key) {
        this.key = key;
    }

    /** The key in a profile's {@code match:} map. */
    public String key() {
        return key;
    }

    public static Optional<Selector> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static String keys() {
        return Arrays.stream(values()).map(Selector::key).collect(Collectors.joining(", "));
    }

    /** The fact as text ("" when not reported); for {@link #MAC_PREFIX} see {@link #matches}. */
    public String value(MachineFacts facts) {
        return switch (this) {
            case ARCH -> facts.arch();
            case MANUFACTURER -> facts.manufacturer();
            case PRODUCT -> facts.product();
            case SERIAL -> facts.serial();
            case UUID -> facts.uuid();
            case MAC_PREFIX -> String.join(",", facts.macs().stream().map(MacAddress::colons).toList());
            case NICS -> facts.nicCount() == 0 ? "" : String.valueOf(facts.nicCount());
        };
    }

    /** Whether the machine's fact matches {@code pattern}. */
    public boolean matches(Glob pattern, MachineFacts facts) {
        if (this == MAC_PREFIX) {
            String prefix = macHex(pattern.text());
            return facts.macs().stream().anyMatch(m -> macHex(m.colons()).startsWith(prefix));
        }
        String value = value(facts);
        return !value.isEmpty() && pattern.matches(value);
    }

    /** Whether one machine could match both patterns. */
    public boolean overlaps(Glob a, Glob b) {
        if (this == MAC_PREFIX) {
            String x = macHex(a.text());
            String y = macHex(b.text());
            return x.startsWith(y) || y.startsWith(x);
        }
        return a.overlaps(b);
    }

    /**
     * Checks a pattern written for this selector; the message says what is wrong.
     *
     * @throws IllegalArgumentException when it cannot match anything sensible
     */
    public Glob pattern(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(key + ": give a value or a pattern (* ? [..]), e.g. " + example());
        }
        if (this == MAC_PREFIX) {
            String hex = macHex(t);
            if (hex.isEmpty() || hex.length() > 12 || !t.matches("[0-9A-Fa-f:.-]+")) {
                throw new IllegalArgumentException(key + ": '" + t + "' is not the start of a MAC address (hex digits,"
                        + " optionally separated by : - or .), e.g. b8:ca:3a");
            }
        }
        try {
            return new Glob(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    private String example() {
        return switch (this) {
            case ARCH -> "x86_64";
            case MANUFACTURER -> "Dell Inc.";
            case PRODUCT -> "PowerEdge R6*";
            case SERIAL -> "CZ2*";
            case UUID -> "4c4c4544-*";
            case MAC_PREFIX -> "b8:ca:3a";
            case NICS -> "4";
        };
    }

    private static String macHex(String mac) {
        return mac.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
    }
}
