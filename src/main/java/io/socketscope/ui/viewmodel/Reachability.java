package io.socketscope.ui.viewmodel;

import io.socketscope.server.BindMode;
import io.socketscope.server.LocalAddresses;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The addresses at which this computer can be reached, one per network interface, read every
 * {@link ConnectAdvice#ADDRESS_REFRESH} off the FX thread (reading the interface table can take a while) and
 * published on it only when they changed (Wi-Fi reconnects, cables); and how to connect, in words.
 */
final class Reachability {

    private final ObservableList<LocalAddresses.Reachable> reachable = FXCollections.observableArrayList();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(io.socketscope.server.Background.daemon("socketscope-addresses"));
    private final Timeline refresh = new Timeline(new KeyFrame(ConnectAdvice.ADDRESS_REFRESH, e -> refresh()));
    private final Runnable changed;

    /** @param changed runs on the FX thread when the list changed */
    Reachability(Runnable changed) {
        this.changed = changed;
        refresh.setCycleCount(Animation.INDEFINITE);
        refresh.play();
        refresh();
    }

    ObservableList<LocalAddresses.Reachable> list() {
        return reachable;
    }

    /** Reads the interface table off the FX thread and publishes it back only if it changed. */
    void refresh() {
        worker.execute(() -> {
            List<LocalAddresses.Reachable> now = LocalAddresses.find();
            Platform.runLater(() -> {
                if (!now.equals(reachable)) {
                    reachable.setAll(now);
                    changed.run();
                }
            });
        });
    }

    void stop() {
        refresh.stop();
        worker.shutdownNow();
    }

    /** Where a browser or nc should connect, in words. */
    static String howToConnect(BindMode mode, int port, List<LocalAddresses.Reachable> reachable) {
        if (mode == BindMode.LOCAL) {
            return "Open http://127.0.0.1:" + port + "/ in a browser on this computer, or run: nc 127.0.0.1 " + port
                    + ". Phones cannot connect: choose \"all interfaces\" for that.";
        }
        if (reachable.isEmpty()) {
            return "Open http://127.0.0.1:" + port + "/ here. No network interface is up, so phones cannot connect yet.";
        }
        LocalAddresses.Reachable best = reachable.get(0);
        return "Phones and laptops on the same Wi-Fi: open " + best.url(port) + " (" + best.interfaceName()
                + "). On this computer: http://127.0.0.1:" + port + "/ or nc 127.0.0.1 " + port;
    }
}
