package org.bootproxy.inventory.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.inventory.HostInventoryContract;
import org.junit.jupiter.api.io.TempDir;

/** The file inventory passes the contract every backend must pass, with each host written as a YAML file. */
class FileInventoryContractTest extends HostInventoryContract {

    @TempDir
    Path tmp;

    @Override
    protected HostInventory inventoryWith(List<Host> hosts) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "hosts");
        for (Host h : hosts) {
            HostFileWriter.write(dir, h);
        }
        FileInventory inventory = new FileInventory(dir, Clock.systemUTC());
        if (!inventory.problems().isEmpty()) {
            throw new AssertionError("fixture hosts did not load: " + inventory.problems());
        }
        return inventory;
    }
}
