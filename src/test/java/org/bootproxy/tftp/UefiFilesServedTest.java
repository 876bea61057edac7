package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bootproxy.boot.BootEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a UEFI machine booting shim and GRUB asks for: GRUB's entry config, a Foreman host folder's configs and
 * boot loaders for a host of the inventory (served without anything written there), and the installer's kernel
 * from the assets folder as {@code pub/<path>} (Debian's GRUB has no HTTP).
 */
class UefiFilesServedTest extends ServerHarness {

    /** web01 (AlmaLinux 9.4 x86_64, in build). */
    private static final String WEB01_FOLDER = "host-config/52-54-00-aa-00-01/grub2/";

    @TempDir
    Path assets;

    private String fetch(String name) throws Exception {
        try (RawClient c = client()) {
            return new String(c.download(name), StandardCharsets.UTF_8);
        }
    }

    private RawClient.Reply firstReply(String name) throws Exception {
        try (RawClient c = client()) {
            c.rrq(name);
            return c.next();
        }
    }

    private void startWithAssets() throws Exception {
        start(TestBoot.boot(), settings().pub(assets).build());
    }

    @Test
    void grubsEntryConfigsAreRenderedForAnyMachine() throws Exception {
        start();
        assertThat(fetch("grub/grub.cfg")).contains("template=grub2/default host=none");
        assertThat(fetch("/grub2/grub.cfg")).contains("template=grub2/default host=none");
    }

    @Test
    void aHostFoldersConfigsAreTheHostsGrubConfig() throws Exception {
        start();
        for (String name : new String[] {"grub.cfg", "grub.cfg-01-52-54-00-aa-00-01", "grub.cfg-52:54:00:aa:00:01"}) {
            assertThat(fetch(WEB01_FOLDER + name)).contains("template=grub2/chain-ipxe host=web01.example.com");
        }
        assertThat(eventFor(WEB01_FOLDER + "grub.cfg").mac()).isEqualTo("52:54:00:aa:00:01");
        assertThat(firstReply("host-config/52-54-00-ff-ff-ff/grub2/grub.cfg").errorCode()).isEqualTo(1);
    }

    @Test
    void aHostFoldersBootLoadersAreTheFilesSmartProxyWouldLinkTo() throws Exception {
        byte[] shim = file("grub2/shimx64.efi", 5000);
        byte[] grub = file("grub2/grubx64.efi", 7000);
        start();
        try (RawClient c = client()) {
            assertThat(c.download(WEB01_FOLDER + "shimx64.efi")).isEqualTo(shim);
            assertThat(c.download(WEB01_FOLDER + "boot-sb.efi")).isEqualTo(shim);
            assertThat(c.download(WEB01_FOLDER + "grubx64.efi")).isEqualTo(grub);
            assertThat(c.download(WEB01_FOLDER + "boot.efi")).isEqualTo(grub);
        }
        BootEvent e = eventFor(WEB01_FOLDER + "shimx64.efi");
        assertThat(e.fields()).containsEntry("source", "link").containsEntry("target", "grub2/shimx64.efi")
                .containsEntry("host", "web01.example.com");
        assertThat(firstReply(WEB01_FOLDER + "mmx64.efi").errorCode()).as("not one of the four default links").isEqualTo(1);
    }

    @Test
    void theHostsBootloaderUniverseWinsOverTheDefaultsAndIsNotMixedWithThem() throws Exception {
        file("grub2/shimx64.efi", 5000);
        byte[] almaShim = file("bootloader-universe/pxegrub2/almalinux/default/x86_64/shimx64.efi", 6000);
        byte[] releaseShim = file("bootloader-universe/pxegrub2/almalinux/9.4/x86_64/shimx64.efi", 6100);
        start();
        try (RawClient c = client()) {
            assertThat(c.download(WEB01_FOLDER + "shimx64.efi")).isEqualTo(releaseShim);
        }
        assertThat(almaShim).isNotEqualTo(releaseShim);
        RawClient.Reply r = firstReply(WEB01_FOLDER + "boot-sb.efi");
        assertThat(r.errorCode()).as("the universe has no boot-sb.efi, and smart-proxy would not link grub2/'s").isEqualTo(1);
        assertThat(eventFor(WEB01_FOLDER + "boot-sb.efi").fields().get("reason"))
                .contains("bootloader-universe/pxegrub2/almalinux/9.4/x86_64/boot-sb.efi");
    }

    @Test
    void aMissingLinkTargetSaysWhatToRun() throws Exception {
        Files.createDirectories(root.resolve("grub2"));
        start();
        assertThat(firstReply(WEB01_FOLDER + "shimx64.efi").errorCode()).isEqualTo(1);
        assertThat(eventFor(WEB01_FOLDER + "shimx64.efi").fields().get("reason"))
                .contains("grub2/shimx64.efi").contains("bootproxy bootfiles");
    }

    @Test
    void whatFormanWroteIntoTheFolderWins() throws Exception {
        file("grub2/shimx64.efi", 5000);
        byte[] pushed = file(WEB01_FOLDER + "shimx64.efi", 4000);
        start();
        try (RawClient c = client()) {
            assertThat(c.download(WEB01_FOLDER + "shimx64.efi")).isEqualTo(pushed);
        }
        assertThat(eventFor(WEB01_FOLDER + "shimx64.efi").fields()).containsEntry("source", "static");
    }

    @Test
    void theAssetsFolderIsServedAsPub() throws Exception {
        byte[] kernel = new byte[20_000];
        new java.util.Random(7).nextBytes(kernel);
        Files.createDirectories(assets.resolve("alma"));
        Files.write(assets.resolve("alma/vmlinuz"), kernel);
        startWithAssets();
        try (RawClient c = client()) {
            assertThat(c.download("pub/alma/vmlinuz", "blksize", "1024", "tsize", "0")).isEqualTo(kernel);
            assertThat(c.download("/pub/alma/vmlinuz")).isEqualTo(kernel);
        }
        assertThat(eventFor("pub/alma/vmlinuz").fields()).containsEntry("source", "pub");
        assertThat(firstReply("pub/alma/initrd.img").errorCode()).isEqualTo(1);
    }

    @Test
    void pubIsConfinedToTheAssetsFolder() throws Exception {
        Files.writeString(assets.getParent().resolve("secret-" + assets.getFileName()), "outside");
        Files.createSymbolicLink(assets.resolve("escape"), assets.getParent().resolve("secret-" + assets.getFileName()));
        startWithAssets();
        assertThat(firstReply("pub/escape").errorCode()).isEqualTo(2);
        assertThat(firstReply("pub/../secret").errorCode()).isEqualTo(2);
    }

    @Test
    void withoutAnAssetsFolderPubIsNotFound() throws Exception {
        start();
        assertThat(firstReply("pub/vmlinuz").errorCode()).isEqualTo(1);
    }
}
