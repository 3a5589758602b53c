package io.socketscope.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaks to one accepted connection: HTTP clients get a page (or JSON) that tells them which socket they
 * are, with keep-alive; anything else gets a one-line banner and its lines echoed back.
 */
final class ConnectionHandler {

    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MAX_HEADER_LINES = 100;
    static final int MAX_LOGGED = 300;

    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]{1,20}) (\\S+) HTTP/(\\d)\\.(\\d)");
    /** How an HTTP request line starts; enough to recognise one that is too long to read whole. */
    private static final Pattern REQUEST_START = Pattern.compile("[A-Z]{1,20} /\\S*");

    /** Where the handler reports each answered request or echoed line. */
    interface Reporter {
        void answered(String line, int status, String userAgent);
    }

    private final Socket socket;
    private final ConnectionRef ref;
    private final ServerConfig config;
    private final IntSupplier openSockets;
    private final Reporter reporter;
    private final LineReader in;
    private final OutputStream out;
    private String userAgent = "";

    ConnectionHandler(Socket socket, ConnectionRef ref, ServerConfig config, IntSupplier openSockets,
                      Reporter reporter) throws IOException {
        this.socket = socket;
        this.ref = ref;
        this.config = config;
        this.openSockets = openSockets;
        this.reporter = reporter;
        this.in = new LineReader(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Serves the connection until it ends; returns why it ended. A read timeout escapes as an exception. */
    CloseReason serve() throws IOException {
        LineReader.Line first;
        socket.setSoTimeout((int) config.bannerDelay().toMillis());
        try {
            first = in.readLine(MAX_LINE);
        } catch (SocketTimeoutException quiet) {
            // HTTP clients speak first; a silent client is a person at nc or telnet: greet them.
            send(Pages.banner(ref, openSockets.getAsInt()));
            return echoLines();
        }
        if (first == null) {
            return CloseReason.PEER_CLOSED;
        }
        socket.setSoTimeout((int) config.idleTimeout().toMillis());
        String text = latin1(first);
        boolean http = first.truncated() ? REQUEST_START.matcher(text).matches()
                : REQUEST_LINE.matcher(text).matches();
        if (http) {
            return http(first);
        }
        send(Pages.banner(ref, openSockets.getAsInt()));
        echo(first);
        return echoLines();
    }

    private CloseReason echoLines() throws IOException {
        socket.setSoTimeout((int) config.idleTimeout().toMillis());
        for (LineReader.Line line = in.readLine(MAX_LINE); line != null; line = in.readLine(MAX_LINE)) {
            echo(line);
        }
        return CloseReason.PEER_CLOSED;
    }

    private void echo(LineReader.Line line) throws IOException {
        String text = new String(line.bytes(), StandardCharsets.UTF_8);
        out.write(line.bytes());
        out.write(line.truncated()
                ? ("\r\n[SocketScope: that line was longer than " + MAX_LINE + " bytes and was cut]\r\n")
                        .getBytes(StandardCharsets.US_ASCII)
                : new byte[] {'\r', '\n'});
        out.flush();
        reporter.answered(forLog(text), 0, "");
    }

    private CloseReason http(LineReader.Line requestLine) throws IOException {
        LineReader.Line line = requestLine;
        while (true) {
            String text = latin1(line);
            if (line.truncated()) {
                respond(text, 414, "URI Too Long", false, false, "text/html",
                        Pages.error(414, "URI Too Long", "The request line is longer than 8 KiB."));
                return CloseReason.RESPONSE_DONE;
            }
            Matcher m = REQUEST_LINE.matcher(text);
            if (!m.matches()) {
                respond(text, 400, "Bad Request", false, false, "text/html",
                        Pages.error(400, "Bad Request", "That is not an HTTP request line."));
                return CloseReason.RESPONSE_DONE;
            }
            Map<String, String> headers = readHeaders();
            if (headers == null) {
                respond(text, 431, "Request Header Fields Too Large", false, false, "text/html",
                        Pages.error(431, "Request Header Fields Too Large",
                                "Headers are limited to 16 KiB and 100 lines."));
                return CloseReason.RESPONSE_DONE;
            }
            if (headers.containsKey(":eof")) {
                return CloseReason.PEER_CLOSED;
            }
            boolean keepAlive = keepAlive(m, headers) && !hasBody(headers);
            userAgent = headers.getOrDefault("user-agent", "");
            if (!serveOne(text, m.group(1), m.group(2), m.group(3), keepAlive)) {
                return CloseReason.RESPONSE_DONE;
            }
            do {
                line = in.readLine(MAX_LINE);
            } while (line != null && line.isEmpty());
            if (line == null) {
                return CloseReason.PEER_CLOSED;
            }
        }
    }

    /** Answers one request; returns whether the connection stays open. */
    private boolean serveOne(String requestLine, String method, String target, String major, boolean keepAlive)
            throws IOException {
        boolean head = method.equals("HEAD");
        if (!major.equals("1")) {
            respond(requestLine, 505, "HTTP Version Not Supported", false, head, "text/html",
                    Pages.error(505, "HTTP Version Not Supported", "SocketScope speaks HTTP/1.0 and HTTP/1.1."));
            return false;
        }
        if (!method.equals("GET") && !head) {
            respond(requestLine, 405, "Method Not Allowed", false, false, "text/html",
                    Pages.error(405, "Method Not Allowed", "SocketScope answers GET and HEAD only."));
            return false;
        }
        String path = target.split("[?#]", 2)[0];
        int open = openSockets.getAsInt();
        switch (path) {
            case "/", "/index.html" -> respond(requestLine, 200, "OK", keepAlive, head, "text/html",
                    Pages.html(ref, open));
            case "/socket.json" -> respond(requestLine, 200, "OK", keepAlive, head, "application/json",
                    Pages.json(ref, open));
            case Pages.ANOTHER_PATH -> {
                // Closing this socket after the redirect makes the browser fetch "/" on a fresh connection.
                respondRedirect(requestLine, "/");
                return false;
            }
            default -> respond(requestLine, 404, "Not Found", keepAlive, head, "text/html",
                    Pages.error(404, "Not Found", "SocketScope serves only / and /socket.json."));
        }
        return keepAlive;
    }

    /** Reads header lines up to the blank line; null when over the limits, a ":eof" entry at end of stream. */
    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new HashMap<>();
        int total = 0;
        int count = 0;
        while (true) {
            LineReader.Line line = in.readLine(MAX_LINE);
            if (line == null) {
                headers.put(":eof", "");
                return headers;
            }
            if (line.isEmpty()) {
                return headers;
            }
            total += line.bytes().length + 2;
            count++;
            if (line.truncated() || total > MAX_HEADER_BYTES || count > MAX_HEADER_LINES) {
                return null;
            }
            String text = latin1(line);
            int colon = text.indexOf(':');
            if (colon > 0) {
                headers.put(text.substring(0, colon).strip().toLowerCase(Locale.ROOT), text.substring(colon + 1).strip());
            }
        }
    }

    private static boolean keepAlive(Matcher requestLine, Map<String, String> headers) {
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        if (connection.contains("close")) {
            return false;
        }
        boolean http11 = requestLine.group(4).equals("1");
        return http11 || connection.contains("keep-alive");
    }

    /** A request body we do not read would be taken for the next request, so such a connection closes. */
    private static boolean hasBody(Map<String, String> headers) {
        String length = headers.get("content-length");
        return headers.containsKey("transfer-encoding") || (length != null && !length.equals("0"));
    }

    private void respond(String requestLine, int status, String reason, boolean keepAlive, boolean head,
                         String type, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(256)
                .append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n")
                .append("Content-Type: ").append(type).append("; charset=utf-8\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n")
                .append("Cache-Control: no-store\r\n")
                .append("X-Content-Type-Options: nosniff\r\n")
                .append("Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n")
                .append("X-Socket: ").append(ref.descriptor().label()).append("\r\n");
        if (keepAlive) {
            h.append("Connection: keep-alive\r\n");
            if (!config.idleTimeout().isZero()) {
                h.append("Keep-Alive: timeout=").append(config.idleTimeout().toSeconds()).append("\r\n");
            }
        } else {
            h.append("Connection: close\r\n");
        }
        h.append("\r\n");
        out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(content);
        }
        out.flush();
        reporter.answered(forLog(requestLine), status, forLog(userAgent));
    }

    /** Events carry at most {@value #MAX_LOGGED} characters of what a client sent. */
    static String forLog(String line) {
        return line.length() <= MAX_LOGGED ? line : line.substring(0, MAX_LOGGED) + "… (" + line.length() + " chars)";
    }

    private void respondRedirect(String requestLine, String location) throws IOException {
        String head = "HTTP/1.1 303 See Other\r\nLocation: " + location + "\r\nContent-Length: 0\r\n"
                + "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        reporter.answered(forLog(requestLine), 303, forLog(userAgent));
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String latin1(LineReader.Line line) {
        return new String(line.bytes(), StandardCharsets.ISO_8859_1);
    }
}
