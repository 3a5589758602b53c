package io.socketscope.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where sockets wait, all on one selector thread, for their next bytes, their end (FIN), their reset, or a
 * deadline. A server has two: new sockets that have said nothing yet wait there for the banner delay, and
 * open sockets that have gone quiet wait in the other until their idle timeout. A thread per silent socket
 * would be a thread per port scan, and a thread per idle keep-alive; here waiting costs a registration.
 * What becomes of each guest is for {@link Outcomes} to do.
 *
 * @param <G> the server's own record of a socket
 */
final class WaitingRoom<G extends WaitingRoom.Guest> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WaitingRoom.class);

    static {
        // Loaded now, with the server (see SocketServer): when descriptors run out, loading a class fails.
        Preload.classes(Seat.class, Leaving.class);
    }

    /** A socket that can wait here. */
    interface Guest {
        SocketChannel channel();

        /** When ({@link System#nanoTime()}) a guest that stays silent stops waiting (leaves with no bytes). */
        long leaveAt();

        /** Closed elsewhere (Close socket, Stop): it leaves without an outcome. */
        boolean isClosed();
    }

    /** What becomes of a guest; called on the waiting room's thread. */
    interface Outcomes<G> {
        /** The client ended (FIN) or reset before saying anything. */
        void ended(G guest, CloseReason reason);

        /** Reading from it, or putting it back in blocking mode, failed. */
        void failed(G guest, IOException e);

        /**
         * The guest leaves in blocking mode: it spoke ({@code firstBytes} are what it sent so far) or it
         * stayed silent until its deadline ({@code firstBytes} is null).
         */
        void leave(G guest, byte[] firstBytes);
    }

    private record Seat<G>(G guest, SelectionKey key) {
    }

    private record Leaving<G>(G guest, byte[] firstBytes) {
    }

    private final Selector selector;
    private final Outcomes<G> outcomes;
    private final Thread thread;
    /** Guests on their way in from other threads. */
    private final Queue<G> arriving = new ConcurrentLinkedQueue<>();
    /** Seated guests, oldest first: all wait the same banner delay, so the oldest is the next to be greeted. */
    private final ArrayDeque<Seat<G>> waiting = new ArrayDeque<>();
    private final List<Leaving<G>> leaving = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(ConnectionHandler.MAX_LINE);
    private volatile boolean open = true;

    WaitingRoom(String threadName, Outcomes<G> outcomes) throws IOException {
        this.selector = Selector.open();
        this.outcomes = outcomes;
        this.thread = Background.thread(this::run, threadName);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Seats a guest: its channel goes to non-blocking mode and waits here. Any thread. */
    void enter(G guest) throws IOException {
        guest.channel().configureBlocking(false);
        arriving.add(guest);
        selector.wakeup();
    }

    /**
     * A guest's channel was closed elsewhere: the OS keeps the descriptor of a channel registered with a
     * selector until the selector lets go of it, so wake the room to let go now.
     */
    void closedElsewhere(SocketChannel channel) {
        if (channel.isRegistered() && Thread.currentThread() != thread) {
            selector.wakeup();
        }
    }

    /** Stops the room and waits (up to 2 s) until it has let go of every channel. */
    @Override
    public void close() {
        open = false;
        selector.wakeup();
        if (Thread.currentThread() != thread && thread.isAlive()) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (open) {
                try {
                    once();
                } catch (ClosedSelectorException e) {
                    return;
                } catch (IOException | RuntimeException | LinkageError e) {
                    if (!open) {
                        return;
                    }
                    // The room must outlive any one failure (even a class that cannot load for want of files).
                    LOG.warn("waiting room", e);
                    pause();
                }
            }
        } finally {
            // Closing the selector deregisters every channel; one closed while registered is released then.
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("closing the waiting room: {}", e.toString());
            }
        }
    }

    private void once() throws IOException {
        seatArrivals();
        Seat<G> oldest = oldest();
        long now = System.nanoTime();
        if (!arriving.isEmpty() || (oldest != null && oldest.guest().leaveAt() - now <= 0)) {
            selector.selectNow();
        } else if (oldest == null) {
            selector.select();
        } else {
            selector.select(Math.max(1, (oldest.guest().leaveAt() - now + 999_999) / 1_000_000));
        }
        for (SelectionKey key : selector.selectedKeys()) {
            if (key.isValid()) {
                @SuppressWarnings("unchecked")
                Seat<G> seat = (Seat<G>) key.attachment();
                readable(seat);
            }
        }
        selector.selectedKeys().clear();
        long after = System.nanoTime();
        for (Seat<G> seat = oldest(); seat != null && after - seat.guest().leaveAt() >= 0; seat = oldest()) {
            // Silent for the whole banner delay: a person at nc or telnet, to be greeted.
            waiting.pollFirst();
            leave(seat, null);
        }
        handOver();
    }

    private void seatArrivals() {
        for (G guest = arriving.poll(); guest != null; guest = arriving.poll()) {
            if (guest.isClosed()) {
                continue;
            }
            try {
                SelectionKey key = guest.channel().register(selector, SelectionKey.OP_READ);
                Seat<G> seat = new Seat<>(guest, key);
                key.attach(seat);
                waiting.addLast(seat);
            } catch (ClosedChannelException closedMeanwhile) {
                // Close socket or Stop got to it first; its close is already reported.
            }
        }
    }

    /** The longest-waiting guest still here; guests that left or were closed are dropped on the way. */
    private Seat<G> oldest() {
        for (Seat<G> seat = waiting.peekFirst(); seat != null; seat = waiting.peekFirst()) {
            if (seat.key().isValid() && !seat.guest().isClosed()) {
                return seat;
            }
            waiting.pollFirst();
        }
        return null;
    }

    /** A guest's socket is readable: its first bytes, its FIN or its reset. */
    private void readable(Seat<G> seat) {
        G guest = seat.guest();
        if (guest.isClosed()) {
            return;
        }
        buffer.clear();
        try {
            if (Readiness.check(guest.channel()) == Readiness.State.ERROR && !Readiness.hasBytes(guest.channel())) {
                seat.key().cancel();
                outcomes.ended(guest, CloseReason.RESET); // no read, so no exception per reset
                return;
            }
            int n = guest.channel().read(buffer);
            if (n < 0) {
                // An end stays readable: a guest that outlives its end (a text client's goodbye) must not
                // be reported again at every select.
                seat.key().cancel();
                outcomes.ended(guest, CloseReason.PEER_CLOSED);
            } else if (n > 0) {
                leave(seat, PrefixedInput.bytesOf(buffer));
            }
        } catch (IOException e) {
            outcomes.failed(guest, e);
        }
    }

    private void leave(Seat<G> seat, byte[] firstBytes) {
        seat.key().cancel();
        leaving.add(new Leaving<>(seat.guest(), firstBytes));
    }

    /** Guests that spoke (or stayed silent too long) leave in blocking mode. */
    private void handOver() throws IOException {
        if (leaving.isEmpty()) {
            return;
        }
        // A channel returns to blocking mode only once its cancelled key is deregistered, at the next select.
        selector.selectNow();
        for (Leaving<G> l : leaving) {
            G guest = l.guest();
            if (guest.isClosed()) {
                continue;
            }
            try {
                guest.channel().configureBlocking(true);
                outcomes.leave(guest, l.firstBytes());
            } catch (IOException e) {
                outcomes.failed(guest, e);
            }
        }
        leaving.clear();
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
