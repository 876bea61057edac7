package org.bootproxy.tftp;

/**
 * The local UDP ports transfer sockets may use, for firewalls that only open a known range
 * (tftp-hpa's {@code --port-range}). {@link #ANY} lets the kernel pick an ephemeral port.
 *
 * @param first lowest port, or 0 with {@code last} 0 for any
 * @param last  highest port, inclusive
 */
public record PortRange(int first, int last) {
    public static final PortRange ANY = new PortRange(0, 0);

    public PortRange {
        boolean any = first == 0 && last == 0;
        if (!any && (first < 1 || last > 65535 || first > last)) {
            throw new IllegalArgumentException("TFTP transfer port range must be FIRST-LAST within 1..65535 with FIRST <= LAST, not "
                    + first + "-" + last);
        }
    }

    public boolean isAny() {
        return first == 0 && last == 0;
    }

    public int size() {
        return isAny() ? 0 : last - first + 1;
    }

    @Override
    public String toString() {
        return isAny() ? "any" : first + "-" + last;
    }
}
