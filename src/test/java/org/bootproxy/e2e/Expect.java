package org.bootproxy.e2e;

import static org.bootproxy.e2e.PxeLab.literal;

/** Regexes for the lines bootproxy logs (grep -E, as pxe-lab's --expect takes them) and the lab's host files. */
final class Expect {
    /** The host every case installs. */
    static final String HOST = "web01.example.com";

    private Expect() {
    }

    /** bootproxy's event line when the installer reports the host built. */
    static String builtEvent(String mac) {
        return "EventLog mac=" + mac + " .* - built mac=" + mac + " .*detail=" + literal(HOST) + " outcome=recorded";
    }

    /** iPXE asks for the intermediate script ({@code /unattended/iPXE?<query>}). */
    static String intermediateScript(String query) {
        return http("/unattended/iPXE\\?" + query, 200, "ipxe/intermediate", "-", "iPXE/");
    }

    /** The intermediate script's chain for one NIC (its MAC and the machine's SMBIOS facts), answered for the host. */
    static String nicChain(String mac, String template) {
        return http("/unattended/iPXE\\?mac=" + PxeLab.inUrl(mac) + "&serial=[^ ]*", 200, template, HOST, "iPXE/");
    }

    /** bootproxy's request log line: {@code GET <path> <status> <template> host=<host> ua=<user agent>…}. */
    static String http(String pathRegex, int status, String template, String host, String userAgent) {
        return "http .* - GET " + pathRegex + " " + status + " " + literal(template) + " host=" + literal(host) + " ua=" + literal(userAgent);
    }

    /** bootproxy's TFTP log line for a transfer that completed. */
    static String tftp(String file, String tail) {
        return "TransferLog .* - tftp ok " + literal(file) + " .*" + literal(tail) + "$";
    }

    /** A host for the lab's VM whose iPXE script (ipxe/kickstart) boots the lab's test installer from bootproxy's /pub/. */
    static String hostFile(String name, boolean build, String mac) {
        return Site.hostFile(name, build, mac, """
                params:
                  kernel_url: %s/pub/vmlinuz
                  initrd_url: %s/pub/initrd.img
                  kernelcmd: console=ttyS0
                """.formatted(Site.PUBLIC_URL, Site.PUBLIC_URL));
    }
}
