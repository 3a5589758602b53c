package io.socketscope.server;

/**
 * Everything that identifies one accepted connection: SocketScope's own unique id (never reused), the
 * 4-tuple, and the descriptor (which the kernel does reuse after a close).
 */
public record ConnectionRef(long id, Endpoint client, Endpoint server, Descriptor descriptor) {

    /** The protocol is always TCP for an accepted connection. */
    public String protocol() {
        return "TCP";
    }
}
