package io.socketscope.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads CRLF- or LF-terminated lines from a socket with a hard limit on line length, so that no client can
 * make a connection buffer more than the limit. Bytes already read survive a read timeout, so a caller
 * may time out, act, and read on.
 */
final class LineReader {

    /** One line without its terminator; {@code truncated} when the limit cut it. */
    record Line(byte[] bytes, boolean truncated) {
        boolean isEmpty() {
            return bytes.length == 0;
        }
    }

    private final InputStream in;
    private byte[] buffer = new byte[2048];
    private int start;
    private int end;
    private boolean eof;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Whether nothing received waits to be returned: no bytes, and no end of stream seen. */
    boolean isEmpty() {
        return start == end && !eof;
    }

    /** Whether the end of stream (the client's FIN) has been read. */
    boolean sawEnd() {
        return eof;
    }

    /** A copy of the bytes received that are not yet part of a returned line. */
    byte[] pending() {
        return Arrays.copyOfRange(buffer, start, end);
    }

    /**
     * The next line, at most {@code maxLength} bytes; null at end of stream. An unterminated tail before the
     * end of stream is returned as a last line.
     */
    Line readLine(int maxLength) throws IOException {
        while (true) {
            for (int i = start; i < end && i - start <= maxLength; i++) {
                if (buffer[i] == '\n') {
                    int stop = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    Line line = new Line(Arrays.copyOfRange(buffer, start, stop), false);
                    start = i + 1;
                    return line;
                }
            }
            if (end - start >= maxLength) {
                Line cut = new Line(Arrays.copyOfRange(buffer, start, start + maxLength), true);
                start += maxLength;
                return cut;
            }
            if (eof) {
                if (end == start) {
                    return null;
                }
                Line tail = new Line(Arrays.copyOfRange(buffer, start, end), false);
                start = end;
                return tail;
            }
            fill(maxLength);
        }
    }

    private void fill(int maxLength) throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxLength + 2));
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }
}
