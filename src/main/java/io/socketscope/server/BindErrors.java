package io.socketscope.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Bind and accept errors in words a beginner understands, each with what to do instead. */
final class BindErrors {

    private BindErrors() {
    }

    static String explainAcceptFailure(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.toLowerCase(java.util.Locale.ROOT).contains("too many open files")) {
            return "Could not accept a connection: this program has run out of file descriptors (\"Too many open"
                    + " files\"). Close some connections or raise the limit (ulimit -n). Retrying by itself.";
        }
        return "Could not accept a connection (" + message + "). Retrying by itself.";
    }

    static BindFailure explain(IOException e, int port, BindMode bind) {
        return explain(e, port, bind, Protocol.TCP);
    }

    /** Turns a bind error into words a beginner understands, with a port to try instead. */
    static BindFailure explain(IOException e, int port, BindMode bind, Protocol protocol) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        String name = protocol == Protocol.TCP ? "Port " : "UDP port ";
        if (e instanceof BindException && message.contains("in use")) {
            int free = findFreePort(port + 1, bind, protocol);
            return new BindFailure(BindFailure.Kind.IN_USE, protocol, port, free,
                    name + port + " " + BindFailure.IN_USE_WORDS + ", so it cannot listen there."
                            + (free > 0 ? " Try port " + free + ", which is free." : " Pick another port."), e);
        }
        if (message.contains("permission denied") || message.contains("access")) {
            int free = findFreePort(Math.max(port, 8080), bind, protocol);
            return new BindFailure(BindFailure.Kind.PERMISSION_DENIED, port, free,
                    name + port + " is privileged (below 1024): only an administrator (root) may listen on it."
                            + " Pick a port of 1024 or above" + (free > 0 ? ", such as " + free + "." : "."), e);
        }
        if (message.contains("assign requested address")) {
            return new BindFailure(BindFailure.Kind.ADDRESS_UNAVAILABLE, port, -1,
                    "This computer has no such address to listen on (" + e.getMessage()
                            + "). Choose \"all interfaces\" or check the network connection.", e);
        }
        return new BindFailure(BindFailure.Kind.OTHER, port, -1,
                "Could not listen on port " + port + ": " + e.getMessage(), e);
    }

    /** The first port at or after {@code from} that can be bound right now for {@code protocol}, or -1. */
    static int findFreePort(int from, BindMode bind, Protocol protocol) {
        for (int candidate = Math.max(from, PortInput.FIRST_UNPRIVILEGED);
             candidate <= Math.min(from + 200, PortInput.MAX_PORT); candidate++) {
            InetSocketAddress at = bind == BindMode.ALL ? new InetSocketAddress(candidate)
                    : new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate);
            if (protocol == Protocol.UDP) {
                try (java.net.DatagramSocket probe = new java.net.DatagramSocket(at)) {
                    return candidate;
                } catch (IOException taken) {
                    continue;
                }
            }
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(at);
                return candidate;
            } catch (IOException taken) {
                // try the next one
            }
        }
        return -1;
    }
}
