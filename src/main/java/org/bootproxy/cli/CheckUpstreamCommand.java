package org.bootproxy.cli;

import java.util.concurrent.Callable;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.config.Overrides;
import org.bootproxy.inventory.UpstreamCheck;
import org.bootproxy.inventory.upstream.UpstreamInventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bootproxy check-upstream}: ask Foreman or the CMDB about one MAC and show every step. */
@Command(name = "check-upstream", mixinStandardHelpOptions = true,
        description = {
            "Ask the configured upstream inventory (inventory.type foreman or cmdb) for one MAC, bypassing the "
                + "cache: prints each request and the raw answer, then the host it maps to, or the precise reason it "
                + "failed (DNS, TLS, 401, 404, timeout, a mapping error naming the field).",
            "Exit code: 0 found, 1 not found upstream, 2 bad arguments or config, 3 upstream failed."})
final class CheckUpstreamCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--mac", required = true, paramLabel = "MAC", description = "MAC of any of the host's NICs")
    String mac;

    @Override
    public Integer call() throws Exception {
        MacAddress m = MacAddress.tryParse(mac).orElse(null);
        if (m == null) {
            System.err.println("error: --mac '" + mac + "' is not a MAC address (expected e.g. 52:54:00:12:34:56)");
            return 2;
        }
        try (UpstreamInventory upstream = InventoryWiring.upstream(common.resolve(Overrides.NONE).inventory())) {
            return new UpstreamCheck(upstream).run(m, System.out);
        }
    }
}
