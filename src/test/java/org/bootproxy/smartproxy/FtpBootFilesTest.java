package org.bootproxy.smartproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockftpserver.fake.FakeFtpServer;
import org.mockftpserver.fake.UserAccount;
import org.mockftpserver.fake.filesystem.DirectoryEntry;
import org.mockftpserver.fake.filesystem.FileEntry;
import org.mockftpserver.fake.filesystem.UnixFakeFileSystem;

/**
 * {@code ftp://} installation media: smart-proxy hands http, https and ftp URLs alike to its downloader
 * (theforeman/smart-proxy {@code modules/tftp/server.rb}, {@code choose_protocol_and_fetch}: {@code when 'http',
 * 'https', 'ftp'}), which fetches with curl ({@code lib/proxy/http_download.rb}: {@code --remote-time --time-cond}),
 * and names the file {@code prefix-basename} ({@code boot_filename}). Here against a real FTP server on loopback.
 */
class FtpBootFilesTest {
    @TempDir
    Path dir;
    Path root;
    FakeFtpServer ftp;
    ExecutorService pool;
    BootFileFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectories(dir.resolve("tftpboot"));
        UnixFakeFileSystem files = new UnixFakeFileSystem();
        files.add(new DirectoryEntry("/pub/alma/images/pxeboot"));
        FileEntry kernel = new FileEntry("/pub/alma/images/pxeboot/vmlinuz", "kernel over ftp");
        kernel.setLastModified(Date.from(Instant.parse("2024-10-15T07:28:00Z")));
        files.add(kernel);
        files.add(new DirectoryEntry("/home/media"));
        files.add(new FileEntry("/home/media/initrd.img", "initrd for a user"));
        ftp = new FakeFtpServer();
        ftp.setServerControlPort(0);
        ftp.setFileSystem(files);
        UserAccount anonymous = new UserAccount("anonymous", "", "/");
        anonymous.setPasswordRequiredForLogin(false);
        ftp.addUserAccount(anonymous);
        ftp.addUserAccount(new UserAccount("media", "s3cret", "/home/media"));
        ftp.start();
        pool = Executors.newFixedThreadPool(2);
        var timeouts = new SmartProxySettings.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30),
                1, Duration.ofMillis(10));
        fetcher = new BootFileFetcher(new TftpRootFiles(root), HttpClient.newHttpClient(),
                new SmartProxySettings.Downloads(Duration.ofSeconds(3), true), timeouts, pool);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        ftp.stop();
    }

    private String base() {
        return "ftp://127.0.0.1:" + ftp.getServerControlPort();
    }

    private Path fetched(String prefix, String url) throws Exception {
        return fetcher.fetch(prefix, url).orElseThrow().get(30, TimeUnit.SECONDS);
    }

    @Test
    void anFtpKernelIsDownloadedAnonymouslyAndNamedAsSmartProxyNamesIt() throws Exception {
        Path file = fetched("boot/alma-9-abc", base() + "/pub/alma/images/pxeboot/vmlinuz");

        assertThat(file).isEqualTo(root.resolve("boot/alma-9-abc-vmlinuz")).hasContent("kernel over ftp");
        try (var left = Files.list(root.resolve("boot"))) {
            assertThat(left).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void theUserAndPasswordOfTheUrlLogInAndThePathIsRelativeToTheLoginFolder() throws Exception {
        assertThat(fetched("boot/u-", base().replace("ftp://", "ftp://media:s3cret@") + "/initrd.img"))
                .hasContent("initrd for a user");
    }

    @Test
    void aMissingFileIsAFailureNotRetriedAndLeavesNothing() {
        assertThatThrownBy(() -> fetched("boot/x", base() + "/pub/alma/images/pxeboot/nothing"))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("550");
        assertThat(root.resolve("boot/x-nothing")).doesNotExist();
    }

    @Test
    void aRefusedLoginIsAFailure() {
        assertThatThrownBy(() -> fetched("boot/x", base().replace("ftp://", "ftp://media:wrong@") + "/initrd.img"))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("logging in as media");
    }

    @Test
    void aServerThatIsNotThereIsRetriedThenReported() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> fetched("boot/x", "ftp://127.0.0.1:" + port + "/vmlinuz"))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("Connect");
    }

    @Test
    void aLocalCopyIsReplacedByTheServersWhole() throws Exception {
        Path old = Files.createDirectories(root.resolve("boot")).resolve("alma-vmlinuz");
        Files.writeString(old, "an older kernel");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        assertThat(fetched("boot/alma", base() + "/pub/alma/images/pxeboot/vmlinuz")).hasContent("kernel over ftp");
    }
}
