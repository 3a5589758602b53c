package io.socketscope.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of the embedded TCP server: binds the port and reports every step as a {@link ServerEvent} tagged
 * with this run's id. It binds, accepts and keeps the register of open sockets; what becomes of each socket
 * after its ACCEPT is {@link Serving}'s to do.
 *
 * <p>Two acceptor threads per listening socket take each new connection, report it, and hand it to the first
 * look at once, without waiting. No listener runs under the server's lock: a socket's ACCEPT and CLOSE go
 * out under that socket's own monitor (see {@link TcpConnection}), so its CLOSE cannot overtake its ACCEPT,
 * and STOP comes after every CLOSE.
 */
public final class SocketServer implements PortListener {

    private static final int MAX_ACCEPT_BACKOFF_MS = 1000;
    /**
     * Connections the kernel may hold complete but not yet accepted. When this queue overflows, Linux drops
     * the client's last handshake packet: the client believes it is connected, the server never sees it.
     * 4096 is Linux's default cap (net.core.somaxconn); a burst of thousands must not lose a socket.
     */
    static final int BACKLOG = 4096;
    /** Accepting threads per listening socket. */
    static final int ACCEPTORS = 2;

    static {
        // Loading a class opens a file. When descriptors run out, the paths that report it and recover
        // must not need a class that is not loaded yet, so load them all now.
        List<Class<?>> needed = List.of(ServerEvent.Failed.class, ServerEvent.Accepted.class, ServerEvent.Request.class,
                ServerEvent.Closed.class, ServerEvent.Stopped.class,
                ServerEvent.HalfClosed.class, ServerEvent.Greeted.class, SafeListener.class, Traffic.class, TrafficCounter.class, TrafficCounter.CountingInput.class,
                TrafficCounter.CountingOutput.class, Ids.class, Protocol.class, TcpConnection.class, TcpConnection.Home.class,
                Serving.class, Serving.Turn.class, AcceptHealth.class, ConnectionHandler.class,
                ConnectionHandler.Reporter.class, PrefixedInput.class, HttpHeaders.class, ConnectionHandler.Parking.class,
                ConnectionHandler.Mode.class, BindErrors.class, Readiness.class, Readiness.State.class, WaitingRoom.class,
                WaitingRoom.Guest.class, WaitingRoom.Outcomes.class, TimedInput.class, TimedInput.HeadDeadlineExceeded.class,
                TimedInput.ReadTimeout.class, SurrogateIds.class, ChannelFds.class, AcceptHealth.class, ServerThreads.class,
                LineReader.class, LineReader.Line.class, Pages.class, CloseReason.class, ConnectionRef.class,
                Descriptor.class, Endpoint.class, TextEscapes.class, SocketRole.class, LiveHub.class, LiveState.class,
                LiveLimits.class, HttpAnswers.class, HttpAnswers.Answer.class, ListeningChannels.class, KernelWatch.class,
                KernelWatch.Figures.class, KernelReader.class, KernelTable.class, KernelReader.Row.class, KernelReader.Tuple.class,
                TcpState.class);
        Preload.classes(needed.toArray(Class<?>[]::new));
        Preload.classes(ServerEvent.class.getPermittedSubclasses());
    }

    private final ServerConfig config;
    private final ServerListener listener;
    private final DescriptorLookup lookup;
    private final long runId = Ids.nextRun();
    private final Object lock = new Object();
    private final Map<Long, TcpConnection> connections = new ConcurrentHashMap<>();
    private final ListeningChannels serverSockets = new ListeningChannels();
    /** Joined by {@link #stop()}: the JDK really closes a listening socket only once no thread is in its accept(). */
    private final List<Thread> acceptors = new ArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    /**
     * Sockets open: counted down before a socket's CLOSE goes out, while it stays in {@link #connections}
     * until after (for Stop to wait on it).
     */
    private final AtomicInteger open = new AtomicInteger();
    /** What becomes of each socket after its ACCEPT; made once the port is bound. */
    private Serving serving;
    /** The phone page's live views and the count of its held connections; made once the port is bound. */
    private volatile LiveHub live;
    /** Reads the kernel's states of the port's connections (null where the system has no table to read). */
    private volatile KernelWatch kernel;
    private final TcpConnection.Home home = new TcpConnection.Home() {
        @Override
        public long runId() {
            return runId;
        }

        @Override
        public void emit(ServerEvent event) {
            SocketServer.this.emit(event);
        }

        @Override
        public void closing(TcpConnection c) {
            open.decrementAndGet();
            if (c.role != SocketRole.NONE) {
                live.released(c.ref.client().ip());
            }
        }

        @Override
        public String admitLive(String ip) {
            return live.admit(ip);
        }

        @Override
        public void closed(TcpConnection c) {
            // Removed only after its CLOSE is out: Stop closes what the map holds, and so waits for it.
            connections.remove(c.ref.id());
            serving.released(c.channel);
        }
    };
    private volatile boolean running;
    private int port;

