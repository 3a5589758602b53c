package io.socketscope.server;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reverse DNS for client hosts, on its own daemon thread so that no event ever waits for a name. Loopback
 * clients are "this computer" without asking DNS. Each address is looked up once. Both the names kept and
 * the lookups waiting are bounded: a flood of datagrams with made-up source addresses (UDP's sender is the
 * sender's word) must not grow either without limit. Past the bounds an address simply gets no name.
 */
public final class HostNames implements AutoCloseable {

    /** Addresses whose names are kept, at most. */
    static final int MAX_KNOWN = 4096;
    /** Lookups waiting for the DNS thread, at most. */
    static final int MAX_WAITING = 256;

    private final ThreadPoolExecutor worker;
    /** Keyed by address, so that a repeat (every further socket of a host) costs one map lookup, no formatting. */
    private final Map<InetAddress, String> known = new ConcurrentHashMap<>();
    private final Function<InetAddress, String> resolver;
    private final int maxKnown;

    public HostNames() {
        this(InetAddress::getCanonicalHostName, MAX_KNOWN, MAX_WAITING);
    }

    /** @param resolver the reverse lookup (the JDK's, which asks the system's resolver) */
    HostNames(Function<InetAddress, String> resolver, int maxKnown, int maxWaiting) {
        this.resolver = resolver;
        this.maxKnown = maxKnown;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(maxWaiting),
                Background.daemon("socketscope-dns"), new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Finds the name of {@code ip} and hands {@code (ip, name)} to {@code found} on the lookup thread; the
     * name is empty when DNS has none. Calls {@code found} at most once per address, and not at all when
     * the bounds are reached.
     */
    public void lookUp(InetAddress address, BiConsumer<String, String> found) {
        if (known.containsKey(address) || known.size() >= maxKnown || known.putIfAbsent(address, "") != null) {
            return;
        }
        String ip = Endpoint.formatAddress(address);
        if (address.isLoopbackAddress()) {
            known.put(address, "this computer");
            found.accept(ip, "this computer");
            return;
        }
        try {
            worker.execute(() -> {
                String name = resolver.apply(address);
                // Without a PTR record the JDK hands back the address itself: that is no name.
                String result = name.equals(address.getHostAddress()) || name.equals(ip) ? "" : name;
                known.put(address, result);
                found.accept(ip, result);
            });
        } catch (RejectedExecutionException full) {
            known.remove(address); // too many waiting (or closed): a later socket of this host may ask again
        }
    }

    /** Addresses kept (with a name or none), for tests. */
    int knownCount() {
        return known.size();
    }

    /** Lookups waiting, for tests. */
    int waiting() {
        return worker.getQueue().size();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
