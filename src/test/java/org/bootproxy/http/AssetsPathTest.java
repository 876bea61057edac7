package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a path may name is support's RootName/ConfinedRoot (tested there); the content type is the handler's. */
class AssetsPathTest {

    @Test
    void contentTypeFollowsTheExtension() {
        assertThat(FileSender.contentType(Path.of("vmlinuz"))).isEqualTo("application/octet-stream");
        assertThat(FileSender.contentType(Path.of("boot.IPXE"))).startsWith("text/plain");
        assertThat(FileSender.contentType(Path.of("x.iso"))).isEqualTo("application/x-iso9660-image");
    }
}
