package io.socketscope.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaks to one accepted connection: HTTP clients get a page (or JSON) that tells them which socket they
 * are, with keep-alive; anything else gets a one-line banner and its lines echoed back. Every limit is
 * enforced while reading, so no client can make a connection buffer more than its limit.
 */
final class ConnectionHandler {

    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MAX_HEADER_LINES = 100;
    static final int MAX_LOGGED = 300;

    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]{1,20}) (\\S+) HTTP/(\\d)\\.(\\d)");
    /** How an HTTP request line starts; enough to recognise one that is too long or too slow to read whole. */
    private static final Pattern REQUEST_START = Pattern.compile("[A-Z]{1,20} /\\S*( H[TP/0-9.]*)?");

    /**
     * Whether an idle connection may give its thread back: true when, after a short linger, it still has
     * nothing to read (no bytes, no FIN, no reset), so that it can wait on a selector instead of a thread.
     */
    @FunctionalInterface
    interface Parking {
        boolean quiet() throws IOException;

        /** Never parks: the handler serves to the end on its thread (tests that feed it a stream). */
        Parking NEVER = () -> false;
    }

    /** What the connection was doing when it parked, and so what to go on with when it resumes. */
    enum Mode { FIRST, ECHO, HTTP, LIVE }

    /** Where the handler reports each answered request or echoed line. */
    interface Reporter {
        void answered(String line, int status, String userAgent);

        /** An answer that made the socket the page's live view or a held connection: it stays open. */
        default void answered(String line, int status, String userAgent, SocketRole role) {
            answered(line, status, userAgent);
        }

        /** Whether the socket may become a live view or held connection: null if so, else why not. */
        default String admitLive(SocketRole role) {
            return null;
        }

        /** A text client's end of stream (FIN) arrived: the socket is half-closed from its side. */
        default void finReceived() {
        }

        /** A text client was greeted with the banner ({@code silent}: it had said nothing); bytes are counted. */
        default void greeted(boolean silent) {
        }

        /** The client opened with a TLS handshake (it tried https://); the socket closes at once. */
        default void tlsClient() {
        }
    }

    private final ConnectionRef ref;
    private final ServerConfig config;
    private final IntSupplier openSockets;
    private final Reporter reporter;
    private final TimedInput clock;
    private final LineReader in;
    private final OutputStream out;
    private final PrefixedInput arrived;
    private final Parking parking;
    private final HttpAnswers answers;
    private String userAgent = "";
    private Mode mode = Mode.FIRST;
    private int echoed;

    ConnectionHandler(InputStream input, OutputStream out, TimedInput.ReadTimeout timeout, ConnectionRef ref,
                      ServerConfig config, IntSupplier openSockets, Reporter reporter) {
        this(new PrefixedInput(new byte[0], input), input, out, timeout, () -> false, ref, config,
                openSockets, reporter, Parking.NEVER);
    }

    private ConnectionHandler(PrefixedInput arrived, InputStream counted, OutputStream out,
                              TimedInput.ReadTimeout timeout, BooleanSupplier bytesWaiting, ConnectionRef ref,
                              ServerConfig config, IntSupplier openSockets, Reporter reporter, Parking parking) {
        this.ref = ref;
        this.config = config;
        this.openSockets = openSockets;
        this.reporter = reporter;
        this.arrived = arrived;
        this.parking = parking;
        this.clock = new TimedInput(counted, timeout, bytesWaiting, config);
        this.in = new LineReader(clock);
        this.out = out;
        this.answers = new HttpAnswers(ref, config.idleTimeout());
    }

    /**
     * Serves an accepted socket, with every byte in and out counted by {@code traffic}; {@code prefix} holds
     * bytes already read from it (read first, and counted like the rest), or is null.
     */
    static ConnectionHandler forSocket(Socket socket, byte[] prefix, TrafficCounter traffic, ConnectionRef ref,
                                       ServerConfig config, IntSupplier openSockets, Reporter reporter,
                                       Parking parking) throws IOException {
        PrefixedInput arrived = new PrefixedInput(prefix == null ? new byte[0] : prefix, socket.getInputStream());
        return new ConnectionHandler(arrived, traffic.count(arrived), traffic.count(socket.getOutputStream()),
                socket::setSoTimeout, () -> Readiness.bytesWaiting(socket.getChannel()), ref, config, openSockets,
                reporter, parking);
    }

    /**
     * Serves a client that has said nothing for the whole banner delay: greets it at once, then echoes.
     * Like {@link #serve}, returns null when the connection is open and idle.
     */
    CloseReason greetSilent() throws IOException {
        return greetAndEcho(null);
    }

    /**
     * Serves the connection until it ends and returns why it ended, or until it is open but idle (a
     * keep-alive connection between requests, a text client between lines, past a short linger) and
     * returns null: the caller parks it and calls {@link #resume} with its next bytes. A read timeout
     * escapes as an exception.
     */
    CloseReason serve() throws IOException {
        if (mode == Mode.FIRST && arrived.startsWithTlsHandshake()) {
            // A TLS record starts with 0x16 (handshake): no HTTP or text client sends that byte first.
            reporter.tlsClient();
            return CloseReason.TLS_CLIENT;
        }
        LineReader.Line first;
        clock.expectRequest((int) config.bannerDelay().toMillis());
        try {
            first = in.readLine(MAX_LINE);
        } catch (TimedInput.HeadDeadlineExceeded slow) {
            if (REQUEST_START.matcher(latin1(in.pending())).matches()) {
                return requestTimeout("");
            }
            return greetAndEcho(null);
        } catch (SocketTimeoutException quiet) {
            // HTTP clients speak first; a silent client is a person at nc or telnet: greet them.
            return greetAndEcho(null);
        }
        if (first == null) {
            return CloseReason.PEER_CLOSED;
        }
        String text = latin1(first.bytes());
        boolean http = first.truncated() ? REQUEST_START.matcher(text).matches()
                : REQUEST_LINE.matcher(text).matches();
        return http ? http(first) : greetAndEcho(first);
    }

    /**
     * Goes on with a parked connection: {@code bytes} are what arrived while it was parked (read first);
     * returns as {@link #serve} does.
     */
    CloseReason resume(byte[] bytes) throws IOException {
        arrived.push(bytes);
        // Not a switch: a switch on an enum is a class of its own, one more to load when descriptors run out.
        if (mode == Mode.ECHO) {
            return echoLines();
        }
        if (mode == Mode.LIVE) {
            return CloseReason.ERROR; // a live answer is still open: the client may not ask again on it
        }
        return mode == Mode.HTTP ? http(null) : serve();
    }

    /** Whether the parked connection was a text client: its FIN is then answered with {@link #goodbyeFirst}. */
    boolean isText() {
        return mode == Mode.ECHO;
    }

    /** Whether the client's FIN has arrived (read by this handler). */
    boolean finSeen() {
        return in.sawEnd();
    }

    /** How many lines a text client sent. */
    int echoed() {
        return echoed;
    }

    private CloseReason greetAndEcho(LineReader.Line first) throws IOException {
        clock.headDone();
        mode = Mode.ECHO;
        send(Pages.banner(ref, openSockets.getAsInt()));
        reporter.greeted(first == null);
        if (first != null) {
            echo(first);
        }
        return echoLines();
    }

    private CloseReason echoLines() throws IOException {
        while (!idle()) {
            LineReader.Line line = in.readLine(MAX_LINE);
            if (line == null) {
                return goodbye();
            }
            echo(line);
        }
        return null;
    }

    /** Nothing read and waiting, and nothing arriving within the linger: the connection can be parked. */
    private boolean idle() throws IOException {
        return in.isEmpty() && arrived.usedUp() && parking.quiet();
    }

    /** The first half of the goodbye to a text client whose FIN arrived. */
    static String goodbyeFirst(int echoed) {
        return "SocketScope: your end of the stream arrived (FIN) after " + echoed
                + (echoed == 1 ? " line" : " lines") + ".";
    }

    /** The second half, sent {@code finLinger} later: it fails if the client closed entirely. */
    static final String GOODBYE_SECOND = " Closing this socket from the server side too. Bye.\r\n";

    /**
     * After a text client's FIN the server can still send: it says goodbye in two halves with a pause
     * between. A client that only shut its sending side reads both; a client that closed entirely answers
     * the first half with a reset, so the second half fails. That tells a half-close from a full close.
     */
    private CloseReason goodbye() {
        boolean firstHalfSent = false;
        try {
            send(goodbyeFirst(echoed));
            firstHalfSent = true;
        } catch (IOException closedEntirely) {
            // reported below: the FIN arrived either way
        }
        // After the first half, so that the event counts its bytes as sent.
        reporter.finReceived();
        if (!firstHalfSent) {
            return CloseReason.PEER_CLOSED;
        }
        try {
            pause(config.finLinger().toMillis());
            send(GOODBYE_SECOND);
            return CloseReason.PEER_HALF_CLOSED;
        } catch (IOException closedEntirely) {
            return CloseReason.PEER_CLOSED;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void echo(LineReader.Line line) throws IOException {
        String text = new String(line.bytes(), StandardCharsets.UTF_8);
        byte[] end = line.truncated()
                ? ("\r\n[SocketScope: that line was longer than " + MAX_LINE + " bytes and was cut]\r\n")
                        .getBytes(StandardCharsets.US_ASCII)
                : new byte[] {'\r', '\n'};
        // One write: with TCP_NODELAY each write is a segment of its own, and a client that reads the echo
        // line by line must not wait for its end.
        writeOnce(line.bytes(), end);
        echoed++;
        reporter.answered(forLog(text), 0, "");
    }

    /** Answers requests from {@code requestLine} on (null: read the next one first) while kept alive. */
    private CloseReason http(LineReader.Line requestLine) throws IOException {
        mode = Mode.HTTP;
        LineReader.Line line = requestLine;
        while (true) {
            if (line == null) {
                try {
                    do {
                        line = in.readLine(MAX_LINE);
                    } while (line != null && line.isEmpty());
                } catch (TimedInput.HeadDeadlineExceeded slow) {
                    return requestTimeout("");
                }
                if (line == null) {
                    return CloseReason.PEER_CLOSED;
                }
            }
            String text = latin1(line.bytes());
            if (line.truncated()) {
                return reject(text, 414, "URI Too Long", "The request line is longer than 8 KiB.");
            }
            Matcher m = REQUEST_LINE.matcher(text);
            if (!m.matches()) {
                return reject(text, 400, "Bad Request", "That is not an HTTP request line.");
            }
            Map<String, String> headers;
            try {
                headers = HttpHeaders.read(in);
            } catch (TimedInput.HeadDeadlineExceeded slow) {
                return requestTimeout(text);
            }
            if (headers == null) {
                return reject(text, 431, "Request Header Fields Too Large",
                        "Headers are limited to 16 KiB and 100 lines.");
            }
            if (headers.containsKey(":eof")) {
                return CloseReason.PEER_CLOSED;
            }
            String framing = HttpHeaders.badFraming(headers);
            if (framing != null) {
                // Where the body ends would be a guess, and a guess is how requests get smuggled: RFC 9112 §6.3.
                return reject(text, 400, "Bad Request", framing);
            }
            clock.headDone();
            boolean keepAlive = HttpHeaders.keepAlive(m, headers) && !HttpHeaders.hasBody(headers);
            userAgent = headers.getOrDefault("user-agent", "");
            SocketRole role = HttpAnswers.roleOf(m.group(1), m.group(2), m.group(3));
            if (role != SocketRole.NONE) {
                return live(text, role);
            }
            if (!serveOne(text, m.group(1), m.group(2), m.group(3), keepAlive)) {
                return CloseReason.RESPONSE_DONE;
            }
            clock.expectRequest((int) config.idleTimeout().toMillis());
            if (idle()) {
                return null;
            }
            line = null;
        }
    }

    /**
     * A live view or a held connection: its head (and the start of its body) now, the rest later from the
     * live hub or the idle room; the socket parks without a thread. Past the limits, a 429 page and a close.
     */
    private CloseReason live(String requestLine, SocketRole role) throws IOException {
        String refused = reporter.admitLive(role);
        if (refused != null) {
            reply(requestLine, answers.closing(429, "Too Many Requests", refused));
            return CloseReason.RESPONSE_DONE;
        }
        out.write(answers.liveStart(role, config.live().holdFor()));
        out.flush();
        reporter.answered(forLog(requestLine), 200, forLog(userAgent), role);
        mode = Mode.LIVE;
        return parking == Parking.NEVER ? CloseReason.RESPONSE_DONE : null;
    }

    private CloseReason reject(String requestLine, int status, String reason, String explanation) throws IOException {
        reply(requestLine, answers.closing(status, reason, explanation));
        return CloseReason.RESPONSE_DONE;
    }

    private CloseReason requestTimeout(String requestLine) throws IOException {
        reply(requestLine, answers.closing(408, "Request Timeout", "The request was not complete within "
                + config.headerDeadline().toSeconds() + " seconds."));
        return CloseReason.HEADER_TIMEOUT;
    }

    /** Answers one request; returns whether the connection stays open. */
    private boolean serveOne(String requestLine, String method, String target, String major, boolean keepAlive)
            throws IOException {
        HttpAnswers.Answer answer = answers.forRequest(method, target, major, keepAlive, openSockets.getAsInt());
        reply(requestLine, answer);
        return answer.keepOpen();
    }

    private void reply(String requestLine, HttpAnswers.Answer answer) throws IOException {
        out.write(answer.bytes());
        out.flush();
        reporter.answered(forLog(requestLine), answer.status(), forLog(userAgent));
    }

    /** Events carry at most {@value #MAX_LOGGED} characters of what a client sent. */
    static String forLog(String line) {
        return line.length() <= MAX_LOGGED ? line : line.substring(0, MAX_LOGGED) + "… (" + line.length() + " chars)";
    }

    private void writeOnce(byte[] first, byte[] second) throws IOException {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        out.write(all);
        out.flush();
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
