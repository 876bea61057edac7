package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssetsPathTest {

    @Test
    void segmentsAreDecodedOnce() {
        assertThat(AssetsHandler.segments("alma/9/vmlinuz")).contains(List.of("alma", "9", "vmlinuz"));
        assertThat(AssetsHandler.segments("a%20b/c+d//e")).contains(List.of("a b", "c+d", "e"));
        assertThat(AssetsHandler.segments("%2525")).contains(List.of("%25"));
    }

    @Test
    void dotSegmentsAndHiddenSeparatorsAreRefused() {
        for (String bad : new String[] {"..", "a/../b", "%2e%2e", "%2E.", "a%2fb", "a%5cb", "%00", ".", "a/%2e/b", "%zz", "%4"}) {
            assertThat(AssetsHandler.segments(bad)).as(bad).isEmpty();
        }
        assertThat(AssetsHandler.segments("")).isEmpty();
    }

    @Test
    void contentTypeFollowsTheExtension() {
        assertThat(FileSender.contentType(Path.of("vmlinuz"))).isEqualTo("application/octet-stream");
        assertThat(FileSender.contentType(Path.of("boot.IPXE"))).startsWith("text/plain");
        assertThat(FileSender.contentType(Path.of("x.iso"))).isEqualTo("application/x-iso9660-image");
    }
}
