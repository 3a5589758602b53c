package io.socketscope.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What one connection's HTTP requests get ({@link #forRequest}: the page, its JSON, a redirect, or an error
 * page), each answer as the bytes of a single write: status line, headers and body together
 * (two writes on one socket were the classic write-write-read stall: the body waited, under Nagle, for the
 * ACK of the head, which the client delays by up to 40 ms).
 *
 * <p>It keeps the last page it answered: a keep-alive client asking for the same page again while the number
 * of open sockets is the same (a browser's reload, {@code curl} in a loop, a load test) gets the same bytes
 * without the page being built and encoded again. The socket's own figures in it (descriptor, addresses)
 * never change for a connection; the count of open sockets is part of the key.
 */
final class HttpAnswers {

    static {
        Preload.nestedIn(HttpAnswers.class); // while descriptors are to be had (see SocketServer)
    }

    /** An answer to send in one write, its status for the log, and whether the connection stays open after it. */
    record Answer(byte[] bytes, int status, boolean keepOpen) {
    }

    /** What a page's bytes depend on besides the connection itself. */
    private record PageKey(String type, boolean keepAlive, boolean head, int open) {
    }

    private final ConnectionRef ref;
    /** Whether a kept-alive answer says {@code Keep-Alive: timeout=} (not when there is no idle timeout). */
    private final boolean sayTimeout;
    private final long timeoutSeconds;
    private PageKey lastKey;
    private byte[] last;

    HttpAnswers(ConnectionRef ref, Duration idleTimeout) {
        this.ref = ref;
        this.sayTimeout = !idleTimeout.isZero();
        this.timeoutSeconds = idleTimeout.toSeconds();
    }

    /**
     * The answer to a request that was read whole and framed correctly, with {@code open} sockets open on
     * the port now: the page and its JSON for GET and HEAD over HTTP/1.x, a redirect (and a close) for
     * {@value Pages#ANOTHER_PATH}, an error page otherwise.
     */
    Answer forRequest(String method, String target, String major, boolean keepAlive, int open) {
        boolean head = method.equals("HEAD");
        if (!major.equals("1")) {
            return new Answer(answer(505, "HTTP Version Not Supported", false, head, "text/html",
                    Pages.error(505, "HTTP Version Not Supported", "SocketScope speaks HTTP/1.0 and HTTP/1.1.")), 505, false);
        }
        if (!method.equals("GET") && !head) {
            return closing(405, "Method Not Allowed", "SocketScope answers GET and HEAD only.");
        }
        return switch (pathOf(target)) {
            case "/", "/index.html" -> new Answer(page("text/html", keepAlive, head, open, () -> Pages.html(ref, open)),
                    200, keepAlive);
            case "/socket.json" -> new Answer(page("application/json", keepAlive, head, open,
                    () -> Pages.json(ref, open)), 200, keepAlive);
            // Closing this socket after the redirect makes the browser fetch "/" on a fresh connection.
            case Pages.SCRIPT_PATH -> new Answer(page("text/javascript", keepAlive, head, 0, Pages::script), 200,
                    keepAlive);
            // A HEAD request to a live path only learns what it would get; a GET becomes the live socket.
            case Pages.EVENTS_PATH -> new Answer(answer(200, "OK", false, head, "text/event-stream", ""), 200, false);
            case Pages.HOLD_PATH -> new Answer(answer(200, "OK", false, head, "text/plain", ""), 200, false);
            case Pages.ANOTHER_PATH -> new Answer(("HTTP/1.1 303 See Other\r\nLocation: /\r\nContent-Length: 0\r\n"
                    + "Cache-Control: no-store\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), 303, false);
            default -> new Answer(answer(404, "Not Found", keepAlive, head, "text/html",
                    Pages.error(404, "Not Found", "SocketScope serves only /, /socket.json and what its page asks for"
                            + " (/live.js, /events, /hold).")), 404, keepAlive);
        };
    }

    /**
     * What a request makes of its socket: a GET of {@value Pages#EVENTS_PATH} the page's live view, a GET of
     * {@value Pages#HOLD_PATH} a held connection; anything else none.
     */
    static SocketRole roleOf(String method, String target, String major) {
        if (!method.equals("GET") || !major.equals("1")) {
            return SocketRole.NONE;
        }
        String path = pathOf(target);
        return path.equals(Pages.EVENTS_PATH) ? SocketRole.LIVE_VIEW
                : path.equals(Pages.HOLD_PATH) ? SocketRole.HELD : SocketRole.NONE;
    }

    /**
     * The head of a live view's or held connection's answer and the start of its body. Neither has a length:
     * the body ends when the socket closes (RFC 9112 6.3), so the page reads each update as it comes. A held
     * connection's body says which socket it is; the page reads the same from its X-Socket header.
     */
    byte[] liveStart(SocketRole role, Duration holdFor) {
        boolean stream = role == SocketRole.LIVE_VIEW;
        String head = "HTTP/1.1 200 OK\r\n"
                + "Content-Type: " + (stream ? "text/event-stream" : "text/plain") + "; charset=utf-8\r\n"
                + "Cache-Control: no-store\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "X-Socket: " + ref.descriptor().label() + "\r\n"
                + "X-Client-Port: " + ref.client().port() + "\r\n"
                + "Connection: close\r\n\r\n";
        String body = stream ? "retry: 3000\n\n"
                : "SocketScope holds this connection open: " + ref.descriptor().label() + ", " + ref.client() + " -> "
                        + ref.server() + ", for up to " + holdFor.toSeconds() + " s.\n";
        return (head + body).getBytes(StandardCharsets.UTF_8);
    }

    /** An error page after which the connection closes. */
    Answer closing(int status, String reason, String explanation) {
        return new Answer(answer(status, reason, false, false, "text/html", Pages.error(status, reason, explanation)),
                status, false);
    }

    /** A request target without its query or fragment. */
    static String pathOf(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                return target.substring(0, i);
            }
        }
        return target;
    }

    /**
     * A 200 answer of {@code type} whose body depends only on this connection and {@code open}: the same
     * bytes as last time when nothing in the key changed, else built from {@code body}.
     */
    private byte[] page(String type, boolean keepAlive, boolean head, int open, Supplier<String> body) {
        PageKey key = new PageKey(type, keepAlive, head, open);
        if (!key.equals(lastKey)) {
            last = answer(200, "OK", keepAlive, head, type, body.get());
            lastKey = key;
        }
        return last;
    }

    /** Any answer, built now. A HEAD request's answer says the body's length and leaves the body out. */
    private byte[] answer(int status, String reason, boolean keepAlive, boolean head, String type, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(400)
                .append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n")
                .append("Content-Type: ").append(type).append("; charset=utf-8\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n")
                .append("Cache-Control: no-store\r\n")
                .append("X-Content-Type-Options: nosniff\r\n")
                .append("Content-Security-Policy: ").append(Pages.POLICY).append("\r\n")
                .append("X-Socket: ").append(ref.descriptor().label()).append("\r\n");
        if (keepAlive) {
            h.append("Connection: keep-alive\r\n");
            if (sayTimeout) {
                h.append("Keep-Alive: timeout=").append(timeoutSeconds).append("\r\n");
            }
        } else {
            h.append("Connection: close\r\n");
        }
        h.append("\r\n");
        byte[] headBytes = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (head) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(content, 0, all, headBytes.length, content.length);
        return all;
    }
}
