package io.socketscope.app;

import io.socketscope.server.BindMode;
import io.socketscope.server.ListenSpec;
import io.socketscope.server.LiveLimits;
import io.socketscope.server.PortInput;
import io.socketscope.server.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, parsed: see {@link #USAGE}. {@code listens} holds every port to open, in order;
 * {@code serverConfig} the settings they share (its port is the first TCP one's, or the first one's);
 * {@code learn}: the window opens on the Learn tab.
 */
public record Options(boolean start, boolean headless, boolean help, ServerConfig serverConfig,
                      List<ListenSpec> listens, boolean present, boolean version, boolean hostSockets,
                      Playback playback, boolean learn) {

    /**
     * Recording and replaying: {@code record} and {@code replay} are file names or null; {@code speed} is 1, 4
     * or 16, or 0 for as fast as possible.
     */
    public record Playback(String record, String replay, int speed) {
        public static final Playback NONE = new Playback(null, null, 1);
    }


    public Options {
        listens = List.copyOf(listens);
    }

    public static final String USAGE = """
            Usage: SocketScope [options]     (from the source: mvn javafx:run -Djavafx.args="[options]")
              --listen tcp:N|udp:N open this port (repeatable: --listen tcp:8080 --listen udp:8080 --listen tcp:9090)
              --port N             short for --listen tcp:N, 0-65535 (default 8080; 0 lets the OS pick)
              --bind all|local     all interfaces, so phones can connect (default), or this computer only
              --start              start listening at launch
              --headless           no window: print one line per event to standard output (implies --start)
              --learn              open on the Learn tab: the post's experiments as steps, checked live
              --present            open in presenter mode, for a projector: large graph, the address big until phones connect
              --idle-timeout S     close idle keep-alive and text connections after S seconds (default 60, 0 = never)
              --header-timeout S   answer 408 and close when a request head takes over S seconds (default 20, 0 = never)
              --max-sockets N      keep at most N sockets open; close new ones past it at once (default 10000)
              --banner-delay MS    greet a silent client (nc, telnet) after MS milliseconds (default 1500, 0 = at once)
              --fin-linger MS      after a text client's FIN, keep the half-closed socket MS milliseconds (default 1000)
              --udp-quiet S        forget a UDP peer after S seconds without a datagram (default 15)
              --live-per-client N  live views and held connections the phone page may open per address (default 6)
              --live-max N         live views and held connections on the port in all (default 2000)
              --hold S             the phone page's held connections close by themselves after S seconds (default 60)
              --host-sockets       print every TCP and UDP socket of this machine with its process (like ss -tanp), then exit
              --record FILE        record every event to FILE (JSON Lines), in the window or with --headless
              --replay FILE        replay a recorded session (the window, or --headless to print its lines); nothing listens
              --speed 1|4|16|max   replay speed (default 1)
              --version            print the version
              --help               print this help
            """;

    /** Thrown for a command line that cannot be understood; the message says what is wrong. */
    public static final class OptionsException extends Exception {
        public OptionsException(String message) {
            super(message);
        }
    }

    public static Options defaults() {
        return new Options(false, false, false, ServerConfig.of(8080, BindMode.ALL), List.of(ListenSpec.tcp(8080)), false,
                false, false, Playback.NONE, false);
    }

    public int port() {
        return serverConfig.port();
    }

    public BindMode bind() {
        return serverConfig.bind();
    }

    public Duration idleTimeout() {
        return serverConfig.idleTimeout();
    }

    public static Options parse(List<String> args) throws OptionsException {
        boolean start = false;
        boolean headless = false;
        boolean help = false;
        boolean version = false;
        boolean present = false;
        boolean hostSockets = false;
        boolean learn = false;
        String record = null;
        String replay = null;
        int speed = 1;
        ServerConfig c = ServerConfig.of(8080, BindMode.ALL);
        List<ListenSpec> listens = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--start" -> start = true;
                case "--headless" -> {
                    headless = true;
                    start = true;
                }
                case "--help", "-h" -> help = true;
                case "--version", "-V" -> version = true;
                case "--present" -> present = true;
                case "--host-sockets" -> hostSockets = true;
                case "--learn" -> learn = true;
                case "--record" -> record = value(args, ++i, arg);
                case "--replay" -> replay = value(args, ++i, arg);
                case "--speed" -> {
                    String v = value(args, ++i, arg).strip().toLowerCase(java.util.Locale.ROOT);
                    v = v.equals("max") || !v.endsWith("x") ? v : v.substring(0, v.length() - 1); // "4x" is 4
                    speed = switch (v) {
                        case "1" -> 1;
                        case "4" -> 4;
                        case "16" -> 16;
                        case "max" -> 0;
                        default -> throw new OptionsException("--speed takes 1, 4, 16 or max, not \"" + v + "\".");
                    };
                }
                case "--port" -> {
                    PortInput.Result r = PortInput.parse(value(args, ++i, arg));
                    if (!r.ok()) {
                        throw new OptionsException("--port: " + r.error());
                    }
                    add(listens, ListenSpec.tcp(r.port()));
                }
                case "--listen" -> {
                    String v = value(args, ++i, arg);
                    if (!v.contains(":")) {
                        throw new OptionsException("--listen takes tcp:PORT or udp:PORT, such as tcp:8080, not \"" + v + "\".");
                    }
                    try {
                        add(listens, ListenSpec.parse(v));
                    } catch (IllegalArgumentException e) {
                        throw new OptionsException("--listen " + v + ": " + e.getMessage());
                    }
                }
                case "--bind" -> {
                    BindMode mode = BindMode.fromOption(value(args, ++i, arg));
                    if (mode == null) {
                        throw new OptionsException("--bind takes \"all\" (every interface) or \"local\" (this computer only).");
                    }
                    c = c.withPort(c.port(), mode);
                }
                case "--idle-timeout" -> c = c.withIdleTimeout(Duration.ofSeconds(number(args, ++i, arg, 0, 86_400)));
                case "--header-timeout" -> c = c.withHeaderDeadline(Duration.ofSeconds(number(args, ++i, arg, 0, 3_600)));
                case "--banner-delay" -> c = c.withBannerDelay(Duration.ofMillis(number(args, ++i, arg, 0, 60_000)));
                case "--max-sockets" -> c = c.withMaxSockets((int) number(args, ++i, arg, 1, 1_000_000));
                case "--fin-linger" -> c = c.withFinLinger(Duration.ofMillis(number(args, ++i, arg, 0, 60_000)));
                case "--udp-quiet" -> c = c.withFlowQuiet(Duration.ofSeconds(number(args, ++i, arg, 1, 86_400)));
                case "--live-per-client" -> c = c.withLive(new LiveLimits((int) number(args, ++i, arg, 0, 64),
                        c.live().total(), c.live().holdFor()));
                case "--live-max" -> c = c.withLive(new LiveLimits(c.live().perClient(),
                        (int) number(args, ++i, arg, 0, 100_000), c.live().holdFor()));
                case "--hold" -> c = c.withLive(new LiveLimits(c.live().perClient(), c.live().total(),
                        Duration.ofSeconds(number(args, ++i, arg, 1, 3_600))));
                default -> throw new OptionsException("Unknown option \"" + arg + "\". Try --help.");
            }
        }
        if (record != null && replay != null) {
            throw new OptionsException("--record and --replay cannot go together: a replay does not listen.");
        }
        if (listens.isEmpty()) {
            listens.add(ListenSpec.tcp(8080));
        }
        int first = listens.stream().filter(l -> l.protocol() == io.socketscope.server.Protocol.TCP)
                .findFirst().orElse(listens.get(0)).port();
        return new Options(start, headless, help, c.withPort(first, c.bind()), listens, present, version, hostSockets,
                new Playback(record, replay, speed), learn);
    }

    private static void add(List<ListenSpec> listens, ListenSpec spec) throws OptionsException {
        if (spec.port() != 0 && listens.contains(spec)) {
            throw new OptionsException(spec + " is given twice: one program can open a port only once.");
        }
        listens.add(spec);
    }

    /** The shared settings with one listen's port. */
    public ServerConfig configFor(ListenSpec spec) {
        return serverConfig.withPort(spec.port(), serverConfig.bind());
    }

    private static String value(List<String> args, int i, String option) throws OptionsException {
        if (i >= args.size()) {
            throw new OptionsException(option + " needs a value.");
        }
        return args.get(i);
    }

    private static long number(List<String> args, int i, String option, long min, long max) throws OptionsException {
        String v = value(args, i, option);
        try {
            long n = Long.parseLong(v.strip());
            if (n < min || n > max) {
                throw new OptionsException(option + " takes a whole number from " + min + " to " + max + ", not " + v + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new OptionsException(option + " takes a whole number, not \"" + v + "\".");
        }
    }
}
