package org.bootproxy.boot;

/** An upstream received a machine announcement and refused it (e.g. Foreman's 422): announcing it again would not help. */
public final class AnnouncementRefused extends BootException {
    public AnnouncementRefused(String message) {
        super(message);
    }
}
