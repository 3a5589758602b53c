package io.socketscope.server;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of an accepted socket after its ACCEPT, for one server run. An acceptor looks at it at once
 * without waiting ({@link #firstLook}): a client that already closed or reset ends there; one that already
 * sent bytes goes to a serving thread, where a {@link ConnectionHandler} speaks HTTP or text to it; a silent
 * one waits in the waiting room for its first bytes, its end, or the banner delay.
 *
 * <p>A serving thread is held only while its socket has something to do. A socket that has gone quiet (a
 * keep-alive connection between requests, a text client between lines) for {@link #PARK_AFTER_MS} is
 * parked in a second selector room, the idle room, until its next bytes (served on a thread again), its
 * end, its reset or its idle timeout; a parked text client's goodbye is said without a thread. Ten thousand
 * open sockets are then ten thousand registrations, not ten thousand threads that all wake at once when
 * their clients leave.
 */
final class Serving {

    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);
    /**
     * How long a serving thread waits on a quiet socket before it parks it: long enough for a client's next
     * request in a burst (a browser's page then its JSON, a load test), short against a person's pause.
     */
    static final int PARK_AFTER_MS = 20;
    /** An idle timeout of zero means forever: a deadline this far away is never reached. */
    private static final long FOREVER_NANOS = Long.MAX_VALUE / 4;

    private final ServerConfig config;
    private final TcpConnection.Home home;
    private final IntSupplier openSockets;
    private final BooleanSupplier running;
    /**
     * The serving threads, one pool for the whole app rather than one per server run. A burst of sockets
     * (300 silent clients greeted within a second) leaves a few hundred idle threads behind for a minute;
     * when each run had its own pool, Stop shut it down and woke them all at once to end, and on two cores
     * those few hundred thread exits took the cores from the window: the benchmark's Stop of 900 sockets had
     * pulses of 70-105 ms, and 14-29 ms with one shared pool. Stop leaves the idle threads asleep (they end
     * after a minute unused, or serve the next run); a thread still serving one of the stopped run's sockets
     * is told by its socket's close and returns to the pool.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(Background.daemons("socketscope-conn-"));
    /** Turns of serving handed to a thread in this run (a socket that never needs a thread adds none). */
    private final AtomicLong turns = new AtomicLong();
    /** Silent new sockets wait here for their first bytes, their end, or the banner delay. */
    private final WaitingRoom<TcpConnection> waitingRoom;
    /** Open sockets with nothing to do wait here, without a thread, for their next bytes or their end. */
    private final WaitingRoom<TcpConnection> idleRoom;
    /** Sends the second half of a parked text client's goodbye, {@code finLinger} after its FIN. */
    private final ScheduledExecutorService farewells;
    /** The phone page's live views; held connections wait in the idle room until let go or their time is up. */
    private final LiveHub live;

    Serving(ServerConfig config, int port, TcpConnection.Home home, IntSupplier openSockets, BooleanSupplier running,
            LiveHub live) throws IOException {
        this.config = config;
        this.home = home;
        this.live = live;
        this.openSockets = openSockets;
        this.running = running;
        this.waitingRoom = new WaitingRoom<>("socketscope-waiting-" + port, new WaitingRoom.Outcomes<>() {
            @Override
            public void ended(TcpConnection c, CloseReason reason) {
                c.close(reason);
            }

            @Override
            public void failed(TcpConnection c, IOException e) {
                c.close(classify(e, c));
            }

            @Override
            public void leave(TcpConnection c, byte[] firstBytes) {
                startServing(c, firstBytes);
            }
        });
        this.idleRoom = new WaitingRoom<>("socketscope-idle-" + port, new WaitingRoom.Outcomes<>() {
            @Override
            public void ended(TcpConnection c, CloseReason reason) {
                if (reason == CloseReason.PEER_CLOSED && c.handler.isText()) {
                    farewell(c);
                } else {
                    c.close(reason);
                }
            }

            @Override
            public void failed(TcpConnection c, IOException e) {
                c.close(classify(e, c));
            }

            @Override
            public void leave(TcpConnection c, byte[] bytes) {
                if (c.role != SocketRole.NONE) {
                    liveLeaves(c, bytes);
                } else if (bytes == null) {
                    c.close(CloseReason.IDLE_TIMEOUT);
                } else {
                    startResuming(c, bytes);
                }
            }
        });
        this.farewells = Executors.newSingleThreadScheduledExecutor(Background.daemons("socketscope-farewell-" + port + "-"));
    }

    void start() {
        waitingRoom.start();
        idleRoom.start();
    }

    /** A socket was closed elsewhere: any room it waits in lets go of its descriptor now. */
    void released(SocketChannel channel) {
        waitingRoom.closedElsewhere(channel);
        idleRoom.closedElsewhere(channel);
    }

    /** How many times a socket of this run was handed to a serving thread. */
    long turns() {
        return turns.get();
    }

    /**
     * After Stop closed every socket: the rooms let go of them and their threads end; a serving thread
     * busy with one of the closed sockets finds it closed and returns to the shared pool.
     */
    void stop() {
        waitingRoom.close();
        idleRoom.close();
        farewells.shutdownNow();
    }

    /**
     * Looks at a new socket without waiting: a client that already closed or reset ends here; one that
     * already sent bytes goes to a serving thread; a silent one goes to the waiting room.
     */
    void firstLook(TcpConnection c, ByteBuffer buffer) {
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

    private void readFirst(TcpConnection c, ByteBuffer buffer) throws IOException {
        buffer.clear();
        firstRead(c, c.channel.read(buffer), buffer);
    }

    private void firstRead(TcpConnection c, int n, ByteBuffer buffer) {
        if (n < 0) {
            c.close(CloseReason.PEER_CLOSED);
        } else {
            startServing(c, PrefixedInput.bytesOf(buffer));
        }
    }

    private void startServing(TcpConnection c, byte[] prefix) {
        execute(c, () -> serve(c, prefix));
    }

    private void startResuming(TcpConnection c, byte[] bytes) {
        execute(c, () -> serving(c, () -> c.handler.resume(bytes)));
    }

    private void execute(TcpConnection c, Runnable work) {
        // Counted before the hand-over: whatever the thread then does (an answer a client reads) comes after.
        turns.incrementAndGet();
        try {
            WORKERS.execute(work);
        } catch (RuntimeException | LinkageError cannotServe) {
            turns.decrementAndGet();
            // No thread could be made: this socket goes, reported.
            c.close(running.getAsBoolean() ? CloseReason.ERROR : CloseReason.SERVER_STOP);
        }
    }

    private void serve(TcpConnection connection, byte[] prefix) {
        serving(connection, () -> {
            // Every answer goes out in one write, at once: no waiting for the client's delayed ACK.
            connection.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.handler = ConnectionHandler.forSocket(connection.channel.socket(), prefix,
                    connection.traffic, connection.ref, config, openSockets, connection,
                    () -> quietAfterLinger(connection.channel));
            return prefix == null ? connection.handler.greetSilent() : connection.handler.serve();
        });
    }

    /** One turn of serving on a worker thread: until the socket ends (it is closed) or goes quiet (parked). */
    interface Turn {
        CloseReason run() throws IOException;
    }

    private void serving(TcpConnection connection, Turn turn) {
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
            home.emit(new ServerEvent.Failed(home.runId(), Instant.now(), connection.ref, "Internal error: " + e));
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

    /**
     * A quiet socket gives its thread back and waits in the idle room until its idle timeout; a held
     * connection until its hold time is up, a live view until it ends (the live hub writes to it meanwhile).
     */
    private void park(TcpConnection c) {
        long idle = config.idleTimeout().isZero() ? FOREVER_NANOS : config.idleTimeout().toNanos();
        SocketRole role = c.role;
        if (role == SocketRole.HELD) {
            idle = config.live().holdFor().toNanos();
        } else if (role == SocketRole.LIVE_VIEW) {
            idle = FOREVER_NANOS;
        }
        c.leaveAt = System.nanoTime() + idle;
        try {
            idleRoom.enter(c);
            if (role == SocketRole.LIVE_VIEW) {
                live.stream(c);
            }
        } catch (IOException e) {
            c.close(classify(e, c));
        }
    }

    /**
     * A held connection's time is up: the end of its answer, then the server closes it. Bytes on a live
     * view or held connection (a new request while its answer is still open) end it.
     */
    private void liveLeaves(TcpConnection c, byte[] bytes) {
        if (bytes == null && c.role == SocketRole.HELD) {
            try {
                c.write("Held for " + config.live().holdFor().toSeconds() + " s: the server lets go now.\n");
                c.close(CloseReason.HOLD_ENDED);
            } catch (IOException e) {
                c.close(classify(e, c));
            }
            return;
        }
        home.emit(new ServerEvent.Failed(home.runId(), Instant.now(), c.ref, "sent a new request while its answer ("
                + c.role.shortWords() + ") was still open; closed"));
        c.close(CloseReason.ERROR);
    }

    /**
     * A parked text client's FIN: the goodbye a serving thread would say (see {@link ConnectionHandler}),
     * said without one. The first half now from the idle room, the second {@code finLinger} later from the
     * farewell thread; the second fails if the client closed entirely.
     */
    private void farewell(TcpConnection c) {
        try {
            c.write(ConnectionHandler.goodbyeFirst(c.handler.echoed()));
            c.finReceived(); // after the first half, so that the event counts its bytes
            farewells.schedule(() -> {
                try {
                    c.write(ConnectionHandler.GOODBYE_SECOND);
                    c.close(CloseReason.PEER_HALF_CLOSED);
                } catch (IOException closedEntirely) {
                    c.close(CloseReason.PEER_CLOSED);
                }
            }, config.finLinger().toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException closedEntirely) {
            c.finReceived();
            c.close(CloseReason.PEER_CLOSED);
        } catch (RejectedExecutionException stopped) {
            c.close(CloseReason.SERVER_STOP);
        }
    }

    /**
     * Why a socket ended, from the error that ended it: a reset is the client's RST; a broken pipe (EPIPE,
     * a write after the connection was torn down) is the client's close when its FIN had arrived, else its
     * reset; anything else is an error, reported with its message.
     */
    CloseReason classify(IOException e, TcpConnection connection) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (connection.closed.get()) {
            return CloseReason.SERVER_STOP; // we closed it ourselves; the reason was already reported
        }
        if (message.contains("broken pipe")) {
            ConnectionHandler handler = connection.handler;
            return handler != null && handler.finSeen() ? CloseReason.PEER_CLOSED : CloseReason.RESET;
        }
        if (message.contains("reset")) {
            return CloseReason.RESET;
        }
        home.emit(new ServerEvent.Failed(home.runId(), Instant.now(), connection.ref, "Connection failed: " + e.getMessage()));
        return CloseReason.ERROR;
    }
}
