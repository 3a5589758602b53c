package io.socketscope.server;

/**
 * Everything that identifies one socket: SocketScope's own unique id (never reused), the two endpoints,
 * the descriptor (which the kernel does reuse after a close) and the protocol. For UDP this names a flow
 * of datagrams from one peer, and the descriptor is the one socket that serves every peer.
 */
public record ConnectionRef(long id, Endpoint client, Endpoint server, Descriptor descriptor, Protocol protocol) {

    /** An accepted TCP connection. */
    public ConnectionRef(long id, Endpoint client, Endpoint server, Descriptor descriptor) {
        this(id, client, server, descriptor, Protocol.TCP);
    }

    public boolean isTcp() {
        return protocol == Protocol.TCP;
    }
}
