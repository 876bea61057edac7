package org.bootproxy.boot;

import java.time.Instant;

/**
 * A host's build result as bootproxy recorded it.
 *
 * @param hostName  the host
 * @param revision  the host definition's revision when it was recorded ({@link Host#revision()})
 * @param status    BUILT or FAILED
 * @param at        when
 * @param report    installer's report for FAILED (at most 64 KiB), else ""
 */
public record BuildState(String hostName, String revision, Status status, Instant at, String report) {
    public enum Status { BUILT, FAILED }

    public static final int MAX_REPORT_BYTES = 64 * 1024;

    public BuildState {
        revision = revision == null ? "" : revision;
        report = report == null ? "" : report;
    }

    /** True when this record still applies to the given definition of the host. */
    public boolean appliesTo(Host host) {
        return host.name().equals(hostName) && host.revision().equals(revision);
    }
}
