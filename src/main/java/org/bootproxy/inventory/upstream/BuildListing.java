package org.bootproxy.inventory.upstream;

import java.util.List;
import java.util.Objects;
import org.bootproxy.boot.Host;

/**
 * An upstream that can list the hosts it has in build, so they are in the cache before they power on
 * ({@code inventory.cache.sync_interval}). Foreman can (a search for {@code build=true}, page by page); a CMDB cannot.
 */
public interface BuildListing {

    /**
     * One host in build as the listing shows it.
     *
     * @param id          the upstream's id of the host, to {@link #load} it
     * @param name        its name, for logs
     * @param fingerprint changes whenever anything bootproxy makes of the host may have changed (its update time,
     *                    build flag, token, parameters, operating system, medium, subnet): an unchanged fingerprint
     *                    means the host loaded before is still right, and costs no further request
     */
    record Listed(String id, String name, String fingerprint) {
        public Listed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(fingerprint, "fingerprint");
            name = name == null ? "" : name;
        }
    }

    /** Every host in build now, page by page. */
    List<Listed> listInBuild();

    /** One listed host with everything a lookup by MAC would give (interfaces, parameters, OS, medium, subnet). */
    Host load(String id);

    /** How many HTTP requests this upstream has sent so far (what a sync costs it). */
    long requestsSent();
}
