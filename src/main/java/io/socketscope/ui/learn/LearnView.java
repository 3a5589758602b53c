package io.socketscope.ui.learn;

import io.socketscope.ui.viewmodel.MainViewModel;

import io.socketscope.learn.Facts;
import io.socketscope.learn.Progress;
import io.socketscope.learn.Step;
import io.socketscope.model.PortInfo;
import io.socketscope.server.ListenSpec;
import io.socketscope.server.Protocol;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Learn tab: the post's experiments as steps, each with what to do, a Try it button that does it from
 * the app over loopback, a live check that turns the step done when the real events show it (from a phone,
 * a browser, nc or the button), with this machine's own numbers, and why (the man page or RFC).
 */
public final class LearnView extends ScrollPane {

    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final MainViewModel viewModel;
    private final Progress progress = new Progress();
    private final LearnActions actions = new LearnActions();
    private final RestartTry restart;
    private final Map<Step, Label> status = new EnumMap<>(Step.class);
    private final Map<Step, Label> found = new EnumMap<>(Step.class);
    private final Map<Step, VBox> cards = new EnumMap<>(Step.class);
    private final Map<Step, javafx.scene.control.Hyperlink> shows = new EnumMap<>(Step.class);
    private final Label summary = new Label();
    private Facts facts;
    private boolean factsAsked;
    /** Set by Try it on the protocol step: send a datagram once the UDP port is open. */
    private int datagramTo = -1;
    private long lookedAt;
    /** Rounds of the reuse experiment still to try, and when the last one began. */
    private int reuseRounds;
    private long reusedAt;

    public LearnView(MainViewModel viewModel) {
        this.viewModel = viewModel;
        this.restart = new RestartTry(viewModel, actions, progress, this::problem);
        setFitToWidth(true);
        getStyleClass().add("learn-pane");
        VBox steps = new VBox(10);
        steps.getStyleClass().add("learn-steps");
        summary.setId("learnSummary");
        summary.getStyleClass().add("learn-summary");
        Label intro = new Label("Try each step (from a phone, a browser, nc, or the Try it button): it is checked"
                + " against the real sockets of this machine.");
        intro.setWrapText(true);
        Button reset = new Button("Start over");
        reset.setId("learnReset");
        reset.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reset.setOnAction(e -> {
            progress.reset();
            refresh();
        });
        HBox top = new HBox(10, summary, reset);
        top.setAlignment(Pos.CENTER_LEFT);
        steps.getChildren().addAll(top, intro);
        int n = 1;
        for (Step step : Step.values()) {
            steps.getChildren().add(card(n++, step));
        }
        setContent(steps);
        refresh();
    }

    private VBox card(int number, Step step) {
        Label mark = new Label();
        mark.getStyleClass().add("learn-mark");
        mark.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.put(step, mark);
        Label title = new Label(number + ". " + step.title());
        title.getStyleClass().add("learn-title");
        title.setWrapText(true);
        Label todo = new Label(step.todo());
        todo.setWrapText(true);
        Button tryIt = new Button("Try it");
        tryIt.setId("tryIt-" + step.name());
        tryIt.setOnAction(e -> tryIt(step));
        Label result = new Label();
        result.setId("found-" + step.name());
        result.setWrapText(true);
        result.getStyleClass().add("learn-found");
        found.put(step, result);
        javafx.scene.control.Hyperlink show = new javafx.scene.control.Hyperlink("Select this socket in the graph and the table");
        show.setId("show-" + step.name());
        show.setVisible(false);
        show.setManaged(false);
        show.setOnAction(e -> {
            long id = progress.finding(step).socketId();
            if (id >= 0) {
                viewModel.select(id);
            }
        });
        shows.put(step, show);
        Label why = new Label(step.why());
        why.setWrapText(true);
        TitledPane whyPane = new TitledPane("Why", why);
        whyPane.setExpanded(false);
        whyPane.setAnimated(false);
        HBox head = new HBox(6, mark, title);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(4, head, todo, tryIt, result, show, whyPane);
        card.getStyleClass().add("learn-step");
        card.setId("step-" + step.name());
        cards.put(step, card);
        return card;
    }

    /** Looks at the real state again, at most four times a second (FX thread; cheap once steps are done). */
    public void tick() {
        long now = System.nanoTime();
        if (now - lookedAt < 250_000_000L) {
            return;
        }
        lookedAt = now;
        if (!factsAsked) {
            factsAsked = true;
            actions.readFacts(f -> Platform.runLater(() -> {
                facts = f;
                progress.setFacts(f);
            }));
        }
        if (reuseRounds > 0 && !progress.finding(Step.REUSED).done() && now - reusedAt > 1_200_000_000L
                && tcpPort() > 0) {
            reuseRound(tcpPort());
        }
        restart.tick(now);
        if (datagramTo > 0 && udpOpen(datagramTo)) {
            actions.datagram(datagramTo, this::problem);
            datagramTo = -1;
        }
        refresh();
    }

