package io.socketscope.learn;

import io.socketscope.model.Ghost;
import io.socketscope.model.LogEntry;
import io.socketscope.model.PortInfo;
import io.socketscope.model.ScopeModel;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.PortInput;
import io.socketscope.server.Protocol;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which steps the learner has seen happen, decided from the real state (the model the server's events
 * built, the port field, facts read from the OS), with what was seen in this machine's own numbers. A step
 * once seen stays done. Pure: call {@link #update} on one thread.
 */
public final class Progress {

    /**
     * What a step shows now: whether it happened, the real numbers that show it, and the socket that showed
     * it (its id, for selecting it in the graph and the table), or -1.
     */
    public record Finding(boolean done, String text, long socketId) {
        public Finding(boolean done, String text) {
            this(done, text, -1);
        }
    }

    private final Map<Step, Finding> findings = new EnumMap<>(Step.class);
    private Facts facts;
    private String privileged;
    private String wellKnown;

    public Progress() {
        for (Step s : Step.values()) {
            findings.put(s, new Finding(false, ""));
        }
    }

    public Finding finding(Step step) {
        return findings.get(step);
    }

    public int doneCount() {
        return (int) findings.values().stream().filter(Finding::done).count();
    }

    /** This machine's facts (read off the FX thread). */
    public void setFacts(Facts facts) {
        this.facts = facts;
    }

    /** What happened when port 80 was tried, in words. */
    public void setPrivilegedResult(String words) {
        this.privileged = words;
    }

    /** What the kernel keeps after a close (TIME_WAIT for the port), in words; {@code seen} if any were counted. */
    public void setAfterlife(String words, boolean seen) {
        if (seen) {
            done(Step.AFTERLIFE, words);
        } else {
            findings.put(Step.AFTERLIFE, new Finding(false, words));
        }
    }

    /** Forgets everything seen, to start over. */
    public void reset() {
        for (Step s : Step.values()) {
            findings.put(s, new Finding(false, ""));
        }
        privileged = null;
        wellKnown = null;
    }

    /** Which well-known ports this machine listens on, in words. */
    public void setWellKnown(String words) {
        this.wellKnown = words;
    }

    /** Looks at everything again. */
    public void update(ScopeModel model, String portText) {
        sixteenBits(portText);
        if (privileged != null) {
            done(Step.PRIVILEGED, privileged);
        }
        if (wellKnown != null) {
            done(Step.WELL_KNOWN, wellKnown);
        }
        // Each look is skipped once its step is done (the log's lines are formatted to be read).
        if (!finding(Step.MANY_SOCKETS).done() || !finding(Step.NEW_DESCRIPTOR).done()) {
            manySockets(model);
        }
        if (!finding(Step.REUSED).done()) {
            reused(model.log());
        }
        if (!finding(Step.EPHEMERAL).done()) {
            ephemeral(model);
        }
        if (!finding(Step.PROTOCOL).done()) {
            protocol(model);
        }
        if (!finding(Step.AFTERLIFE).done() && model.ghostCount() > 0) {
            afterlife(model);
        }
        if (!finding(Step.RESTART).done()) {
            Afterlife.restart(model, this::found);
        }
    }

    /** A connection the kernel keeps in TIME_WAIT after the server closed its fd: the ghost in the graph. */
    private void afterlife(ScopeModel model) {
        Ghost g = Afterlife.firstTimeWait(model);
        if (g != null) {
            String left = g.left(0);
            done(Step.AFTERLIFE, g.connection().descriptor().label() + " is closed, and the kernel keeps its"
                    + " connection (" + g.connection().client() + " → " + g.connection().server() + ") in"
                    + " TIME_WAIT" + (left.isEmpty() ? "" : ", " + left + " left when it was read")
                    + ": the faint edge in the graph.", g.id());
        }
    }

    /** What a step shows now, done or not yet (the restart step tells what is left to do). */
    private void found(Step step, Finding finding) {
        if (finding.done()) {
            done(step, finding.text(), finding.socketId());
        } else if (!findings.get(step).done()) {
            findings.put(step, finding);
        }
    }

    private void sixteenBits(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,9}")) {
            return;
        }
        long n = Long.parseLong(t);
        if (n > PortInput.MAX_PORT) {
            String bits = Long.toBinaryString(n);
            done(Step.SIXTEEN_BITS, n + " is " + group(bits) + " in binary: " + bits.length() + " bits, and a port"
                    + " has 16 (the largest is 65535 = 1111 1111 1111 1111). The field says: "
                    + PortInput.parse(t).error());
        }
    }

    private void manySockets(ScopeModel model) {
        Map<String, List<SocketInfo>> byPort = new TreeMap<>();
        for (SocketInfo s : model.openSockets()) {
            if (s.protocol() == Protocol.TCP) {
                byPort.computeIfAbsent(s.connection().server().toString(), k -> new ArrayList<>()).add(s);
            }
        }
        for (List<SocketInfo> sockets : byPort.values()) {
            if (sockets.size() >= 2) {
                SocketInfo a = sockets.get(0);
                SocketInfo b = sockets.get(1);
                done(Step.MANY_SOCKETS, "Two sockets on one port: (" + tuple(a) + ") and (" + tuple(b) + "). Same"
                        + " server ip and port; the client ports differ.", b.id());
                PortInfo port = portOf(model, a);
                if (port != null) {
                    done(Step.NEW_DESCRIPTOR, "The listening socket keeps " + port.descriptors() + "; the accepted"
                            + " sockets got " + a.connection().descriptor().label() + " and "
                            + b.connection().descriptor().label() + ", each its own.", b.id());
                }
                return;
            }
        }
    }

    private void reused(List<LogEntry> log) {
        Set<String> freed = new HashSet<>();
        for (LogEntry e : log) {
            if (e.kind() == LogEntry.Kind.CLOSE && e.descriptor().startsWith("fd ")) {
                freed.add(e.descriptor());
            } else if (e.kind() == LogEntry.Kind.ACCEPT && freed.contains(e.descriptor())) {
                done(Step.REUSED, e.descriptor() + " again: it was freed by a close, and the kernel handed the"
                        + " lowest free number to the next accepted socket (" + e.client() + ").", e.socketId());
                return;
            }
        }
    }

    private void ephemeral(ScopeModel model) {
        List<SocketInfo> all = new ArrayList<>(model.openSockets());
        all.addAll(model.recentlyClosed());
        for (SocketInfo s : all) {
            if (s.protocol() != Protocol.TCP || !s.connection().client().address().isLoopbackAddress()) {
                continue; // only this machine's own clients use this machine's range
            }
            int port = s.connection().client().port();
            if (facts == null || facts.ephemeralLow() < 0) {
                done(Step.EPHEMERAL, "This client got port " + port + " from its OS; this system does not say"
                        + " its ephemeral range.", s.id());
            } else if (port >= facts.ephemeralLow() && port <= facts.ephemeralHigh()) {
                done(Step.EPHEMERAL, "This computer's client got port " + port + ", inside this machine's"
                        + " ephemeral range " + facts.ephemeralRange() + " (ip_local_port_range, read just now).", s.id());
            }
            if (finding(Step.EPHEMERAL).done()) {
                return;
            }
        }
    }

    private void protocol(ScopeModel model) {
        for (PortInfo tcp : model.ports()) {
            if (!tcp.live() || tcp.protocol() != Protocol.TCP) {
                continue;
            }
            for (PortInfo udp : model.ports()) {
                if (udp.live() && udp.protocol() == Protocol.UDP && udp.port() == tcp.port() && udp.accepted() > 0) {
                    done(Step.PROTOCOL, "TCP " + tcp.port() + " (" + tcp.descriptors() + ", " + tcp.accepted()
                            + " connections, each with its own socket) and UDP " + udp.port() + " ("
                            + udp.descriptors() + ", one socket for its " + udp.accepted() + " "
                            + (udp.accepted() == 1 ? "peer" : "peers") + ") are two ports with one number.");
                    return;
                }
            }
        }
    }

    private static PortInfo portOf(ScopeModel model, SocketInfo s) {
        for (PortInfo p : model.ports()) {
            if (p.runId() == s.runId()) {
                return p;
            }
        }
        return null;
    }

    private static String tuple(SocketInfo s) {
        return s.connection().client() + " → " + s.connection().server() + ", TCP";
    }

    private void done(Step step, String text) {
        done(step, text, -1);
    }

    private void done(Step step, String text, long socketId) {
        if (!findings.get(step).done()) {
            findings.put(step, new Finding(true, text, socketId));
        }
    }

    private static String group(String bits) {
        StringBuilder out = new StringBuilder();
        int head = bits.length() % 4;
        for (int i = 0; i < bits.length(); i++) {
            if (i > 0 && (i - head) % 4 == 0) {
                out.append(' ');
            }
            out.append(bits.charAt(i));
        }
        return out.toString();
    }
}
