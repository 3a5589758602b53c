package io.socketscope.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds one port number on every address of a bind mode, for the TCP and the UDP server alike: all
 * interfaces is the one wildcard address; this computer only is 127.0.0.1 and ::1 (127.0.0.1 alone where
 * there is no IPv6 loopback). When the OS picks the port (0), it picks it on the first address, and that
 * number may be taken on the next; then all is undone and it picks again.
 */
final class PortBinding {

    private static final Logger LOG = LoggerFactory.getLogger(PortBinding.class);
    private static final int ATTEMPTS = 5;

    /** Binds one socket at an address; closes it itself if that fails. Returns the bound local address. */
    @FunctionalInterface
    interface Binder {
        InetSocketAddress bind(InetSocketAddress at) throws IOException;
    }

    private PortBinding() {
    }

    /**
     * Binds every address, or undoes what was bound ({@code undo}) and throws a {@link BindFailure} that
     * explains in plain words. Returns the bound port number.
     */
    static int bindAll(ServerConfig config, Protocol protocol, Binder binder, Runnable undo) throws BindFailure {
        int[] tried = {config.port()};
        for (int attempt = 1; ; attempt++) {
            try {
                return bindAddresses(config, binder, tried);
            } catch (IOException e) {
                undo.run();
                boolean osPicked = config.port() == 0;
                if (osPicked && attempt < ATTEMPTS && e instanceof BindException) {
                    continue; // the OS's pick was free on the first address but not on another: pick again
                }
                throw BindErrors.explain(e, osPicked ? tried[0] : config.port(), config.bind(), protocol);
            }
        }
    }

    private static int bindAddresses(ServerConfig config, Binder binder, int[] tried) throws IOException {
        int port = config.port();
        boolean anyBound = false;
        for (InetAddress address : addresses(config.bind())) {
            try {
                port = binder.bind(new InetSocketAddress(address, port)).getPort();
                tried[0] = port;
                anyBound = true;
            } catch (SocketException | UnsupportedAddressTypeException e) {
                boolean inUse = e instanceof BindException && String.valueOf(e.getMessage()).contains("in use");
                if (config.bind() == BindMode.LOCAL && address.getAddress().length == 16 && anyBound && !inUse) {
                    // No IPv6 loopback on this machine: 127.0.0.1 alone is still "this computer only".
                    LOG.debug("IPv6 loopback unavailable: {}", e.toString());
                    continue;
                }
                if (e instanceof UnsupportedAddressTypeException) {
                    throw new SocketException("address type not supported: " + address);
                }
                throw (SocketException) e;
            }
        }
        return port;
    }

    private static List<InetAddress> addresses(BindMode bind) throws IOException {
        if (bind == BindMode.ALL) {
            // The wildcard address: on a dual-stack system one socket takes IPv4 and IPv6 clients.
            return List.of(new InetSocketAddress(0).getAddress());
        }
        return List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
    }
}
