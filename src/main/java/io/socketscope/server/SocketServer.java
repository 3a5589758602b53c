package io.socketscope.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the embedded TCP server: binds the port and reports every step as a {@link ServerEvent} tagged
 * with this run's id.
 *
 * <p>Two acceptor threads per listening socket take each new connection and look at it at once, without
 * waiting: a client that already closed or reset (a port scan, a health check, a benchmark's churn) ends
 * right there; one that already sent bytes (a browser, curl) goes to a serving thread of its own with
 * blocking streams, where the {@link ConnectionHandler} speaks HTTP or text to it. A silent one waits in the
 * {@link WaitingRoom} (one selector thread per run) for its first bytes, its end, or the banner delay. Measured
 * with the benchmark's churn clients: handing every socket to a serving thread first cost about twice the
 * CPU per connection (a thread wake-up, a blocking read with a timeout) and halved the accept rate.
 *
 * <p>A serving thread is held only while its socket has something to do. A socket that has gone quiet (a
 * keep-alive connection between requests, a text client between lines) for {@link #PARK_AFTER_MS} is
 * parked in a second selector room, the idle room, until its next bytes (served on a thread again), its
 * end, its reset or its idle timeout. Ten thousand open sockets are then ten thousand registrations, not
 * ten thousand threads that all wake at once when their clients leave.
 */
public final class SocketServer implements PortListener {

    private static final Logger LOG = LoggerFactory.getLogger(SocketServer.class);
    private static final int MAX_ACCEPT_BACKOFF_MS = 1000;
    /**
     * Connections the kernel may hold complete but not yet accepted. When this queue overflows, Linux drops
     * the client's last handshake packet: the client believes it is connected, the server never sees it.
     * 4096 is Linux's default cap (net.core.somaxconn); a burst of thousands must not lose a socket.
     */
    static final int BACKLOG = 4096;
    /** Accepting threads per listening socket. */
    static final int ACCEPTORS = 2;
    private static final long ACCEPT_REPORT_INTERVAL_NANOS = 10_000_000_000L;
    /**
     * How long a serving thread waits on a quiet socket before it parks it: long enough for a client's next
     * request in a burst (a browser's page then its JSON, a load test), short against a person's pause.
     */
    static final int PARK_AFTER_MS = 20;
    /** An idle timeout of zero means forever: a deadline this far away is never reached. */
    private static final long FOREVER_NANOS = Long.MAX_VALUE / 4;

    static {
        // Loading a class opens a file. When descriptors run out, the paths that report it and recover
        // must not need a class that is not loaded yet, so load them all now.
        List<Class<?>> needed = List.of(ServerEvent.Failed.class, ServerEvent.Accepted.class, ServerEvent.Request.class,
                ServerEvent.Closed.class, ServerEvent.Stopped.class,
                ServerEvent.HalfClosed.class, Traffic.class, TrafficCounter.class, TrafficCounter.CountingInput.class,
                TrafficCounter.CountingOutput.class, Ids.class, Protocol.class, Connection.class, ConnectionHandler.class,
                ConnectionHandler.Reporter.class, ConnectionHandler.PrefixedInput.class, ConnectionHandler.Parking.class,
                ConnectionHandler.Mode.class, Turn.class, BindErrors.class, Readiness.class, Readiness.State.class, WaitingRoom.class,
                WaitingRoom.Guest.class, WaitingRoom.Outcomes.class, TimedInput.class, TimedInput.HeadDeadlineExceeded.class,
                TimedInput.ReadTimeout.class, SurrogateIds.class, ChannelFds.class, AcceptHealth.class, ServerThreads.class,
                LineReader.class, LineReader.Line.class, Pages.class, CloseReason.class, ConnectionRef.class,
                Descriptor.class, Endpoint.class, TextEscapes.class);
        List<Class<?>> all = new ArrayList<>(needed);
        all.addAll(List.of(ServerEvent.class.getPermittedSubclasses()));
        for (Class<?> type : all) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException impossible) {
                throw new ExceptionInInitializerError(impossible);
            }
        }
    }

    private final ServerConfig config;
    private final ServerListener listener;
    private final DescriptorLookup lookup;
    private final long runId = Ids.nextRun();
    private final Object lock = new Object();
    private final Map<Long, Connection> connections = new ConcurrentHashMap<>();
    private final List<ServerSocketChannel> serverSockets = new ArrayList<>();
    /** Joined by {@link #stop()}: the JDK really closes a listening socket only once no thread is in its accept(). */
    private final List<Thread> acceptors = new ArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    /**
     * Sockets open: counted down before a socket's CLOSE goes out, while it stays in {@link #connections}
     * until after (for Stop to wait on it).
     */
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService workers;
    /** Silent new sockets wait here for their first bytes, their end, or the banner delay. */
    private WaitingRoom<Connection> waitingRoom;
    /** Open sockets with nothing to do wait here, without a thread, for their next bytes or their end. */
    private WaitingRoom<Connection> idleRoom;
    /** Sends the second half of a parked text client's goodbye, {@code finLinger} after its FIN. */
    private ScheduledExecutorService farewells;
    private volatile boolean running;
    private int port;

    private SocketServer(ServerConfig config, ServerListener listener, DescriptorLookup lookup) {
        this.config = config;
        this.listener = listener;
        this.lookup = lookup;
        this.workers = Executors.newCachedThreadPool(named("socketscope-conn-" + runId + "-"));
    }

    /**
     * Binds and starts listening, or throws a {@link BindFailure} that explains why not; nothing is left
     * half-started after a failure.
     */
    public static SocketServer start(ServerConfig config, ServerListener listener, DescriptorLookup lookup)
            throws BindFailure {
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
        Connection connection = connections.get(socketId);
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

    public long acceptedTotal() {
        return accepted.get();
    }

    private void bindAndListen() throws BindFailure {
        List<ListeningSocket> listening = new ArrayList<>();
        try {
            port = PortBinding.bindAll(config, Protocol.TCP, at -> bindOne(at, listening), () -> {
                closeServerSockets();
                serverSockets.clear();
                listening.clear();
            });
            waitingRoom = new WaitingRoom<>("socketscope-waiting-" + port, new WaitingRoom.Outcomes<>() {
                @Override
                public void ended(Connection c, CloseReason reason) {
                    c.close(reason);
                }

                @Override
                public void failed(Connection c, IOException e) {
                    c.close(classify(e, c));
                }

                @Override
                public void leave(Connection c, byte[] firstBytes) {
                    startServing(c, firstBytes);
                }
            });
            idleRoom = new WaitingRoom<>("socketscope-idle-" + port, new WaitingRoom.Outcomes<>() {
                @Override
                public void ended(Connection c, CloseReason reason) {
                    if (reason == CloseReason.PEER_CLOSED && c.handler.isText()) {
                        farewell(c);
                    } else {
                        c.close(reason);
                    }
                }

                @Override
                public void failed(Connection c, IOException e) {
                    c.close(classify(e, c));
                }

                @Override
                public void leave(Connection c, byte[] bytes) {
                    if (bytes == null) {
                        c.close(CloseReason.IDLE_TIMEOUT);
                    } else {
                        startResuming(c, bytes);
                    }
                }
            });
            farewells = Executors.newSingleThreadScheduledExecutor(named("socketscope-farewell-" + port + "-"));
        } catch (BindFailure | IOException e) {
            closeServerSockets();
            workers.shutdownNow();
            if (e instanceof BindFailure failure) {
                throw failure;
            }
            throw new BindFailure(BindFailure.Kind.OTHER, config.port(), -1,
                    "Could not start listening on port " + config.port() + ": " + e.getMessage(), e);
        }
        running = true;
        emit(new ServerEvent.Listening(runId, Instant.now(), Protocol.TCP, config.bind(), port, listening));
        waitingRoom.start();
        idleRoom.start();
        for (ServerSocketChannel ss : serverSockets) {
            String family = localOf(ss).getAddress().getAddress().length == 16 ? "-v6" : "";
            AcceptHealth health = new AcceptHealth();
            // Two threads take turns in accept(): while one looks at the socket it just took, the other is
            // already accepting the next, so a burst does not overflow the kernel's queue of finished
            // handshakes (which drops connections silently and makes their clients wait a second).
            for (int i = 1; i <= ACCEPTORS; i++) {
                Thread acceptor = new Thread(() -> acceptLoop(ss, health),
                        "socketscope-acceptor-" + port + family + (i == 1 ? "" : "-" + i));
                acceptor.setDaemon(true);
                acceptors.add(acceptor);
                acceptor.start();
            }
        }
    }

    /** Binds one listening channel; on failure it is closed and the error passed on. */
    private InetSocketAddress bindOne(InetSocketAddress at, List<ListeningSocket> listening) throws IOException {
        // A channel rather than a ServerSocket: the channel gives each accepted socket's descriptor
        // directly (see ChannelFds), instead of a search of /proc per accept.
        ServerSocketChannel ss = ServerSocketChannel.open();
        try {
            ss.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ss.bind(at, BACKLOG);
        } catch (IOException | RuntimeException e) {
            ss.close();
            throw e;
        }
        serverSockets.add(ss);
        InetSocketAddress local = localOf(ss);
        listening.add(new ListeningSocket(Endpoint.of(local), lookup.listening(ss, local)));
        return local;
    }

    private static InetSocketAddress localOf(ServerSocketChannel ss) {
        try {
            return (InetSocketAddress) ss.getLocalAddress();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * How accepting on one listening socket goes, shared by its acceptor threads: failures are reported
     * once per 10 s whichever thread meets them, and recovery once.
     */
    private static final class AcceptHealth {
        private int failures;
        private boolean reported;
        private long lastReport = System.nanoTime() - ACCEPT_REPORT_INTERVAL_NANOS;

        /** Counts a failure; returns the line to report, or null while one was reported lately. */
        synchronized String failed(IOException e) {
            failures++;
            if (System.nanoTime() - lastReport >= ACCEPT_REPORT_INTERVAL_NANOS) {
                lastReport = System.nanoTime();
                reported = true;
                return BindErrors.explainAcceptFailure(e);
            }
            return null;
        }

        /** After an accept succeeds: the recovery line to report, if failures were reported. */
        synchronized String succeeded() {
            if (failures > 0 && reported) {
                String line = "Accepting connections again, after " + failures
                        + (failures == 1 ? " failed attempt." : " failed attempts.");
                failures = 0;
                reported = false;
                return line;
            }
            return null;
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
            Connection connection = admit(channel, acceptedAt);
            if (connection != null) {
                firstLook(connection, buffer);
            }
        }
    }

    /** Reports a new socket; null when it is already gone (or was refused past the cap). */
    private Connection admit(SocketChannel channel, long acceptedAt) {
        Connection connection = null;
        try {
            InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
            InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
            if (local == null || remote == null) {
                closeQuietly(channel);
                return null;
            }
            Descriptor descriptor = lookup.connection(channel, local, remote);
            ConnectionRef ref = new ConnectionRef(Ids.nextSocket(), Endpoint.of(remote), Endpoint.of(local), descriptor);
            connection = new Connection(channel, ref, acceptedAt + config.bannerDelay().toNanos());
            boolean refused;
            // The server's lock only guards "running" and the map; the event goes out under this socket's
            // own monitor, so its CLOSE (see Connection.close) cannot overtake its ACCEPT.
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
                connection.close(e instanceof IOException io ? classify(io, connection) : CloseReason.ERROR);
            }
            return null;
        }
    }

    /**
     * Looks at a new socket without waiting: a client that already closed or reset ends here; one that
     * already sent bytes goes to a serving thread; a silent one goes to the waiting room.
     */
    private void firstLook(Connection c, ByteBuffer buffer) {
        try {
            Readiness.State state = Readiness.check(c.channel);
            if (state == Readiness.State.QUIET) {
                // A client that connects and closes at once is often microseconds behind its accept: give it
                // that moment once before the socket goes to the waiting room (a registration, a wake-up).
                Thread.yield();
                state = Readiness.check(c.channel);
            }
            switch (state) {
                case QUIET -> waitingRoom.enter(c);
                case READABLE -> readFirst(c, buffer); // poll said a read will not wait: bytes, or the FIN
                case ERROR -> {
                    if (!Readiness.hasBytes(c.channel)) {
                        c.close(CloseReason.RESET); // reset before saying anything: no read, no exception
                    } else {
                        readFirst(c, buffer); // bytes came before the reset: they are served and counted
                    }
                }
                case UNKNOWN -> {
                    c.channel.configureBlocking(false);
                    buffer.clear();
                    int n = c.channel.read(buffer);
                    if (n == 0) {
                        waitingRoom.enter(c);
                    } else {
                        c.channel.configureBlocking(true);
                        firstRead(c, n, buffer);
                    }
                }
            }
        } catch (IOException e) {
            c.close(classify(e, c));
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("could not take a connection", e);
            c.close(CloseReason.ERROR);
        }
    }

    private void readFirst(Connection c, ByteBuffer buffer) throws IOException {
        buffer.clear();
        firstRead(c, c.channel.read(buffer), buffer);
    }

    private void firstRead(Connection c, int n, ByteBuffer buffer) {
        if (n < 0) {
            c.close(CloseReason.PEER_CLOSED);
        } else {
            startServing(c, ConnectionHandler.PrefixedInput.bytesOf(buffer));
        }
    }

    private void startServing(Connection c, byte[] prefix) {
        execute(c, () -> serve(c, prefix));
    }

    private void startResuming(Connection c, byte[] bytes) {
        execute(c, () -> serving(c, () -> c.handler.resume(bytes)));
    }

    private void execute(Connection c, Runnable work) {
        try {
            workers.execute(work);
        } catch (RuntimeException | LinkageError cannotServe) {
            // Rejected after Stop, or no thread could be made: this socket goes, reported.
            c.close(running ? CloseReason.ERROR : CloseReason.SERVER_STOP);
        }
    }

    private void serve(Connection connection, byte[] prefix) {
        serving(connection, () -> {
            // Every answer goes out in one write, at once: no waiting for the client's delayed ACK.
            connection.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.handler = ConnectionHandler.forSocket(connection.channel.socket(), prefix,
                    connection.traffic, connection.ref, config, open::get, connection,
                    () -> quietAfterLinger(connection.channel));
            return prefix == null ? connection.handler.greetSilent() : connection.handler.serve();
        });
    }

    /** One turn of serving on a worker thread: until the socket ends (it is closed) or goes quiet (parked). */
    private interface Turn {
        CloseReason run() throws IOException;
    }

    private void serving(Connection connection, Turn turn) {
        CloseReason reason = CloseReason.ERROR;
        try {
            reason = turn.run();
        } catch (SocketTimeoutException e) {
            reason = CloseReason.IDLE_TIMEOUT;
        } catch (IOException e) {
            reason = classify(e, connection);
        } catch (RuntimeException | LinkageError e) {
            // Never lose a socket, whatever failed (even a class that could not be loaded for lack of files).
            LOG.warn("unexpected failure on {}", connection.ref, e);
            emit(new ServerEvent.Failed(runId, Instant.now(), connection.ref, "Internal error: " + e));
        } finally {
            if (reason == null) {
                park(connection);
            } else {
                connection.close(reason);
            }
        }
    }

    /** Whether a socket still has nothing to read after {@link #PARK_AFTER_MS}; at once when poll is out of reach. */
    private static boolean quietAfterLinger(SocketChannel channel) throws IOException {
        Readiness.State state = Readiness.await(channel, PARK_AFTER_MS);
        return state == Readiness.State.QUIET || state == Readiness.State.UNKNOWN;
    }

    /** A quiet socket gives its thread back and waits in the idle room until its idle timeout. */
    private void park(Connection c) {
        long idle = config.idleTimeout().isZero() ? FOREVER_NANOS : config.idleTimeout().toNanos();
        c.leaveAt = System.nanoTime() + idle;
        try {
            idleRoom.enter(c);
        } catch (IOException e) {
            c.close(classify(e, c));
        }
    }

    /**
     * A parked text client's FIN: the goodbye a serving thread would say (see {@link ConnectionHandler}),
     * said without one. The first half now from the idle room, the second {@code finLinger} later from the
     * farewell thread; the second fails if the client closed entirely.
     */
    private void farewell(Connection c) {
        c.finReceived();
        try {
            c.write(ConnectionHandler.goodbyeFirst(c.handler.echoed()));
            farewells.schedule(() -> {
                try {
                    c.write(ConnectionHandler.GOODBYE_SECOND);
                    c.close(CloseReason.PEER_HALF_CLOSED);
                } catch (IOException closedEntirely) {
                    c.close(CloseReason.PEER_CLOSED);
                }
            }, config.finLinger().toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException closedEntirely) {
            c.close(CloseReason.PEER_CLOSED);
        } catch (RejectedExecutionException stopped) {
            c.close(CloseReason.SERVER_STOP);
        }
    }

    private CloseReason classify(IOException e, Connection connection) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (connection.closed.get()) {
            return CloseReason.SERVER_STOP; // we closed it ourselves; the reason was already reported
        }
        if (message.contains("reset") || message.contains("broken pipe")) {
            return CloseReason.RESET;
        }
        emit(new ServerEvent.Failed(runId, Instant.now(), connection.ref, "Connection failed: " + e.getMessage()));
        return CloseReason.ERROR;
    }

    /**
     * Closes the listening sockets and every open connection, each with its {@link ServerEvent.Closed},
     * then reports {@link ServerEvent.Stopped}. Safe to call more than once.
     */
    public void stop() {
        List<Connection> open;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            closeServerSockets();
            open = List.copyOf(connections.values());
        }
        // No listener runs under the server's lock. Every socket still open is in the map until its CLOSE is
        // out (a close in progress on another thread holds the socket's monitor, which close() waits for), and
        // no socket enters after running went false: so STOP comes after every CLOSE.
        for (Connection connection : open) {
            connection.close(CloseReason.SERVER_STOP);
        }
        emit(new ServerEvent.Stopped(runId, Instant.now(), Protocol.TCP, port));
        // A listening channel closed while another thread is blocked in its accept() is only marked
        // closed: the JDK wakes that thread and releases the descriptor (and so the port) when it leaves
        // accept(). Waiting for the acceptors here is what makes the port free when stop() returns.
        ServerThreads.joinAll(acceptors);
        // Sockets closed while waiting are released by the OS only once the room lets go of them.
        waitingRoom.close();
        idleRoom.close();
        farewells.shutdownNow();
        workers.shutdownNow();
    }

    private void closeServerSockets() {
        for (ServerSocketChannel ss : serverSockets) {
            try {
                ss.close();
            } catch (IOException e) {
                LOG.debug("closing listening socket: {}", e.toString());
            }
        }
    }

    private void emit(ServerEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException | LinkageError e) {
            // A listener that fails (even for want of a class file when descriptors run out) loses this
            // event for itself; the server's threads go on.
            LOG.warn("a server listener failed on {}", event, e);
        }
    }

    /** One accepted socket, its byte counts, and the guarantee that its close is reported exactly once. */
    private final class Connection implements ConnectionHandler.Reporter, WaitingRoom.Guest {
        final SocketChannel channel;
        final ConnectionRef ref;
        final AtomicBoolean closed = new AtomicBoolean();
        final TrafficCounter traffic = new TrafficCounter();
        /** When it leaves the room it waits in: a silent client to be greeted, a parked one at its idle timeout. */
        volatile long leaveAt;
        /** Speaks to it, from its first serving turn on; a parked socket resumes with it. */
        volatile ConnectionHandler handler;

        Connection(SocketChannel channel, ConnectionRef ref, long bannerAt) {
            this.channel = channel;
            this.ref = ref;
            this.leaveAt = bannerAt;
        }

        @Override
        public SocketChannel channel() {
            return channel;
        }

        @Override
        public long leaveAt() {
            return leaveAt;
        }

        /** Writes a short text to a parked (non-blocking) socket; it fits its empty send buffer at once. */
        void write(String text) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            int n = channel.write(bytes);
            traffic.sent(n);
        }

        @Override
        public boolean isClosed() {
            return closed.get();
        }

        @Override
        public void answered(String line, int status, String userAgent) {
            emit(new ServerEvent.Request(runId, Instant.now(), ref, line, status, userAgent, traffic.snapshot()));
        }

        @Override
        public void finReceived() {
            emit(new ServerEvent.HalfClosed(runId, Instant.now(), ref, traffic.snapshot()));
        }

        @Override
        public void tlsClient() {
            emit(new ServerEvent.Failed(runId, Instant.now(), ref, "a TLS (https://) client: SocketScope speaks plain"
                    + " http, open http://" + ref.server() + "/ instead"));
        }

        /**
         * Closes the socket and reports it, once. Under this socket's monitor, not the server's lock: its
         * ACCEPT is out before (see admit), and a second caller waits here until the first one's CLOSE is out.
         */
        void close(CloseReason reason) {
            synchronized (this) {
                if (!closed.compareAndSet(false, true)) {
                    return;
                }
                closeQuietly(channel);
                open.decrementAndGet();
                emit(new ServerEvent.Closed(runId, Instant.now(), ref, reason, traffic.snapshot()));
                connections.remove(ref.id());
            }
            waitingRoom.closedElsewhere(channel);
            idleRoom.closedElsewhere(channel);
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
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
