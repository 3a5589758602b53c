package io.socketscope.server;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes already read, then the socket's stream. (Not a SequenceInputStream: that one closes a stream at
 * its end, and closing a socket's input stream closes the socket, before the goodbye after a FIN.)
 */
final class PrefixedInput extends InputStream {
    private byte[] prefix;
    private final InputStream rest;
    private int next;

    PrefixedInput(byte[] prefix, InputStream rest) {
        this.prefix = prefix;
        this.rest = rest;
    }

    /** Bytes read elsewhere (while the connection was parked) go in front of the rest; the last are used up. */
    void push(byte[] bytes) {
        prefix = bytes;
        next = 0;
    }

    boolean usedUp() {
        return next >= prefix.length;
    }

    /** Whether the unread bytes start a TLS record of type handshake (0x16), as a ClientHello does. */
    boolean startsWithTlsHandshake() {
        return next < prefix.length && prefix[next] == 0x16
                && (next + 1 >= prefix.length || prefix[next + 1] == 0x03);
    }

    /** What was read into {@code buffer} (since its last clear), as the bytes to put in front. */
    static byte[] bytesOf(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.flip().remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public int read() throws IOException {
        return next < prefix.length ? prefix[next++] & 0xff : rest.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (next >= prefix.length) {
            return rest.read(b, off, len);
        }
        int n = Math.min(len, prefix.length - next);
        System.arraycopy(prefix, next, b, off, n);
        next += n;
        return n;
    }
}
