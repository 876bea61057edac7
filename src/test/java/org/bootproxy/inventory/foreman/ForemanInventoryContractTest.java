package org.bootproxy.inventory.foreman;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.inventory.HostInventoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inventory contract, against Foreman API v2 stubs made from the fixture hosts. */
class ForemanInventoryContractTest extends HostInventoryContract {

    @RegisterExtension
    static WireMockExtension foreman = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<ForemanInventory> opened = new ArrayList<>();

    @Override
    protected HostInventory inventoryWith(List<Host> hosts) {
        foreman.resetAll();
        new ForemanStubs(foreman::stubFor).serve(hosts);
        var inv = new ForemanInventory(ForemanSettingsBuilder.foremanAt(foreman.baseUrl()).build());
        opened.add(inv);
        return inv;
    }

    @AfterEach
    void close() {
        opened.forEach(ForemanInventory::close);
    }
}
