package io.socketscope.server;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * Reverse DNS for client hosts, on its own daemon thread so that no event ever waits for a name. Loopback
 * clients are "this computer" without asking DNS. Each address is looked up once.
 */
public final class HostNames implements AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "socketscope-dns");
        t.setDaemon(true);
        return t;
    });
    /** Keyed by address, so that a repeat (every further socket of a host) costs one map lookup, no formatting. */
    private final Map<InetAddress, String> known = new ConcurrentHashMap<>();

    /**
     * Finds the name of {@code ip} and hands {@code (ip, name)} to {@code found} on the lookup thread; the
     * name is empty when DNS has none. Calls {@code found} at most once per address.
     */
    public void lookUp(InetAddress address, BiConsumer<String, String> found) {
        if (known.putIfAbsent(address, "") != null) {
            return;
        }
        String ip = Endpoint.formatAddress(address);
        if (address.isLoopbackAddress()) {
            known.put(address, "this computer");
            found.accept(ip, "this computer");
            return;
        }
        worker.execute(() -> {
            String name = address.getCanonicalHostName();
            // Without a PTR record the JDK hands back the address itself: that is no name.
            String result = name.equals(address.getHostAddress()) || name.equals(ip) ? "" : name;
            known.put(address, result);
            found.accept(ip, result);
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
