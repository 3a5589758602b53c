package io.socketscope.server;

import java.net.InetSocketAddress;
import java.nio.channels.Channel;
import java.util.OptionalInt;

/**
 * Descriptors read from the socket's own channel ({@link ChannelFds}): the descriptor on macOS and other
 * Unixes, the SOCKET handle on Windows. Where the channel is not at hand (a UDP socket) or cannot be read,
 * the fallback answers.
 */
final class ChannelLookup implements DescriptorLookup {

    private final Descriptor.Kind kind;
    private final DescriptorLookup fallback;

    ChannelLookup(Descriptor.Kind kind, DescriptorLookup fallback) {
        this.kind = kind;
        this.fallback = fallback;
    }

    @Override
    public Descriptor.Kind kind() {
        return kind;
    }

    @Override
    public Descriptor listening(InetSocketAddress local) {
        return fallback.listening(local);
    }

    @Override
    public Descriptor connection(InetSocketAddress local, InetSocketAddress remote) {
        return fallback.connection(local, remote);
    }

    @Override
    public Descriptor datagram(InetSocketAddress local) {
        return fallback.datagram(local);
    }

    @Override
    public Descriptor connection(Channel channel, InetSocketAddress local, InetSocketAddress remote) {
        OptionalInt n = ChannelFds.of(channel);
        return n.isPresent() ? new Descriptor(n.getAsInt(), kind) : fallback.connection(local, remote);
    }

    @Override
    public Descriptor listening(Channel channel, InetSocketAddress local) {
        OptionalInt n = ChannelFds.of(channel);
        return n.isPresent() ? new Descriptor(n.getAsInt(), kind) : fallback.listening(local);
    }
}
