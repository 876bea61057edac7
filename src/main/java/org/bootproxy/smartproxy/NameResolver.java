package org.bootproxy.smartproxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * DNS as {@code trusted_hosts} needs it over plain HTTP: the name of a client's address (its PTR record) and the
 * addresses of that name, to confirm it. {@link #SYSTEM} asks this machine's resolver (/etc/hosts, DNS).
 */
public interface NameResolver {

    /**
     * The name the address's reverse record gives.
     *
     * @return empty when the address has no name
     * @throws IOException when the resolver cannot be asked
     */
    Optional<String> nameOf(InetAddress address) throws IOException;

    /**
     * Every address the name resolves to.
     *
     * @return empty when the name does not resolve
     * @throws IOException when the resolver cannot be asked
     */
    List<InetAddress> addressesOf(String name) throws IOException;

    /**
     * This machine's resolver, through the JDK (its own cache of forward lookups applies). The JDK gives an address's
     * name only when the name resolves back to the address, so with it a name is always forward-confirmed.
     */
    NameResolver SYSTEM = new NameResolver() {
        @Override
        public Optional<String> nameOf(InetAddress address) throws IOException {
            String name = InetAddress.getByAddress(address.getAddress()).getCanonicalHostName();
            // the JDK answers the address itself when there is no (confirmed) reverse record
            return name.isEmpty() || name.equals(address.getHostAddress()) ? Optional.empty() : Optional.of(name);
        }

        @Override
        public List<InetAddress> addressesOf(String name) {
            try {
                return List.of(InetAddress.getAllByName(name));
            } catch (UnknownHostException e) {
                return List.of();
            }
        }

        @Override
        public String toString() {
            return "the system resolver";
        }
    };
}
