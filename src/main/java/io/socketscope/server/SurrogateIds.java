package io.socketscope.server;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands out SocketScope's own ids where no OS descriptor can be read; they are labeled "id", not "fd". */
public final class SurrogateIds implements DescriptorLookup {

    private final AtomicInteger next = new AtomicInteger(1);

    @Override
    public Descriptor.Kind kind() {
        return Descriptor.Kind.SURROGATE;
    }

    @Override
    public Descriptor listening(InetSocketAddress local) {
        return Descriptor.surrogate(next.getAndIncrement());
    }

    @Override
    public Descriptor connection(InetSocketAddress local, InetSocketAddress remote) {
        return Descriptor.surrogate(next.getAndIncrement());
    }

    @Override
    public Descriptor datagram(InetSocketAddress local) {
        return Descriptor.surrogate(next.getAndIncrement());
    }
}
