package io.socketscope.ui.session;

import io.socketscope.ui.viewmodel.MainViewModel;

import io.socketscope.server.ServerEvent;
import io.socketscope.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Plays a recorded session into the window as if its server were running (nothing listens): play and
 * pause, speed (1×, 4×, 16×, max) and a timeline to scrub. Going forward feeds the events in between at
 * once; going back asks for the window to be rebuilt at that point ({@code rewind}), since a model only
 * moves forward.
 */
public final class ReplayBar extends HBox {

    /** At "max", events handed over per pulse. */
    static final int MAX_PER_PULSE = 5_000;

    private final MainViewModel viewModel;
    private final List<ServerEvent> events;
    private final long[] offsetMs;
    private final long totalMs;
    private final Button play = new Button("Pause");
    private final ChoiceBox<String> speed = new ChoiceBox<>();
    private final Slider timeline;
    private final Label position = new Label();
    private int next;
    private long atMs;
    private boolean playing = true;
    private boolean moving;
    private long lastFrame;

    public ReplayBar(MainViewModel viewModel, Session session, String name, int startSpeed, long startAtMs,
              Consumer<Long> rewind) {
        this.viewModel = viewModel;
        this.events = session.events();
        this.offsetMs = new long[events.size()];
        for (int i = 0; i < events.size(); i++) {
            offsetMs[i] = Math.max(0, Duration.between(session.started(), events.get(i).time()).toMillis());
        }
        this.totalMs = offsetMs.length == 0 ? 0 : offsetMs[offsetMs.length - 1];
        getStyleClass().add("replay-bar");
        setId("replayBar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        Label what = new Label("REPLAY of " + name + " · recorded" + (session.host().isEmpty() ? "" : " on "
                + session.host()) + " at " + session.started() + " · nothing listens");
        what.getStyleClass().add("replay-label");
        play.setId("replayPlay");
        play.setOnAction(e -> setPlaying(!playing));
        speed.setId("replaySpeed");
        speed.getItems().addAll("1×", "4×", "16×", "max");
        speed.setValue(startSpeed == 0 ? "max" : startSpeed + "×");
        timeline = new Slider(0, Math.max(1, totalMs), 0);
        timeline.setId("replayTimeline");
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timeline.valueProperty().addListener((obs, was, now) -> {
            if (moving) {
                return;
            }
            long target = now.longValue();
            if (target >= atMs) {
                seek(target);
            } else {
                frames.stop();
                rewind.accept(target);
            }
        });
        position.setId("replayPosition");
        getChildren().addAll(what, play, speed, timeline, position);
        seek(startAtMs);
        frames.start();
    }

    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long dt = lastFrame == 0 ? 0 : (now - lastFrame) / 1_000_000L;
            lastFrame = now;
            if (!playing || next >= events.size()) {
                return;
            }
            if ("max".equals(speed.getValue())) {
                int until = Math.min(events.size(), next + MAX_PER_PULSE);
                feedUntil(until, offsetMs[until - 1]);
            } else {
                int factor = Integer.parseInt(speed.getValue().replace("×", ""));
                seek(atMs + dt * factor);
            }
            if (next >= events.size()) {
                setPlaying(false);
            }
        }
    };

    /** Hands over every event up to {@code targetMs} into the session. */
    private void seek(long targetMs) {
        int until = next;
        while (until < events.size() && offsetMs[until] <= targetMs) {
            until++;
        }
        feedUntil(until, Math.min(targetMs, totalMs));
    }

    private void feedUntil(int until, long newAtMs) {
        for (; next < until; next++) {
            viewModel.replay(events.get(next));
        }
        atMs = Math.max(atMs, newAtMs);
        moving = true;
        timeline.setValue(atMs);
        moving = false;
        position.setText(clock(atMs) + " / " + clock(totalMs) + " · " + next + " of " + events.size() + " events");
    }

    private void setPlaying(boolean on) {
        playing = on && next < events.size();
        play.setText(playing ? "Pause" : "Play");
    }

    public void pause() {
        setPlaying(false);
    }

    /** Events handed over so far. */
    public int played() {
        return next;
    }

    public void stop() {
        frames.stop();
    }

    private static String clock(long ms) {
        long s = ms / 1000;
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
