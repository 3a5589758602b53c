package io.socketscope.server;

import java.time.Duration;

/**
 * What a server run listens on, how patient it is, and how many sockets it keeps.
 *
 * @param port           0–65535; 0 lets the OS pick
 * @param bind           all interfaces or this computer only
 * @param idleTimeout    how long an idle connection (keep-alive or text) stays open; zero means forever
 * @param bannerDelay    how long a silent new connection waits before it is greeted as a text client
 * @param headerDeadline how long a whole HTTP request head may take from its first byte; zero means forever
 * @param maxSockets     open sockets kept at most; connections past it are closed at once
 * @param finLinger      after a text client's FIN, how long the server keeps its side open (half-closed)
 *                       between the two halves of its goodbye, which tells a half-close from a full close
 * @param flowQuiet      how long a UDP peer may stay silent before its flow is forgotten
 * @param live           how many live views and held connections the phone page may open
 */
public record ServerConfig(int port, BindMode bind, Duration idleTimeout, Duration bannerDelay,
                           Duration headerDeadline, int maxSockets, Duration finLinger, Duration flowQuiet,
                           LiveLimits live) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_BANNER_DELAY = Duration.ofMillis(1500);
    public static final Duration DEFAULT_HEADER_DEADLINE = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_SOCKETS = 10_000;
    public static final Duration DEFAULT_FIN_LINGER = Duration.ofMillis(1000);
    public static final Duration DEFAULT_FLOW_QUIET = Duration.ofSeconds(15);

    public ServerConfig {
        if (port < 0 || port > PortInput.MAX_PORT) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (idleTimeout.isNegative() || bannerDelay.isNegative() || headerDeadline.isNegative()
                || finLinger.isNegative() || flowQuiet.isNegative()) {
            throw new IllegalArgumentException("timeouts cannot be negative");
        }
        if (live == null) {
            throw new IllegalArgumentException("live limits are required");
        }
        if (maxSockets < 1) {
            throw new IllegalArgumentException("maxSockets must be at least 1: " + maxSockets);
        }
    }

    public static ServerConfig of(int port, BindMode bind) {
        return new ServerConfig(port, bind, DEFAULT_IDLE_TIMEOUT, DEFAULT_BANNER_DELAY, DEFAULT_HEADER_DEADLINE,
                DEFAULT_MAX_SOCKETS, DEFAULT_FIN_LINGER, DEFAULT_FLOW_QUIET, LiveLimits.DEFAULTS);
    }

    public ServerConfig withIdleTimeout(Duration timeout) {
        return new ServerConfig(port, bind, timeout, bannerDelay, headerDeadline, maxSockets, finLinger, flowQuiet, live);
    }

    public ServerConfig withBannerDelay(Duration delay) {
        return new ServerConfig(port, bind, idleTimeout, delay, headerDeadline, maxSockets, finLinger, flowQuiet, live);
    }

    public ServerConfig withHeaderDeadline(Duration deadline) {
        return new ServerConfig(port, bind, idleTimeout, bannerDelay, deadline, maxSockets, finLinger, flowQuiet, live);
    }

    public ServerConfig withMaxSockets(int max) {
        return new ServerConfig(port, bind, idleTimeout, bannerDelay, headerDeadline, max, finLinger, flowQuiet, live);
    }

    public ServerConfig withPort(int newPort, BindMode newBind) {
        return new ServerConfig(newPort, newBind, idleTimeout, bannerDelay, headerDeadline, maxSockets, finLinger, flowQuiet, live);
    }

    public ServerConfig withFinLinger(Duration linger) {
        return new ServerConfig(port, bind, idleTimeout, bannerDelay, headerDeadline, maxSockets, linger, flowQuiet, live);
    }

    public ServerConfig withFlowQuiet(Duration quiet) {
        return new ServerConfig(port, bind, idleTimeout, bannerDelay, headerDeadline, maxSockets, finLinger, quiet, live);
    }

    public ServerConfig withLive(LiveLimits limits) {
        return new ServerConfig(port, bind, idleTimeout, bannerDelay, headerDeadline, maxSockets, finLinger, flowQuiet,
                limits);
    }
}
