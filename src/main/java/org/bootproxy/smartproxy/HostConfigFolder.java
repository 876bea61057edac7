package org.bootproxy.smartproxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.HostConfigTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The boot loader links of a Foreman 3.14 host folder, {@code host-config/<aa-bb-…>/grub2/}, as smart-proxy's
 * {@code Pxegrub2#setup_bootloader} writes them (modules/tftp/server.rb, pull request 877): the folder's old
 * {@code *.efi} removed, then relative symlinks either to every {@code *.efi} of the host's bootloader universe
 * ({@code bootloader-universe/pxegrub2/<os>/<release|default>/<arch>/}) or, without one, {@code boot.efi} and
 * {@code grub<suffix>.efi} to {@code grub2/grub<suffix>.efi} and {@code boot-sb.efi} and {@code shim<suffix>.efi}
 * to {@code grub2/shim<suffix>.efi}. The names live in {@link HostConfigTree}; this writes them.
 */
final class HostConfigFolder {
    private static final Logger LOG = LoggerFactory.getLogger(HostConfigFolder.class);

    private final TftpRootFiles files;

    HostConfigFolder(TftpRootFiles files) {
        this.files = files;
    }

    /**
     * Links the host's boot loaders into its folder.
     *
     * @return link name in the folder → its target relative to the TFTP root, in the order written
     */
    Map<String, String> setUp(PxeMac mac, HostConfigTree.LoaderQuery query) throws IOException {
        String folder = HostConfigTree.folder(mac.hyphens());
        for (String old : files.list(folder).orElse(List.of())) {
            if (old.endsWith(".efi")) {
                files.delete(folder + "/" + old);
            }
        }
        Map<String, String> links = universe(query).orElseGet(() -> HostConfigTree.defaultLinks(query.bootfileSuffix()));
        Path folderPath = Path.of(folder);
        for (Map.Entry<String, String> link : links.entrySet()) {
            String relative = folderPath.relativize(Path.of(link.getValue())).toString();
            files.symlink(folder + "/" + link.getKey(), relative);
            if (!Files.exists(files.resolve(link.getValue()))) {
                LOG.warn("TFTP: {}/{} links to {}, which is not in the TFTP root yet: run 'bootproxy bootfiles' or put"
                        + " the boot loader there", folder, link.getKey(), link.getValue());
            }
        }
        return links;
    }

    /** Every {@code *.efi} of the first universe folder that exists, under its own name; empty without one. */
    private Optional<Map<String, String>> universe(HostConfigTree.LoaderQuery query) throws IOException {
        if (!query.canSearchUniverse()) {
            return Optional.empty();
        }
        for (String dir : HostConfigTree.universeDirs(query.os(), query.release(), query.arch())) {
            Optional<List<String>> names = files.list(dir);
            if (names.isPresent()) {
                Map<String, String> links = new LinkedHashMap<>();
                names.get().stream().filter(n -> n.endsWith(".efi")).forEach(n -> links.put(n, dir + "/" + n));
                return Optional.of(links);
            }
        }
        return Optional.empty();
    }

    /** Removes {@code host-config/<aa-bb-…>} and all in it ({@code delete_host_dir}); true when it was there. */
    boolean remove(PxeMac mac) throws IOException {
        return files.deleteTree(HostConfigTree.hostDir(mac.hyphens()));
    }
}
