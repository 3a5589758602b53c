package io.socketscope.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The app's version, as Maven built it (from the project's version, written into the jar at build time). */
public final class Version {

    private static final String CURRENT = read();

    private Version() {
    }

    /** {@code 0.1.0}, or {@code unknown} when the app was not built by Maven. */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
