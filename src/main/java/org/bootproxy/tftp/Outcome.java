package org.bootproxy.tftp;

import java.util.Locale;

/** How a transfer ended, as written in its log line and boot event. */
enum Outcome {
    /** every block acknowledged (or the client left after the last block: its final ACK was lost) */
    OK,
    /** no such file (pxelinux's UUID and IP-hex probes, unknown MACs) */
    NOT_FOUND,
    /** a name leaving the root, an unreadable file, a write request */
    DENIED,
    /** our side failed: template, inventory, I/O, refused options, malformed request */
    ERROR,
    /** the client stopped: it sent an ERROR (EDK2 does after every OACK), vanished, or stopped answering */
    ABORTED;

    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
