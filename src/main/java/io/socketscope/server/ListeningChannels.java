package io.socketscope.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listening sockets of one TCP run (one per address family bound): bound, listed, closed. */
final class ListeningChannels implements Iterable<ServerSocketChannel> {

    private static final Logger LOG = LoggerFactory.getLogger(ListeningChannels.class);

    private final List<ServerSocketChannel> channels = new ArrayList<>();

    /**
     * Binds one listening channel with SO_REUSEADDR (a restart binds while the last run's connections sit in
     * TIME_WAIT) and adds it to {@code listening}; on failure it is closed and the error passed on. A channel
     * rather than a ServerSocket: the channel gives each accepted socket's descriptor directly (see
     * ChannelFds), instead of a search of /proc per accept.
     */
    InetSocketAddress bind(InetSocketAddress at, int backlog, DescriptorLookup lookup, List<ListeningSocket> listening)
            throws IOException {
        ServerSocketChannel ss = ServerSocketChannel.open();
        try {
            ss.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ss.bind(at, backlog);
        } catch (IOException | RuntimeException e) {
            ss.close();
            throw e;
        }
        channels.add(ss);
        InetSocketAddress local = localOf(ss);
        listening.add(new ListeningSocket(Endpoint.of(local), lookup.listening(ss, local)));
        return local;
    }

    static InetSocketAddress localOf(ServerSocketChannel ss) {
        try {
            return (InetSocketAddress) ss.getLocalAddress();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Closes every listening channel (best effort). */
    void closeAll() {
        for (ServerSocketChannel ss : channels) {
            try {
                ss.close();
            } catch (IOException e) {
                LOG.debug("closing listening socket: {}", e.toString());
            }
        }
    }

    /** Closes and forgets them all (a bind of another family failed: the run starts again or gives up). */
    void reset() {
        closeAll();
        channels.clear();
    }

    @Override
    public Iterator<ServerSocketChannel> iterator() {
        return channels.iterator();
    }
}
