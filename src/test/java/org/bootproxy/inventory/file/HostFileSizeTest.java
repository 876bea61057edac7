package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.fakes.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 4 of issue 9: a 5 MB host file stalled every MAC lookup for seconds and a 60 MB one ran the heap
 * out, re-parsed lookup after lookup. Now a file over the limit is refused without being read, and a file
 * is parsed once per change.
 */
class HostFileSizeTest {

    static final MacAddress WEB01_MAC = MacAddress.parse("52:54:00:aa:00:01");
    static final MacAddress HUGE_MAC = MacAddress.parse("52:54:00:99:00:01");
    static final long LIMIT = 64 * 1024;

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.now();

    /** A valid host file of about {@code bytes} bytes: one host with a great many parameters. */
    static String hugeHost(long bytes) {
        StringBuilder b = new StringBuilder(FileInventoryTest.host("huge.example.com", "52:54:00:99:00:01", "params:\n"));
        for (int i = 0; b.length() < bytes; i++) {
            b.append("  p").append(i).append(": value-").append(i).append("-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n");
        }
        return b.toString();
    }

    FileInventory inventory() {
        return new FileInventory(dir, clock, Duration.ZERO, LIMIT); // ZERO: the watch looks at the directory every tick
    }

    @Test
    void fileOverTheLimitIsRefusedUnreadNamingFileSizeAndLimit() throws Exception {
        Files.writeString(dir.resolve("web01.yaml"), FileInventoryTest.host("web01.example.com", "52:54:00:aa:00:01", ""));
        Path huge = Files.writeString(dir.resolve("huge.yaml"), hugeHost(5_000_000));
        long size = Files.size(huge);

        FileInventory inv = inventory();

        assertThat(inv.findByMac(HUGE_MAC)).as("valid YAML, but never parsed").isEmpty();
        assertThat(inv.findByMac(WEB01_MAC)).map(Host::name).contains("web01.example.com");
        assertThat(inv.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(huge);
            assertThat(p.message()).isEqualTo("the file is " + size + " bytes, over the limit of 65536 bytes"
                    + " (inventory.host_file_max_bytes), so it was not read: a host file holds one host in a few KiB;"
                    + " split it, or raise the limit");
        });
        assertThat(inv.describe()).endsWith("(1 host, 1 broken)");
    }

    @Test
    void fileAtTheLimitIsRead() throws Exception {
        String text = hugeHost(LIMIT - 200);
        Files.writeString(dir.resolve("big.yaml"), text);
        assertThat(text.length()).isLessThanOrEqualTo((int) LIMIT);
        assertThat(inventory().findByMac(HUGE_MAC)).map(Host::name).contains("huge.example.com");
    }

    @Test
    void fileThatGrowsPastTheLimitKeepsServingItsLastGoodVersion() throws Exception {
        Path file = Files.writeString(dir.resolve("huge.yaml"), FileInventoryTest.host("huge.example.com", "52:54:00:99:00:01",
                "params:\n  kernelcmd: good\n"));
        FileInventory inv = inventory();
        Files.writeString(file, hugeHost(200_000).replace("params:\n", "params:\n  kernelcmd: grown\n"),
                StandardOpenOption.TRUNCATE_EXISTING);
        inv.rescanWhenDue(); // what the site's watch does on its next tick

        assertThat(inv.findByMac(HUGE_MAC).orElseThrow().param("kernelcmd")).contains("good");
        assertThat(inv.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("over the limit"));

        Files.writeString(file, FileInventoryTest.host("huge.example.com", "52:54:00:99:00:01", "params:\n  kernelcmd: fixed\n"),
                StandardOpenOption.TRUNCATE_EXISTING);
        inv.rescanWhenDue(); // what the site's watch does on its next tick
        assertThat(inv.findByMac(HUGE_MAC).orElseThrow().param("kernelcmd")).contains("fixed");
        assertThat(inv.problems()).isEmpty();
    }

    @Test
    void fileIsParsedOncePerChangeNotPerLookup() throws Exception {
        Path file = Files.writeString(dir.resolve("web01.yaml"), FileInventoryTest.host("web01.example.com", "52:54:00:aa:00:01",
                "params:\n  kernelcmd: one\n"));
        FileInventory inv = inventory();
        Host first = inv.findByMac(WEB01_MAC).orElseThrow();
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(1));
            inv.rescanWhenDue();
            // the very same object: nothing was parsed again (a parse makes a new Host)
            assertThat(inv.findByMac(WEB01_MAC).orElseThrow()).isSameAs(first);
        }

        Files.writeString(file, FileInventoryTest.host("web01.example.com", "52:54:00:aa:00:01", "params:\n  kernelcmd: two\n"),
                StandardOpenOption.TRUNCATE_EXISTING);
        inv.rescanWhenDue(); // what the site's watch does on its next tick
        Host second = inv.findByMac(WEB01_MAC).orElseThrow();
        assertThat(second.param("kernelcmd")).contains("two");
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(1));
            inv.rescanWhenDue();
            assertThat(inv.findByMac(WEB01_MAC).orElseThrow()).isSameAs(second);
        }
    }
}