    private SocketServer(ServerConfig config, ServerListener listener, DescriptorLookup lookup) {
        this.config = config;
        this.listener = new SafeListener(listener);
        this.lookup = lookup;
    }

    /**
     * Binds and starts listening, or throws a {@link BindFailure} that explains why not; nothing is left
     * half-started after a failure.
     */
    public static SocketServer start(ServerConfig config, ServerListener listener, DescriptorLookup lookup)
            throws BindFailure {
        Background.lowerCompilers();
        SocketServer server = new SocketServer(config, listener, lookup);
        server.bindAndListen();
        return server;
    }

    @Override
    public long runId() {
        return runId;
    }

    @Override
    public Protocol protocol() {
        return Protocol.TCP;
    }

    @Override
    public boolean closeSocket(long socketId) {
        TcpConnection connection = connections.get(socketId);
        if (connection == null) {
            return false;
        }
        connection.close(CloseReason.USER_CLOSE);
        return true;
    }

    @Override
    public int port() {
        return port;
    }

    public ServerConfig config() {
        return config;
    }

    public boolean isRunning() {
        return running;
    }

    public int openSockets() {
        return open.get();
    }

    /** How many times one of this run's sockets was handed to a serving thread (0 before Start). */
    long servingTurns() {
        return serving == null ? 0 : serving.turns();
    }

    public long acceptedTotal() {
        return accepted.get();
    }

    private void bindAndListen() throws BindFailure {
        List<ListeningSocket> listening = new ArrayList<>();
        try {
            port = PortBinding.bindAll(config, Protocol.TCP, at -> serverSockets.bind(at, BACKLOG, lookup, listening), () -> {
                serverSockets.reset();
                listening.clear();
            });
            live = new LiveHub(port, config, new LiveHub.Sockets() {
                @Override
                public java.util.Collection<TcpConnection> open() {
                    return connections.values();
                }

                @Override
                public void end(TcpConnection c, CloseReason reason, IOException cause) {
                    c.close(reason != null ? reason : serving.classify(cause, c));
                }
            }, open::get);
            serving = new Serving(config, port, home, open::get, () -> running, live);
            KernelReader table = KernelReader.ofThisSystem();
            kernel = table == null ? null : new KernelWatch(table, port, runId, this.listener);
        } catch (BindFailure | IOException e) {
            serverSockets.closeAll();
            if (e instanceof BindFailure failure) {
                throw failure;
            }
            throw new BindFailure(BindFailure.Kind.OTHER, config.port(), -1,
                    "Could not start listening on port " + config.port() + ": " + e.getMessage(), e);
        }
        running = true;
        emit(new ServerEvent.Listening(runId, Instant.now(), Protocol.TCP, config.bind(), port, listening));
        serving.start();
        live.start();
        if (kernel != null) {
            kernel.start();
        }
        for (ServerSocketChannel ss : serverSockets) {
            String family = ListeningChannels.localOf(ss).getAddress().getAddress().length == 16 ? "-v6" : "";
            AcceptHealth health = new AcceptHealth();
            // Two threads take turns in accept(): while one looks at the socket it just took, the other is
            // already accepting the next, so a burst does not overflow the kernel's queue of finished
            // handshakes (which drops connections silently and makes their clients wait a second).
            for (int i = 1; i <= ACCEPTORS; i++) {
                Thread acceptor = Background.thread(() -> acceptLoop(ss, health),
                        "socketscope-acceptor-" + port + family + (i == 1 ? "" : "-" + i));
                acceptor.setDaemon(true);
                acceptors.add(acceptor);
                acceptor.start();
            }
        }
    }

