package org.bootproxy.inventory.cmdb;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.inventory.HostInventoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inventory contract, against the home-grown CMDB of docs/upstream.md, configured by that very example. */
class CmdbInventoryContractTest extends HostInventoryContract {

    @RegisterExtension
    static WireMockExtension cmdb = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<CmdbInventory> opened = new ArrayList<>();

    @Override
    protected HostInventory inventoryWith(List<Host> hosts) {
        cmdb.resetAll();
        HomegrownStubs.serve(cmdb::stubFor, hosts);
        var inv = new CmdbInventory(DocExamples.cmdb("homegrown",
                Map.of("https://hostdb.example.com", cmdb.baseUrl(), "${HOSTDB_TOKEN}", "s3cret")));
        opened.add(inv);
        return inv;
    }

    @AfterEach
    void close() {
        opened.forEach(CmdbInventory::close);
    }
}
