package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code tftp:} section (the root and address are top-level: {@code tftproot}, {@code tftp_address}), with the
 * defaults filled in and each value checked against its range.
 *
 * @param maxBlksize     largest blksize granted (RFC 2348); default 1468 = Ethernet MTU minus headers
 * @param maxWindowsize  largest windowsize granted (RFC 7440)
 * @param maxTransfers   concurrent transfers; further requests get "server busy"
 * @param maxTransfersPerClient transfers one client address may hold (running or waiting); past that: ERROR
 * @param timeoutMs      first retransmission timeout when the client asked for none, in ms
 * @param retries        retransmissions before a transfer is given up
 * @param enabled        false turns the TFTP server off (HTTP only)
 * @param optional       true: when TFTP cannot listen, serve HTTP only (reported failed on /v2/features) instead of
 *                       stopping; false (default): {@code serve} exits with the reason
 */
public record TftpConfig(
        @JsonProperty("max_blksize") Integer maxBlksize,
        @JsonProperty("max_windowsize") Integer maxWindowsize,
        @JsonProperty("max_transfers") Integer maxTransfers,
        @JsonProperty("max_transfers_per_client") Integer maxTransfersPerClient,
        @JsonProperty("timeout_ms") Integer timeoutMs,
        @JsonProperty("retries") Integer retries,
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("optional") Boolean optional) {

    public static final TftpConfig EMPTY = new TftpConfig(null, null, null, null, null, null, null, null);

    public TftpConfig {
        var check = new ConfigChecks.Each();
        maxBlksize = check.range("tftp.max_blksize", maxBlksize, 1468, 8, 65464);
        maxWindowsize = check.range("tftp.max_windowsize", maxWindowsize, 64, 1, 65535);
        maxTransfers = check.range("tftp.max_transfers", maxTransfers, 500, 1, 100_000);
        maxTransfersPerClient = check.range("tftp.max_transfers_per_client", maxTransfersPerClient, 8, 1, 100_000);
        timeoutMs = check.range("tftp.timeout_ms", timeoutMs, 500, 1, 255_000);
        retries = check.range("tftp.retries", retries, 10, 1, 100);
        check.done();
        enabled = enabled == null || enabled;
        optional = optional != null && optional;
    }
}