    private void acceptLoop(ServerSocketChannel ss, AcceptHealth health) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(ConnectionHandler.MAX_LINE);
        int backoff = 0;
        while (running) {
            SocketChannel channel;
            long acceptedAt;
            try {
                channel = ss.accept();
                acceptedAt = System.nanoTime();
                backoff = 0;
            } catch (IOException e) {
                if (!running || !ss.isOpen()) {
                    return;
                }
                // One clear error (at most one every 10 s), then quiet retries with growing pauses:
                // no tight loop, no flood of lines.
                String line = health.failed(e);
                if (line != null) {
                    emit(new ServerEvent.Failed(runId, Instant.now(), null, line));
                }
                backoff = backoff == 0 ? 50 : Math.min(backoff * 2, MAX_ACCEPT_BACKOFF_MS);
                sleep(backoff);
                continue;
            }
            String recovered = health.succeeded();
            if (recovered != null) {
                emit(new ServerEvent.Failed(runId, Instant.now(), null, recovered));
            }
            TcpConnection connection = admit(channel, acceptedAt);
            if (connection != null) {
                serving.firstLook(connection, buffer);
            }
        }
    }

    /** Reports a new socket; null when it is already gone (or was refused past the cap). */
    private TcpConnection admit(SocketChannel channel, long acceptedAt) {
        TcpConnection connection = null;
        try {
            InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
            InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
            if (local == null || remote == null) {
                closeQuietly(channel);
                return null;
            }
            Descriptor descriptor = lookup.connection(channel, local, remote);
            ConnectionRef ref = new ConnectionRef(Ids.nextSocket(), Endpoint.of(remote), Endpoint.of(local), descriptor);
            connection = new TcpConnection(channel, ref, acceptedAt + config.bannerDelay().toNanos(), home);
            boolean refused;
            // The server's lock only guards "running" and the map; the event goes out under this socket's
            // own monitor, so its CLOSE (see TcpConnection.close) cannot overtake its ACCEPT.
            synchronized (connection) {
                synchronized (lock) {
                    if (!running) {
                        closeQuietly(channel);
                        return null;
                    }
                    refused = open.get() >= config.maxSockets();
                    connections.put(ref.id(), connection);
                    open.incrementAndGet();
                    accepted.incrementAndGet();
                }
                emit(new ServerEvent.Accepted(runId, Instant.now(), ref, acceptedAt));
            }
            if (refused) {
                // Past the cap: reported like any other socket (one ACCEPT, one CLOSE), but closed at once.
                connection.close(CloseReason.REFUSED_LIMIT);
                return null;
            }
            return connection;
        } catch (IOException | RuntimeException | LinkageError e) {
            // Never lose a socket, whatever failed.
            if (connection == null) {
                closeQuietly(channel);
            } else {
                connection.close(e instanceof IOException io ? serving.classify(io, connection) : CloseReason.ERROR);
            }
            return null;
        }
    }

    /**
     * Closes the listening sockets and every open connection, each with its {@link ServerEvent.Closed},
     * then reports {@link ServerEvent.Stopped}. Safe to call more than once.
     */
    public void stop() {
        List<TcpConnection> open;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            serverSockets.closeAll();
            open = List.copyOf(connections.values());
        }
        if (kernel != null) {
            kernel.stop(); // nothing more is said of the kernel's states: the window takes the run away
        }
        // Live views hear that the port stops before their sockets close.
        live.stop();
        // No listener runs under the server's lock. Every socket still open is in the map until its CLOSE is
        // out (a close in progress on another thread holds the socket's monitor, which close() waits for), and
        // no socket enters after running went false: so STOP comes after every CLOSE.
        for (TcpConnection connection : open) {
            connection.close(CloseReason.SERVER_STOP);
        }
        if (kernel != null) {
            kernel.remember(); // the sockets just closed: a restart finds them in TIME_WAIT and knows their fds
        }
        emit(new ServerEvent.Stopped(runId, Instant.now(), Protocol.TCP, port));
        // A listening channel closed while another thread is blocked in its accept() is only marked
        // closed: the JDK wakes that thread and releases the descriptor (and so the port) when it leaves
        // accept(). Waiting for the acceptors here is what makes the port free when stop() returns.
        ServerThreads.joinAll(acceptors);
        // Sockets closed while waiting are released by the OS only once the room lets go of them.
        serving.stop();
    }

    private void emit(ServerEvent event) {
        listener.onEvent(event);
        LiveHub hub = live;
        if (hub != null) {
            hub.changed(event);
        }
        KernelWatch watch = kernel;
        if (watch != null) {
            watch.changed(event);
        }
    }

    /** The kernel reader's cost so far (null where the system has no table to read), for the benchmark. */
    public KernelWatch.Figures kernelFigures() {
        KernelWatch watch = kernel;
        return watch == null ? null : watch.figures();
    }

    /** The live hub, for tests in this package. */
    LiveHub liveHub() {
        return live;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
