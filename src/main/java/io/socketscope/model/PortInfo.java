package io.socketscope.model;

import io.socketscope.server.BindMode;
import io.socketscope.server.ListenSpec;
import io.socketscope.server.ListeningSocket;
import io.socketscope.server.PortInput;
import io.socketscope.server.Protocol;
import java.util.List;

/**
 * One port the app has open (or had, until something new starts): a snapshot for drawing its node.
 *
 * @param open     sockets (TCP) or flows (UDP) open on it now
 * @param accepted connections accepted (TCP) or peers seen (UDP) since it started
 */
public record PortInfo(long runId, Protocol protocol, int port, BindMode bind, List<ListeningSocket> sockets,
                       boolean live, int open, long accepted) {

    public ListenSpec spec() {
        return new ListenSpec(protocol, port);
    }

    /** {@code fd 41} or {@code fd 41, fd 42}. */
    public String descriptors() {
        return ListeningSocket.descriptorLabels(sockets);
    }

    /** The conventional service on this port (TCP and UDP differ), or null. */
    public String service() {
        return PortInput.wellKnownName(port, protocol);
    }
}
