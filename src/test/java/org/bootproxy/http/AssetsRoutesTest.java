package org.bootproxy.http;

import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.EmptyInventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.http.Answers.assertOneLineText;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /pub/* through real HTTP: whole files, ranges, and every way out of the assets directory. */
class AssetsRoutesTest {
    @TempDir
    Path tmp;
    private Path assets;
    private byte[] kernel;
    private HttpFixture app;

    @BeforeEach
    void serveAssets() throws Exception {
        assets = Files.createDirectories(tmp.resolve("assets"));
        kernel = new byte[300 * 1024 + 7]; // several write chunks, not a round number
        new Random(42).nextBytes(kernel);
        Files.createDirectories(assets.resolve("alma/9"));
        Files.write(assets.resolve("alma/9/vmlinuz"), kernel);
        Files.setLastModifiedTime(assets.resolve("alma/9/vmlinuz"), FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
        Files.writeString(assets.resolve("readme.txt"), "hello\n");
        Files.writeString(assets.resolve(".secret"), "hidden\n");
        Files.writeString(tmp.resolve("outside.txt"), "outside the assets directory\n");
        Files.createSymbolicLink(assets.resolve("escape"), tmp.resolve("outside.txt"));
        Files.createSymbolicLink(assets.resolve("escape-dir"), tmp);
        Files.createSymbolicLink(assets.resolve("current"), assets.resolve("alma/9"));
        app = new HttpFixture(new EmptyInventory(), new EchoRenderer(), new MemoryBuildStates(),
                HttpSettingsBuilder.loopback().assets(assets).build(), HttpExtensions.NONE);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void servesAWholeFileWithLengthAndLastModified() throws Exception {
        HttpResponse<byte[]> r = app.getBytes("/pub/alma/9/vmlinuz");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(kernel);
        assertThat(r.headers().firstValue("Content-Length")).contains(String.valueOf(kernel.length));
        assertThat(r.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(r.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(r.headers().firstValue("Last-Modified")).contains("Fri, 2 Jan 2026 03:04:05 GMT");
    }

    @Test
    void textFilesAreServedAsText() throws Exception {
        var r = app.get("/pub/readme.txt");
        assertThat(r.body()).isEqualTo("hello\n");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    }

    @Test
    void rangeGetsPartialContent() throws Exception {
        HttpResponse<byte[]> r = app.getBytes("/pub/alma/9/vmlinuz", "Range", "bytes=100-199");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(kernel, 100, 200));
        assertThat(r.headers().firstValue("Content-Range")).contains("bytes 100-199/" + kernel.length);
        assertThat(r.headers().firstValue("Content-Length")).contains("100");
    }

    @Test
    void openAndSuffixRangesGetTheTail() throws Exception {
        int n = kernel.length;
        assertThat(app.getBytes("/pub/alma/9/vmlinuz", "Range", "bytes=" + (n - 10) + "-").body())
                .isEqualTo(Arrays.copyOfRange(kernel, n - 10, n));
        HttpResponse<byte[]> suffix = app.getBytes("/pub/alma/9/vmlinuz", "Range", "bytes=-5");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(kernel, n - 5, n));
    }

    @Test
    void rangeBeyondTwoGibibytesOfAnIsoIsServed() throws Exception {
        long size = 3L << 30; // sparse: takes no disk space, but offsets no longer fit in an int
        try (var f = new java.io.RandomAccessFile(assets.resolve("big.iso").toFile(), "rw")) {
            f.setLength(size);
            f.seek(size - 3);
            f.write(new byte[] {1, 2, 3});
        }
        HttpResponse<byte[]> r = app.getBytes("/pub/big.iso", "Range", "bytes=" + (size - 5) + "-");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.body()).containsExactly(0, 0, 1, 2, 3);
        assertThat(r.headers().firstValue("Content-Range")).contains("bytes " + (size - 5) + "-" + (size - 1) + "/" + size);
        assertThat(app.head("/pub/big.iso").headers().firstValue("Content-Length")).contains(String.valueOf(size));
    }

    @Test
    void rangePastTheEndIsNotSatisfiable() throws Exception {
        var r = app.get("/pub/alma/9/vmlinuz", "Range", "bytes=" + kernel.length + "-");
        assertOneLineText(r, 416);
        assertThat(r.headers().firstValue("Content-Range")).contains("bytes */" + kernel.length);
    }

    @Test
    void rangeOnAChangedFileGetsTheWholeFile() throws Exception {
        HttpResponse<byte[]> r = app.getBytes("/pub/alma/9/vmlinuz", "Range", "bytes=0-9",
                "If-Range", "Thu, 1 Jan 2026 00:00:00 GMT");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).hasSize(kernel.length);
    }

