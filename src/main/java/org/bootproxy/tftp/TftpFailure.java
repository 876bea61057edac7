package org.bootproxy.tftp;

/**
 * A request that ends in a TFTP ERROR packet.
 *
 * @see Outcome
 */
final class TftpFailure extends Exception {
    static final int NOT_DEFINED = 0;
    static final int FILE_NOT_FOUND = 1;
    static final int ACCESS_VIOLATION = 2;
    static final int ILLEGAL_OPERATION = 4;
    static final int OPTION_REFUSED = 8;

    private final int code;
    private final String clientMessage;
    private final Outcome outcome;

    /**
     * @param code          the TFTP error code sent
     * @param clientMessage the short text the client sees (firmware may print it)
     * @param outcome       for the log line and event
     * @param reason        the full story, for the operator's log only
     */
    TftpFailure(int code, String clientMessage, Outcome outcome, String reason) {
        super(reason);
        this.code = code;
        this.clientMessage = clientMessage;
        this.outcome = outcome;
    }

    static TftpFailure notFound(String reason) {
        return new TftpFailure(FILE_NOT_FOUND, "File not found", Outcome.NOT_FOUND, reason);
    }

    static TftpFailure denied(String reason) {
        return new TftpFailure(ACCESS_VIOLATION, "Access violation", Outcome.DENIED, reason);
    }

    int code() {
        return code;
    }

    String clientMessage() {
        return clientMessage;
    }

    Outcome outcome() {
        return outcome;
    }
}
