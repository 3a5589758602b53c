package io.socketscope.server;

import java.net.InetSocketAddress;

/** Finds the descriptor of a socket of this process, given its addresses. */
public interface DescriptorLookup {

    /** The descriptor of the listening socket bound to {@code local}. */
    Descriptor listening(InetSocketAddress local);

    /** The descriptor of the connected socket with this exact 4-tuple. */
    Descriptor connection(InetSocketAddress local, InetSocketAddress remote);

    /** The descriptor of the UDP socket bound to {@code local}. */
    Descriptor datagram(InetSocketAddress local);

    /** The descriptor of an accepted connection, read from its channel where that is possible. */
    default Descriptor connection(java.nio.channels.Channel channel, InetSocketAddress local, InetSocketAddress remote) {
        return connection(local, remote);
    }

    /** The descriptor of a listening channel, read from it where that is possible. */
    default Descriptor listening(java.nio.channels.Channel channel, InetSocketAddress local) {
        return listening(local);
    }

    /** What the numbers it gives are, where the channel or the system lets it read them. */
    default Descriptor.Kind kind() {
        return Descriptor.Kind.OS;
    }

    /** The lookup for what this system can tell, decided once (see {@link Platform}). */
    static DescriptorLookup forThisSystem() {
        return Platform.ofThisSystem().lookup();
    }
}