    private void refresh() {
        progress.update(viewModel.model(), viewModel.form().portTextProperty().get());
        for (Step step : Step.values()) {
            Progress.Finding f = progress.finding(step);
            status.get(step).setText(f.done() ? "✓ seen" : "○ to try");
            cards.get(step).pseudoClassStateChanged(DONE, f.done());
            found.get(step).setText(f.text());
            boolean socket = f.socketId() >= 0 && viewModel.model().find(f.socketId()) != null;
            shows.get(step).setVisible(socket);
            shows.get(step).setManaged(socket);
        }
        summary.setText(progress.doneCount() + " of " + Step.values().length + " seen");
    }

    /** The step's state (tests). */
    public Progress.Finding finding(Step step) {
        return progress.finding(step);
    }

    private void tryIt(Step step) {
        int port = tcpPort();
        switch (step) {
            case SIXTEEN_BITS -> viewModel.form().portTextProperty().set("65536");
            case PRIVILEGED -> actions.tryPort80(facts, words -> Platform.runLater(() -> {
                progress.setPrivilegedResult(words);
                refresh();
            }));
            case WELL_KNOWN -> actions.wellKnown(words -> Platform.runLater(() -> {
                progress.setWellKnown(words);
                refresh();
            }));
            case MANY_SOCKETS, NEW_DESCRIPTOR -> withPort(port, p -> actions.connect(p, 2, this::problem));
            case REUSED -> withPort(port, p -> {
                reuseRounds = 3; // other threads of this process may take the freed number first: try again
                reuseRound(p);
            });
            case EPHEMERAL -> withPort(port, p -> actions.connect(p, 1, this::problem));
            case AFTERLIFE -> withPort(port, p -> {
                io.socketscope.model.SocketInfo oldest = oldestOn(p);
                if (oldest == null) {
                    actions.connect(p, 1, this::problem);
                }
                actions.afterlife(p, oldest == null ? -1 : oldest.connection().client().port(),
                        oldest == null ? null : () -> viewModel.closeSocket(oldest.id()),
                        (words, seen) -> Platform.runLater(() -> {
                            progress.setAfterlife(words, seen);
                            refresh();
                        }));
            });
            case RESTART -> withPort(port, restart::start);
            case PROTOCOL -> withPort(port, p -> {
                if (!udpOpen(p)) {
                    viewModel.startAll(List.of(new ListenSpec(Protocol.UDP, p)));
                }
                datagramTo = p;
            });
        }
    }

    /** One round of the reuse experiment: the server closes its oldest socket, then a new client connects. */
    private void reuseRound(int p) {
        reusedAt = System.nanoTime();
        reuseRounds--;
        io.socketscope.model.SocketInfo oldest = oldestOn(p);
        if (oldest == null) {
            actions.connect(p, 1, this::problem); // nothing to close yet: the next round closes this one
        } else {
            actions.reuse(p, () -> viewModel.closeSocket(oldest.id()), this::problem);
        }
    }

    /** The longest-open TCP socket of {@code port} (the one Try it closes), or null. */
    private io.socketscope.model.SocketInfo oldestOn(int port) {
        return viewModel.model().openSockets().stream()
                .filter(s -> s.protocol() == Protocol.TCP && s.connection().server().port() == port)
                .min(java.util.Comparator.comparingLong(io.socketscope.model.SocketInfo::id)).orElse(null);
    }

    /** Runs {@code then} with the app's TCP port; opens one (any free port) first if none is open. */
    private void withPort(int port, java.util.function.IntConsumer then) {
        if (port > 0) {
            then.accept(port);
            return;
        }
        viewModel.say("Try it opens a TCP port first (any free one): press Try it again once it listens.");
        viewModel.startAll(List.of(new ListenSpec(Protocol.TCP, 0)));
    }

    private int tcpPort() {
        for (PortInfo p : viewModel.model().ports()) {
            if (p.live() && p.protocol() == Protocol.TCP) {
                return p.port();
            }
        }
        return -1;
    }

    private boolean udpOpen(int port) {
        for (PortInfo p : viewModel.model().ports()) {
            if (p.live() && p.protocol() == Protocol.UDP && p.port() == port) {
                return true;
            }
        }
        return false;
    }

    private void problem(String words) {
        Platform.runLater(() -> viewModel.reportProblem(words));
    }

    public void close() {
        actions.close();
    }
}
