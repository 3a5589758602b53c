package io.socketscope.server;

import java.util.Locale;

/** The transport a port is opened for: TCP has connections (one socket each), UDP has none. */
public enum Protocol {
    TCP, UDP;

    /** {@code tcp} or {@code udp}, as written on the command line. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The protocol named by {@code text} (any case), or null. */
    public static Protocol fromText(String text) {
        for (Protocol p : values()) {
            if (p.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return p;
            }
        }
        return null;
    }
}