    @Test
    void unchangedFileIsNotSentAgain() throws Exception {
        String since = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.parse("2026-01-02T03:04:05Z").atZone(ZoneOffset.UTC));
        var r = app.get("/pub/alma/9/vmlinuz", "If-Modified-Since", since);
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void headGivesTheHeadersWithoutTheBody() throws Exception {
        var r = app.head("/pub/alma/9/vmlinuz");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Length")).contains(String.valueOf(kernel.length));
        assertThat(r.body()).isEmpty();
    }

    @Test
    void symlinkInsideTheDirectoryIsFollowed() throws Exception {
        assertThat(app.getBytes("/pub/current/vmlinuz").body()).isEqualTo(kernel);
    }

    @Test
    void missingFileAndDirectoryAreNotFound() throws Exception {
        assertOneLineText(app.get("/pub/alma/9/initrd.img"), 404);
        var dir = app.get("/pub/alma");
        assertOneLineText(dir, 404);
        assertThat(dir.body()).contains("directory").doesNotContain("vmlinuz");
    }

    @Test
    void hiddenFilesAreNotServed() throws Exception {
        assertOneLineText(app.get("/pub/.secret"), 404);
    }

    @Test
    void dotDotCannotLeaveTheDirectory() throws Exception {
        for (String path : new String[] {"/pub/../pom.xml", "/pub/alma/../../outside.txt", "/pub/%2e%2e/outside.txt",
                "/pub/%2E%2E/%2e%2e/pom.xml", "/pub/alma%2f..%2f..%2foutside.txt", "/pub/..%5coutside.txt",
                "/pub/alma/9/%2e%2e/%2e%2e/%2e%2e/outside.txt", "/pub/%zz"}) {
            String answer = app.rawGet(path);
            assertThat(answer).as(path).matches("(?s)HTTP/1\\.1 40[034] .*")
                    .contains("Content-Type: text/plain").doesNotContain("outside the assets").doesNotContain("<html");
        }
    }

    @Test
    void symlinkLeadingOutsideIsRefused() throws Exception {
        var file = app.get("/pub/escape");
        assertOneLineText(file, 403);
        assertThat(file.body()).contains("symlink");
        assertOneLineText(app.get("/pub/escape-dir/outside.txt"), 403);
    }

    @Test
    void withoutAnAssetsDirectoryPubIsNotFound() throws Exception {
        try (var bare = new HttpFixture(new EmptyInventory())) {
            assertOneLineText(bare.get("/pub/readme.txt"), 404);
        }
    }

    @Test
    void transfersAreRecordedAsBootEvents() throws Exception {
        app.get("/pub/readme.txt");
        var e = app.events.awaitStage("pub");
        assertThat(e.detail()).isEqualTo("readme.txt");
        assertThat(e.outcome()).isEqualTo("200");
    }

    @Test
    void missingAssetsDirectoryFailsAtStartWithAClearMessage() {
        var settings = HttpSettingsBuilder.loopback().assets(tmp.resolve("no-such-dir")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HttpFixture(new EmptyInventory(), new EchoRenderer(),
                        new MemoryBuildStates(), settings, HttpExtensions.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-dir").hasMessageContaining("does not exist");
    }

    @Test
    void fileNamesAreDecodedOnce() throws Exception {
        Files.writeString(assets.resolve("a b+c.txt"), "spaced\n", StandardCharsets.UTF_8);
        assertThat(app.get("/pub/a%20b+c.txt").body()).isEqualTo("spaced\n");
        assertOneLineText(app.get("/pub/a%2520b+c.txt"), 404);
    }
}
