package org.bootproxy.state;

import java.time.Instant;

/**
 * The JSON form of a build state file. Kept apart from the domain record so the file format
 * only changes on purpose.
 *
 * @param format   version of this layout (1)
 * @param host     host name as given (the file name may be sanitised)
 * @param revision the host definition's revision the record applies to
 * @param status   BUILT or FAILED
 * @param at       when it was recorded
 * @param report   the installer's report for FAILED, else ""
 */
record StoredBuildState(int format, String host, String revision, String status, Instant at, String report) {
    static final int FORMAT = 1;
}
