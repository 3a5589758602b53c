package io.socketscope.ui.learn;

import io.socketscope.learn.Progress;
import io.socketscope.learn.Step;
import io.socketscope.model.Ghost;
import io.socketscope.model.SocketInfo;
import io.socketscope.server.ListenSpec;
import io.socketscope.server.PortListener;
import io.socketscope.server.Protocol;
import io.socketscope.server.TcpState;
import io.socketscope.ui.viewmodel.MainViewModel;
import java.util.List;
import java.util.function.Consumer;

/**
 * Try it for the restart step, a few moves apart (driven by the Learn tab's tick): the server closes a
 * connection first, so that the kernel keeps it in TIME_WAIT; the port is stopped and started again on the
 * same number; then new connections come until one is given the ghost's old descriptor (a few at most).
 */
final class RestartTry {

    private enum Phase { IDLE, GHOST, RESTARTING, CONNECTING }

    private static final long ROUND_NANOS = 1_000_000_000L;
    private static final int MAX_ROUNDS = 6;

    private final MainViewModel viewModel;
    private final LearnActions actions;
    private final Progress progress;
    private final Consumer<String> problem;
    private Phase phase = Phase.IDLE;
    private int port;
    private long runBefore;
    private long since;
    private int rounds;

    RestartTry(MainViewModel viewModel, LearnActions actions, Progress progress, Consumer<String> problem) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.progress = progress;
        this.problem = problem;
    }

    void start(int tcpPort) {
        port = tcpPort;
        phase = Phase.GHOST;
        since = 0;
        rounds = 0;
    }

    /** One move, if its time has come (FX thread). */
    void tick(long now) {
        if (phase == Phase.IDLE || progress.finding(Step.RESTART).done()) {
            phase = Phase.IDLE;
            return;
        }
        if (now - since < ROUND_NANOS) {
            return;
        }
        since = now;
        switch (phase) {
            case GHOST -> ghost();
            case RESTARTING -> restarted();
            case CONNECTING -> connect();
            default -> { }
        }
    }

    /** Makes a TIME_WAIT (the server closes its oldest socket, the client answers), or restarts once there is one. */
    private void ghost() {
        PortListener listener = tcpListener();
        if (listener == null || rounds++ > MAX_ROUNDS) {
            phase = Phase.IDLE;
            return;
        }
        if (timeWait() != null) {
            runBefore = listener.runId();
            viewModel.stop(listener);
            viewModel.startAll(List.of(new ListenSpec(Protocol.TCP, port)));
            phase = Phase.RESTARTING;
            rounds = 0;
            return;
        }
        SocketInfo oldest = viewModel.model().openSockets().stream()
                .filter(s -> s.protocol() == Protocol.TCP && s.connection().server().port() == port)
                .min(java.util.Comparator.comparingLong(SocketInfo::id)).orElse(null);
        if (oldest == null) {
            actions.connect(port, 1, problem);
        } else {
            actions.afterlife(port, oldest.connection().client().port(), () -> viewModel.closeSocket(oldest.id()),
                    (words, seen) -> { });
        }
    }

    private void restarted() {
        PortListener listener = tcpListener();
        if (listener != null && listener.runId() != runBefore) {
            phase = Phase.CONNECTING;
            rounds = 0;
            connect();
        } else if (rounds++ > MAX_ROUNDS) {
            phase = Phase.IDLE; // the port did not come back: its error is shown where errors are
        }
    }

    private void connect() {
        Ghost ghost = timeWait();
        if (ghost == null || rounds++ >= MAX_ROUNDS) {
            phase = Phase.IDLE;
            return;
        }
        actions.connectLeaving(port, ghost.connection().descriptor().number(), problem);
    }

    private Ghost timeWait() {
        for (Ghost g : viewModel.model().ghosts()) {
            if (g.state() == TcpState.TIME_WAIT && g.connection().server().port() == port) {
                return g;
            }
        }
        return null;
    }

    private PortListener tcpListener() {
        for (PortListener l : viewModel.listeners()) {
            if (l.protocol() == Protocol.TCP && l.port() == port) {
                return l;
            }
        }
        return null;
    }
}
