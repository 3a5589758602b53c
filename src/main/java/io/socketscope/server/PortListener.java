package io.socketscope.server;

/** One running port, TCP ({@link SocketServer}) or UDP ({@link DatagramServer}), with its own run id and Stop. */
public interface PortListener extends AutoCloseable {

    long runId();

    Protocol protocol();

    /** The bound port (the OS's pick when the config asked for 0). */
    int port();

    ServerConfig config();

    boolean isRunning();

    /** Open TCP sockets, or live UDP flows. */
    int openSockets();

    /** Closes one socket from the server side; false if it is not open (or the protocol has none to close). */
    boolean closeSocket(long socketId);

    /** Closes the port and everything open on it, each with its event, then reports Stopped. Idempotent. */
    void stop();

    default ListenSpec spec() {
        return new ListenSpec(protocol(), port());
    }

    @Override
    default void close() {
        stop();
    }

    /** Binds {@code protocol} on the config's port and bind mode, or throws a {@link BindFailure} that explains. */
    static PortListener start(Protocol protocol, ServerConfig config, ServerListener listener,
                              DescriptorLookup lookup) throws BindFailure {
        return protocol == Protocol.TCP ? SocketServer.start(config, listener, lookup)
                : DatagramServer.start(config, listener, lookup);
    }
}
