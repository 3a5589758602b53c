package io.socketscope.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The input side of a connection with two clocks: a read timeout while waiting (banner delay or idle
 * timeout), and a deadline for a whole request head that starts with its first byte, so that a client
 * trickling one byte at a time cannot hold a socket forever while "sending".
 */
final class TimedInput extends InputStream {

    /** Sets the read timeout of the underlying socket, in milliseconds (0 = none). */
    @FunctionalInterface
    interface ReadTimeout {
        void set(int millis) throws IOException;
    }

    /** The request head was not complete by its deadline. */
    static final class HeadDeadlineExceeded extends IOException {
        HeadDeadlineExceeded() {
            super("request head not complete by its deadline");
        }
    }

    private final InputStream in;
    private final ReadTimeout timeout;
    /** Whether bytes surely wait in the socket, so that a read cannot wait; false when unsure. */
    private final BooleanSupplier bytesWaiting;
    private final long headDeadlineNanos;
    private final int idleMillis;
    private int waitMillis;
    private boolean waitingForRequest;
    private long deadlineAt;
    private int lastTimeout = -1;

    /**
     * {@code bytesWaiting} lets a read skip its timeout when bytes are already there: a socket read with a timeout
     * switches the socket to non-blocking mode and back around the read (four fcntl calls), on every
     * request of a keep-alive client.
     */
    TimedInput(InputStream in, ReadTimeout timeout, BooleanSupplier bytesWaiting, ServerConfig config) {
        this.in = in;
        this.timeout = timeout;
        this.bytesWaiting = bytesWaiting;
        this.headDeadlineNanos = config.headerDeadline().toNanos();
        this.idleMillis = (int) config.idleTimeout().toMillis();
        this.waitMillis = idleMillis;
    }

    /** A request may start now: wait up to {@code millis} for its first byte, then start its deadline. */
    void expectRequest(int millis) {
        waitingForRequest = true;
        waitMillis = millis;
        deadlineAt = 0;
    }

    /** The head is complete (or this is not HTTP): only the idle timeout applies. */
    void headDone() {
        waitingForRequest = false;
        waitMillis = idleMillis;
        deadlineAt = 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        boolean deadlineBound = false;
        if (deadlineAt != 0) {
            long left = (deadlineAt - System.nanoTime() + 999_999) / 1_000_000;
            if (left <= 0) {
                throw new HeadDeadlineExceeded();
            }
            deadlineBound = idleMillis <= 0 || left <= idleMillis;
            setTimeout((int) (deadlineBound ? left : idleMillis));
        } else if (bytesWaiting.getAsBoolean()) {
            setTimeout(0); // bytes are there: the read returns at once, and a plain blocking read is the cheapest
        } else {
            setTimeout(waitMillis);
        }
        int n;
        try {
            n = in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            if (deadlineBound) {
                throw new HeadDeadlineExceeded();
            }
            throw e;
        }
        if (n > 0 && waitingForRequest) {
            waitingForRequest = false;
            if (headDeadlineNanos > 0) {
                deadlineAt = System.nanoTime() + headDeadlineNanos;
            }
        }
        return n;
    }

    private void setTimeout(int millis) throws IOException {
        if (millis != lastTimeout) {
            timeout.set(Math.max(0, millis));
            lastTimeout = millis;
        }
    }
}
