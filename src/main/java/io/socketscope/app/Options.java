package io.socketscope.app;

import io.socketscope.server.BindMode;
import io.socketscope.server.PortInput;
import io.socketscope.server.ServerConfig;
import java.time.Duration;
import java.util.List;

/**
 * The command line: {@code --port N --bind all|local --start --headless --idle-timeout S --banner-delay MS}.
 */
public record Options(int port, BindMode bind, boolean start, boolean headless, Duration idleTimeout,
                      Duration bannerDelay, boolean help) {

    public static final String USAGE = """
            Usage: mvn javafx:run -Djavafx.args="[options]"   (or: java -jar socketscope.jar [options])
              --port N            TCP port to listen on, 0-65535 (default 8080; 0 lets the OS pick)
              --bind all|local    all interfaces, so phones can connect (default), or this computer only
              --start             start listening at launch
              --headless          no window: print one line per event to standard output (implies --start)
              --idle-timeout S    close idle keep-alive and text connections after S seconds (default 60, 0 = never)
              --banner-delay MS   greet a silent client (nc, telnet) after MS milliseconds (default 1500)
              --help              print this help
            """;

    /** Thrown for a command line that cannot be understood; the message says what is wrong. */
    public static final class OptionsException extends Exception {
        public OptionsException(String message) {
            super(message);
        }
    }

    public static Options defaults() {
        return new Options(8080, BindMode.ALL, false, false, ServerConfig.DEFAULT_IDLE_TIMEOUT,
                ServerConfig.DEFAULT_BANNER_DELAY, false);
    }

    public static Options parse(List<String> args) throws OptionsException {
        Options o = defaults();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--start" -> o = new Options(o.port, o.bind, true, o.headless, o.idleTimeout, o.bannerDelay, o.help);
                case "--headless" -> o = new Options(o.port, o.bind, true, true, o.idleTimeout, o.bannerDelay, o.help);
                case "--help", "-h" -> o = new Options(o.port, o.bind, o.start, o.headless, o.idleTimeout, o.bannerDelay, true);
                case "--port" -> {
                    PortInput.Result r = PortInput.parse(value(args, ++i, arg));
                    if (!r.ok()) {
                        throw new OptionsException("--port: " + r.error());
                    }
                    o = new Options(r.port(), o.bind, o.start, o.headless, o.idleTimeout, o.bannerDelay, o.help);
                }
                case "--bind" -> {
                    BindMode mode = BindMode.fromOption(value(args, ++i, arg));
                    if (mode == null) {
                        throw new OptionsException("--bind takes \"all\" (every interface) or \"local\" (this computer only).");
                    }
                    o = new Options(o.port, mode, o.start, o.headless, o.idleTimeout, o.bannerDelay, o.help);
                }
                case "--idle-timeout" -> o = new Options(o.port, o.bind, o.start, o.headless,
                        Duration.ofSeconds(number(args, ++i, arg, 86_400)), o.bannerDelay, o.help);
                case "--banner-delay" -> o = new Options(o.port, o.bind, o.start, o.headless, o.idleTimeout,
                        Duration.ofMillis(number(args, ++i, arg, 60_000)), o.help);
                default -> throw new OptionsException("Unknown option \"" + arg + "\". Try --help.");
            }
        }
        return o;
    }

    public ServerConfig serverConfig() {
        return new ServerConfig(port, bind, idleTimeout, bannerDelay);
    }

    private static String value(List<String> args, int i, String option) throws OptionsException {
        if (i >= args.size()) {
            throw new OptionsException(option + " needs a value.");
        }
        return args.get(i);
    }

    private static long number(List<String> args, int i, String option, long max) throws OptionsException {
        String v = value(args, i, option);
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0 || n > max) {
                throw new OptionsException(option + " takes a whole number from 0 to " + max + ", not " + v + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new OptionsException(option + " takes a whole number, not \"" + v + "\".");
        }
    }
}
