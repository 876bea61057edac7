package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MemoryBuildStates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UEFI HTTP Boot: the firmware's HTTP client and shim fetch boot loaders from /httpboot/ and /EFI/ (smart-proxy's
 * httpboot module, modules/httpboot/http_config.ru, maps /EFI/BOOT and /EFI to the root as well), and a GRUB with
 * the http module reads the same rendered configs TFTP serves.
 */
class UefiHttpBootTest {
    @TempDir
    Path tmp;
    private HttpFixture app;
    private Path root;

    @BeforeEach
    void serveTftpRoot() throws Exception {
        root = Files.createDirectories(tmp.resolve("tftpboot"));
        Files.createDirectories(root.resolve("grub2"));
        Files.writeString(root.resolve("grub2/shimx64.efi"), "shim\n");
        Files.writeString(root.resolve("grub2/grubx64.efi"), "grub\n");
        Files.writeString(root.resolve("ipxe-x64.efi"), "ipxe\n");
        app = new HttpFixture(new FixedInventory(Hosts.WEB01, Hosts.DB01), new EchoRenderer(), new MemoryBuildStates(),
                HttpSettingsBuilder.loopback().httpboot(root).build(), HttpExtensions.NONE);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** The request's event: recorded when the answer has been sent. */
    private BootEvent eventAbout(String detail) throws InterruptedException {
        return app.events.await(e -> e.detail().equals(detail));
    }

    @Test
    void shimsDoubleSlashFindsGrubBesideIt() throws Exception {
        assertThat(app.get("/httpboot/grub2/shimx64.efi").body()).isEqualTo("shim\n");
        HttpResponse<String> grub = app.get("/httpboot/grub2//grubx64.efi");
        assertThat(grub.statusCode()).isEqualTo(200);
        assertThat(grub.body()).isEqualTo("grub\n");
        assertThat(app.get("/httpboot/ipxe-x64.efi").body()).isEqualTo("ipxe\n");
    }

    @Test
    void efiAndEfiBootAreTheTftpRootToo() throws Exception {
        assertThat(app.get("/EFI/grub2/shimx64.efi").body()).isEqualTo("shim\n");
        assertThat(app.get("/EFI/BOOT/grub2/grubx64.efi").body()).isEqualTo("grub\n");
        assertThat(app.get("/EFI/BOOT/ipxe-x64.efi").body()).isEqualTo("ipxe\n");
        assertThat(app.head("/EFI/ipxe-x64.efi").headers().firstValue("Content-Length")).hasValue("5");
        assertThat(app.get("/EFI/BOOT/../../etc/passwd").statusCode()).isIn(400, 403, 404);
    }

    @Test
    void grubReadsTheConfigsTftpRendersOverHttp() throws Exception {
        HttpResponse<String> entry = app.get("/httpboot/grub/grub.cfg");
        assertThat(entry.statusCode()).isEqualTo(200);
        assertThat(entry.body()).contains("template=grub2/default");
        HttpResponse<String> host = app.get("/httpboot/grub2/grub.cfg-" + Hosts.WEB01_MAC.colons());
        assertThat(host.statusCode()).isEqualTo(200);
        assertThat(host.body()).contains("template=grub2/kickstart").contains("host=web01.example.com");
        BootEvent e = eventAbout("grub2/kickstart");
        assertThat(e.stage()).isEqualTo("httpboot");
        assertThat(e.mac()).isEqualTo(Hosts.WEB01_MAC.colons());
        assertThat(e.fields()).containsEntry("host", "web01.example.com");
        assertThat(app.get("/httpboot/host-config/52-54-00-bb-00-01/grub2/grub.cfg").body())
                .contains("template=grub2/localboot").contains("host=db01.example.com");
        HttpResponse<String> head = app.head("/httpboot/grub2/grub.cfg-01-52-54-00-aa-00-01");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aHostFoldersBootLoaderIsTheFileSmartProxyWouldLinkTo() throws Exception {
        String folder = "/httpboot/host-config/52-54-00-aa-00-01/grub2/";
        assertThat(app.get(folder + "shimx64.efi").body()).isEqualTo("shim\n");
        assertThat(app.get(folder + "boot.efi").body()).isEqualTo("grub\n");
        assertThat(app.get(folder + "/grubx64.efi").body()).isEqualTo("grub\n");
        assertThat(eventAbout("host-config/52-54-00-aa-00-01/grub2/grubx64.efi -> grub2/grubx64.efi").fields())
                .containsEntry("host", "web01.example.com");
    }

    @Test
    void anUnknownMacsFolderIsNotFoundWithTheReason() throws Exception {
        HttpResponse<String> r = app.get("/httpboot/host-config/52-54-00-ff-ff-ff/grub2/shimx64.efi");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no host has MAC 52:54:00:ff:ff:ff");
        assertThat(app.get("/httpboot/grub2/grub.cfg-" + Hosts.UNKNOWN_MAC.colons()).statusCode()).isEqualTo(404);
        assertThat(app.get("/httpboot/nothing.efi").statusCode()).isEqualTo(404);
    }

    @Test
    void aFileInTheRootWinsOverTheRenderedOne() throws Exception {
        Files.writeString(root.resolve("grub2/grub.cfg-" + Hosts.WEB01_MAC.colons()), "pushed by foreman\n");
        assertThat(app.get("/httpboot/grub2/grub.cfg-" + Hosts.WEB01_MAC.colons()).body()).isEqualTo("pushed by foreman\n");
    }
}
