package io.socketscope.server;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the bytes read from and written to one connection's streams; readable from any thread. */
final class TrafficCounter {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    Traffic snapshot() {
        return new Traffic(received.get(), sent.get());
    }

    /** Counts bytes written to the channel directly, not through {@link #count(OutputStream)}. */
    void sent(int bytes) {
        sent.addAndGet(bytes);
    }

    InputStream count(InputStream in) {
        return new CountingInput(in, received);
    }

    OutputStream count(OutputStream out) {
        return new CountingOutput(out, sent);
    }

    /** Named (not anonymous) so that the server can load it ahead of need. */
    static final class CountingInput extends FilterInputStream {
        private final AtomicLong counter;

        CountingInput(InputStream in, AtomicLong counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counter.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                counter.addAndGet(n);
            }
            return n;
        }
    }

    /** Named (not anonymous) so that the server can load it ahead of need. */
    static final class CountingOutput extends FilterOutputStream {
        private final AtomicLong counter;

        CountingOutput(OutputStream out, AtomicLong counter) {
            super(out);
            this.counter = counter;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            counter.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            counter.addAndGet(len);
        }
    }
}
