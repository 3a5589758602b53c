package io.socketscope.server;

import java.time.Duration;

/**
 * What a server run listens on and how patient it is.
 *
 * @param port          0–65535; 0 lets the OS pick
 * @param bind          all interfaces or this computer only
 * @param idleTimeout   how long an idle connection (keep-alive or text) stays open; zero means forever
 * @param bannerDelay   how long a silent new connection waits before it is greeted as a text client
 */
public record ServerConfig(int port, BindMode bind, Duration idleTimeout, Duration bannerDelay) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_BANNER_DELAY = Duration.ofMillis(1500);

    public ServerConfig {
        if (port < 0 || port > PortInput.MAX_PORT) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (idleTimeout.isNegative() || bannerDelay.isNegative()) {
            throw new IllegalArgumentException("timeouts cannot be negative");
        }
    }

    public static ServerConfig of(int port, BindMode bind) {
        return new ServerConfig(port, bind, DEFAULT_IDLE_TIMEOUT, DEFAULT_BANNER_DELAY);
    }

    public ServerConfig withIdleTimeout(Duration timeout) {
        return new ServerConfig(port, bind, timeout, bannerDelay);
    }

    public ServerConfig withBannerDelay(Duration delay) {
        return new ServerConfig(port, bind, idleTimeout, delay);
    }
}
