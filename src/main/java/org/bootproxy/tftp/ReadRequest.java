package org.bootproxy.tftp;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * A read request as the listener received it.
 *
 * @param client   where it came from (the transfer answers there)
 * @param local    the local address it was sent to (the transfer answers from there)
 * @param listener the listening socket, for an ERROR when no transfer socket can be opened
 * @param packet   the parsed request
 * @param raw      its bytes, to recognise the client's retransmissions of the same request
 */
record ReadRequest(InetSocketAddress client, InetAddress local, DatagramSocket listener, Packets.Request packet, byte[] raw) {

    boolean sameAs(ReadRequest other) {
        return client.equals(other.client) && Arrays.equals(raw, other.raw);
    }
}
