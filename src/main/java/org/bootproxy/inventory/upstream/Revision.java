package org.bootproxy.inventory.upstream;

import org.bootproxy.support.Sha256;

/** A short content hash for {@code Host.revision}: changes whenever one of the parts changes. */
public final class Revision {

    private Revision() {
    }

    /** {@code prefix} and the first 8 bytes, in hex, of the SHA-256 of the parts. */
    public static String of(String prefix, String... parts) {
        return prefix + Sha256.ofParts(parts).prefix(8);
    }
}
