package org.bootproxy.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of Foreman's per-host GRUB2 folder (Foreman 3.14 and later, smart-proxy's {@code Pxegrub2}
 * class in {@code modules/tftp/server.rb}), in one place for everything that writes or serves it:
 *
 * <pre>
 * host-config/&lt;aa-bb-cc-dd-ee-ff&gt;/grub2/grub.cfg
 * host-config/&lt;aa-bb-cc-dd-ee-ff&gt;/grub2/grub.cfg-01-aa-bb-cc-dd-ee-ff
 * host-config/&lt;aa-bb-cc-dd-ee-ff&gt;/grub2/grub.cfg-aa:bb:cc:dd:ee:ff
 * host-config/&lt;aa-bb-cc-dd-ee-ff&gt;/grub2/boot.efi, grub&lt;suffix&gt;.efi      → grub2/grub&lt;suffix&gt;.efi
 * host-config/&lt;aa-bb-cc-dd-ee-ff&gt;/grub2/boot-sb.efi, shim&lt;suffix&gt;.efi   → grub2/shim&lt;suffix&gt;.efi
 * </pre>
 *
 * unless a "bootloader universe" folder {@code bootloader-universe/pxegrub2/<os>/<release>/<arch>/} (else
 * {@code …/<os>/default/<arch>/}) exists: then every {@code *.efi} in it is linked under its own name instead.
 * The DHCP file name of a Foreman 3.14 host points into the folder ({@code host-config/<mac>/grub2/shimx64.efi}),
 * so the boot loaders of the host's own distribution start it under Secure Boot.
 */
public final class HostConfigTree {

    public static final String ROOT = "host-config";
    public static final String GRUB2 = "grub2";
    public static final String UNIVERSE = "bootloader-universe/pxegrub2";

    private static final String HEX = "[0-9a-fA-F]{2}";
    /** host-config/aa-bb-…/grub2/NAME, NAME without a slash. */
    private static final Pattern IN_FOLDER = Pattern.compile(ROOT + "/(" + HEX + "(?:-" + HEX + "){5})/" + GRUB2 + "/([^/]+)");

    private HostConfigTree() {
    }

    /** A name inside a host's folder: the MAC from the folder name and the file name. */
    public record Entry(MacAddress mac, String file) {
        /** One of the three GRUB config names smart-proxy writes into the folder. */
        public boolean isConfig() {
            return file.equals("grub.cfg") || file.equals("grub.cfg-" + mac.pxelinux()) || file.equals("grub.cfg-" + mac.colons());
        }

        /** A boot loader (every link in the folder ends in {@code .efi}). */
        public boolean isLoader() {
            return file.endsWith(".efi");
        }
    }

    /** {@code host-config/<aa-bb-…>/grub2}: the host's folder, MAC in lower case with hyphens. */
    public static String folder(String macHyphens) {
        return ROOT + "/" + macHyphens.toLowerCase(Locale.ROOT) + "/" + GRUB2;
    }

    /** {@code host-config/<aa-bb-…>}: what {@code DELETE} removes. */
    public static String hostDir(String macHyphens) {
        return ROOT + "/" + macHyphens.toLowerCase(Locale.ROOT);
    }

    /** Parses a name relative to the TFTP root; empty when it is not inside a host's folder. */
    public static Optional<Entry> parse(String name) {
        Matcher m = IN_FOLDER.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Entry(MacAddress.parse(m.group(1)), m.group(2)));
    }

    /**
     * The default links ({@code default_symlinks}): link name in the host's folder → its target in {@code grub2/}.
     * {@code boot.efi} is the GRUB for machines without Secure Boot, {@code boot-sb.efi} the shim for those with.
     */
    public static Map<String, String> defaultLinks(String bootfileSuffix) {
        String grub = "grub" + bootfileSuffix + ".efi";
        String shim = "shim" + bootfileSuffix + ".efi";
        Map<String, String> links = new LinkedHashMap<>();
        links.put("boot.efi", GRUB2 + "/" + grub);
        links.put(grub, GRUB2 + "/" + grub);
        links.put("boot-sb.efi", GRUB2 + "/" + shim);
        links.put(shim, GRUB2 + "/" + shim);
        return links;
    }

    /**
     * The bootloader-universe folders to try, in order ({@code bootloader_path}): the release's, then the
     * OS's default; the first that exists is used.
     */
    public static List<String> universeDirs(String os, String release, String arch) {
        return List.of(UNIVERSE + "/" + os + "/" + release + "/" + arch, UNIVERSE + "/" + os + "/default/" + arch);
    }

    /**
     * Foreman's EFI boot file suffix of an architecture ({@code Architecture#bootfilename_efi}, sent as
     * {@code bootfile_suffix}): {@code x64}, {@code aa64}, {@code ia32}; other architectures keep their name.
     */
    public static String bootfileSuffix(String arch) {
        String a = arch.toLowerCase(Locale.ROOT);
        if (a.matches("x86[_-]64|amd64|x64")) {
            return "x64";
        }
        if (a.matches("aarch64|arm64|aa64")) {
            return "aa64";
        }
        if (a.matches("i[3-6]86|ia32|x86")) {
            return "ia32";
        }
        return a;
    }

    /** What Foreman sends as {@code targetos} and {@code release} for a host: its OS name in lower case, major.minor. */
    public static LoaderQuery query(Host host) {
        OperatingSystem os = host.os();
        return new LoaderQuery(os.name().toLowerCase(Locale.ROOT), os.version(), os.arch(), bootfileSuffix(os.arch()));
    }

    /**
     * Foreman's four parameters of {@code POST /tftp/PXEGrub2/<mac>}.
     *
     * @param os             {@code targetos}: the OS name in lower case, e.g. {@code almalinux}
     * @param release        {@code release}: e.g. {@code 9.4}
     * @param arch           {@code arch}: e.g. {@code x86_64}
     * @param bootfileSuffix {@code bootfile_suffix}: e.g. {@code x64}
     */
    public record LoaderQuery(String os, String release, String arch, String bootfileSuffix) {
        public LoaderQuery {
            os = os == null ? "" : os;
            release = release == null ? "" : release;
            arch = arch == null ? "" : arch;
            bootfileSuffix = bootfileSuffix == null ? "" : bootfileSuffix;
        }

        /** True when the universe can be searched: os, release and arch are all there and none leaves its folder. */
        public boolean canSearchUniverse() {
            return safe(os) && safe(release) && safe(arch);
        }

        private static boolean safe(String s) {
            return !s.isEmpty() && !s.equals(".") && !s.equals("..") && !s.contains("/") && !s.contains("\\");
        }
    }

    /**
     * Where the file {@code file} of a host's folder comes from when nothing was written there: the universe
     * folders (the file under its own name), then {@code grub2/} for the four default names. The first source
     * whose folder exists decides, as smart-proxy links either the universe or the defaults, never a mix.
     */
    public static LoaderLink link(Entry entry, LoaderQuery query, String hostName) {
        List<LoaderLink.Source> sources = new ArrayList<>();
        if (query.canSearchUniverse()) {
            universeDirs(query.os(), query.release(), query.arch()).stream().filter(LoaderLink.Source::valid)
                    .forEach(dir -> sources.add(new LoaderLink.Source(dir, entry.file())));
        }
        String target = defaultLinks(query.bootfileSuffix()).get(entry.file());
        if (target != null) {
            int slash = target.lastIndexOf('/');
            sources.add(new LoaderLink.Source(target.substring(0, slash), target.substring(slash + 1)));
        }
        return new LoaderLink(folder(entry.mac().hyphens()) + "/" + entry.file(), sources, hostName);
    }
}
