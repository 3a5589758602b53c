package io.socketscope.server;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches what the kernel keeps of one TCP port's connections, on a thread of its own: a few times a
 * second, and only while the port has sockets or the kernel still keeps some of them, it reads the
 * kernel's table ({@link KernelReader}) and reports each change of a connection's state as a
 * {@link ServerEvent.KernelState}: the open sockets' states (ESTABLISHED, CLOSE_WAIT, ...), and the
 * connections the kernel keeps after their fd closed (TIME_WAIT, FIN_WAIT2, LAST_ACK) until it drops them.
 *
 * <p>Server threads only hand it their ACCEPT and CLOSE events ({@link #changed}: a queue); it learns
 * from them which connection (and fd) each 4-tuple of the kernel's table is. The closed ones are
 * remembered for the port across runs, so that a server restarted while its old connections sit in
 * TIME_WAIT still knows whose fd each one was.
 */
public final class KernelWatch {

    static {
        Preload.nestedIn(KernelWatch.class); // while descriptors are to be had (see SocketServer)
    }

    /** How often the table is read while something can change. */
    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /**
     * The reader's share of one core, at most: a read takes the kernel ~5 µs a row of its whole table (10,000
     * TIME_WAIT connections: ~50 ms here), so a long read spaces the next ones out (up to {@link #LONGEST_NANOS}).
     */
    static final int SHARE_DIVISOR = 20;
    static final long LONGEST_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** How long a closed connection is remembered: TIME_WAIT is 60 s on Linux, an orphan FIN_WAIT2 60 s more. */
    private static final long REMEMBER_NANOS = TimeUnit.SECONDS.toNanos(150);
    private static final int REMEMBERED_MAX = 200_000;
    private static final int MAX_QUEUED = 400_000;

    /** Closed connections by port, across runs: a 4-tuple's last connection and when it closed. */
    private static final Map<Integer, Map<KernelReader.Tuple, Closed>> MEMORY = new ConcurrentHashMap<>();

    private record Closed(ConnectionRef ref, long atNanos) {
    }

    /** What was last said of a connection. */
    private record Reported(ConnectionRef ref, TcpState state, boolean fd) {
    }

    /** The reader's cost, for the benchmark, and when (nanoTime) its last read began. */
    public record Figures(long reads, long readNanos, long maxReadNanos, int lastRows, long lastReadStarted) {
    }

    private final KernelReader table;
    private final int port;
    private final long runId;
    private final ServerListener out;
    private final Queue<ServerEvent> taps = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Map<KernelReader.Tuple, ConnectionRef> open = new HashMap<>();
    private final Map<KernelReader.Tuple, Closed> closed;
    private Map<Long, Reported> reported = new HashMap<>();
    private volatile boolean running = true;
    private final Thread thread;
    private volatile Figures figures = new Figures(0, 0, 0, 0, 0);
    /** The pause before the next read: {@link #INTERVAL_NANOS}, longer after a long read. */
    private long interval = INTERVAL_NANOS;

    KernelWatch(KernelReader table, int port, long runId, ServerListener out) {
        this.table = table;
        this.port = port;
        this.runId = runId;
        this.out = out;
        this.closed = MEMORY.computeIfAbsent(port, p -> new LinkedHashMap<>());
        this.thread = Background.thread(this::loop, "socketscope-kernel-" + port);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** An ACCEPT or a CLOSE of the port. Any thread; only enqueues. */
    void changed(ServerEvent event) {
        if (event instanceof ServerEvent.Accepted || event instanceof ServerEvent.Closed) {
            if (queued.incrementAndGet() <= MAX_QUEUED) {
                taps.add(event);
            } else {
                queued.decrementAndGet();
            }
        }
    }

    /** Stops reading and reporting (Stop: the run's last sockets are about to close, and nothing is said of them). */
    void stop() {
        running = false;
        LockSupport.unpark(thread);
        ServerThreads.joinAll(java.util.List.of(thread));
    }

    /**
     * After {@link #stop} and the run's last closes: remembers them (a restart finds them in TIME_WAIT and knows
     * whose fd each was) and closes the kernel's tables.
     */
    void remember() {
        synchronized (closed) {
            drain();
        }
        table.close();
    }

    Figures figures() {
        return figures;
    }

    private void loop() {
        // A restart: the port's last run may have left connections the kernel still keeps. One look says.
        boolean look;
        synchronized (closed) {
            look = !closed.isEmpty();
        }
        while (running) {
            LockSupport.parkNanos(interval);
            if (!running) {
                return;
            }
            synchronized (closed) {
                boolean happened = drain();
                if (happened || look || !open.isEmpty() || !reported.isEmpty()) {
                    look = false;
                    readOnce();
                }
            }
        }
    }

    /** Takes what the server threads handed in; true if anything was. */
    private boolean drain() {
        boolean any = false;
        long now = System.nanoTime();
        for (ServerEvent e; (e = taps.poll()) != null; ) {
            queued.decrementAndGet();
            any = true;
            if (e instanceof ServerEvent.Accepted a) {
                open.put(KernelReader.Tuple.of(a.connection()), a.connection());
            } else if (e instanceof ServerEvent.Closed c) {
                KernelReader.Tuple tuple = KernelReader.Tuple.of(c.connection());
                open.remove(tuple);
                closed.remove(tuple);
                closed.put(tuple, new Closed(c.connection(), now));
            }
        }
        for (Iterator<Closed> it = closed.values().iterator(); it.hasNext(); ) {
            Closed oldest = it.next();
            if (closed.size() <= REMEMBERED_MAX && now - oldest.atNanos() < REMEMBER_NANOS) {
                break;
            }
            it.remove();
        }
        return any;
    }

    private void readOnce() {
        long started = System.nanoTime();
        java.util.List<KernelReader.Row> rows;
        try {
            rows = table.read(port);
        } catch (IOException | RuntimeException | LinkageError e) {
            return; // the next read tries again (descriptors may be back); the states shown stay the last ones read
        }
        long took = System.nanoTime() - started;
        interval = Math.min(LONGEST_NANOS, Math.max(INTERVAL_NANOS, took * SHARE_DIVISOR));
        Figures f = figures;
        figures = new Figures(f.reads() + 1, f.readNanos() + took, Math.max(f.maxReadNanos(), took), rows.size(),
                started);
        Instant now = Instant.now();
        Map<Long, Reported> next = new HashMap<>(Math.max(16, rows.size() * 2));
        for (KernelReader.Row row : rows) {
            KernelReader.Tuple tuple = row.tuple();
            ConnectionRef ref = open.get(tuple);
            boolean fd = ref != null && !row.state().neverHasFd();
            if (ref == null) {
                Closed gone = closed.get(tuple);
                if (gone == null) {
                    continue; // not one of this server's sockets yet (still in the accept queue)
                }
                ref = gone.ref();
            }
            Reported before = reported.get(ref.id());
            if (before == null || before.state() != row.state() || before.fd() != fd) {
                out.onEvent(new ServerEvent.KernelState(runId, now, ref, row.state(), row.timerMillis(), fd));
            }
            next.put(ref.id(), new Reported(ref, row.state(), fd));
        }
        for (Reported r : reported.values()) {
            if (next.containsKey(r.ref().id())) {
                continue;
            }
            ConnectionRef current = open.get(KernelReader.Tuple.of(r.ref()));
            boolean stillOpen = current != null && current.id() == r.ref().id();
            if (stillOpen && r.state() != TcpState.CLOSE) {
                // Out of the kernel's table while the server holds its fd: reset, the socket is closed.
                out.onEvent(new ServerEvent.KernelState(runId, now, r.ref(), TcpState.CLOSE, -1, true));
                next.put(r.ref().id(), new Reported(r.ref(), TcpState.CLOSE, true));
            } else if (!stillOpen && !r.fd()) {
                // A connection kept after its fd is dropped: said. One whose fd closed with it: its CLOSE said so.
                out.onEvent(new ServerEvent.KernelState(runId, now, r.ref(), TcpState.GONE, -1, false));
            } else if (stillOpen) {
                next.put(r.ref().id(), r);
            }
        }
        reported = next;
    }
}
