package io.socketscope.learn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What this machine says about ports, read live (Linux's /proc/sys/net/ipv4); a figure that cannot be read
 * is -1, and the words say so rather than guess.
 *
 * @param unprivilegedStart ip_unprivileged_port_start, or -1
 * @param ephemeralLow      ip_local_port_range's first port, or -1
 * @param ephemeralHigh     its last port, or -1
 * @param root              whether this process runs as root (uid 0, read from /proc/self/status)
 */
public record Facts(int unprivilegedStart, int ephemeralLow, int ephemeralHigh, boolean root, String os) {

    /** Reads the facts now (blocking: files). */
    public static Facts read() {
        Path ipv4 = Path.of("/proc/sys/net/ipv4");
        int start = number(ipv4.resolve("ip_unprivileged_port_start"), 0);
        int low = number(ipv4.resolve("ip_local_port_range"), 0);
        int high = number(ipv4.resolve("ip_local_port_range"), 1);
        boolean root = false;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    root = line.split("\\s+")[2].equals("0"); // the effective uid
                }
            }
        } catch (IOException | RuntimeException e) {
            root = "root".equals(System.getProperty("user.name"));
        }
        return new Facts(start, low, high, root, System.getProperty("os.name", "?"));
    }

    public boolean isLinux() {
        return os.toLowerCase(Locale.ROOT).contains("linux");
    }

    /** {@code 32768-60999}, or words saying it is not known here. */
    public String ephemeralRange() {
        return ephemeralLow < 0 ? "not readable on this system" : ephemeralLow + "-" + ephemeralHigh;
    }

    private static int number(Path file, int index) {
        try {
            List<String> lines = Files.readAllLines(file);
            return Integer.parseInt(lines.get(0).strip().split("\\s+")[index]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
