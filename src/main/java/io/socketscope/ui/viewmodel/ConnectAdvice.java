package io.socketscope.ui.viewmodel;

import io.socketscope.server.BindMode;
import io.socketscope.server.ListenSpec;
import io.socketscope.server.LocalAddresses;
import io.socketscope.server.Protocol;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * What the window tells about connecting (FX thread): how to reach a port just opened, said again when this
 * computer's addresses change, and the troubleshooting hints when nobody has connected a while after Start.
 */
final class ConnectAdvice {

    /** How often the list of reachable addresses is read again (Wi-Fi reconnects, cables). */
    static final Duration ADDRESS_REFRESH = Duration.seconds(5);
    /** How long after Start, with nothing connected, the troubleshooting hints appear. */
    static final Duration DEFAULT_HINT_DELAY = Duration.seconds(20);

    private final ReadOnlyBooleanWrapper hintsVisible = new ReadOnlyBooleanWrapper(this, "hintsVisible", false);
    private final PauseTransition hintTimer = new PauseTransition(DEFAULT_HINT_DELAY);
    /** Where this computer can be reached; its changes refresh the how-to-connect line. */
    private final Reachability addresses;
    private final Consumer<String> say;
    private final BooleanSupplier advertising;
    private final IntSupplier advertisedPort;
    /** "The operating system picked …" when the port asked for was 0, said before the how-to-connect line. */
    private String pickedNote = "";

    /**
     * @param say            shows a plain message
     * @param advertising    whether the how-to-connect line is still the one to show (the first TCP port is open on
     *                       all interfaces and no error is shown)
     * @param advertisedPort the port phones are told to open
     * @param hintsDue       whether the hints are due when the wait is over (still open on all interfaces, and
     *                       nobody connected)
     */
    ConnectAdvice(Consumer<String> say, BooleanSupplier advertising, IntSupplier advertisedPort,
                  BooleanSupplier hintsDue) {
        this.say = say;
        this.advertising = advertising;
        this.advertisedPort = advertisedPort;
        hintTimer.setOnFinished(e -> hintsVisible.set(hintsDue.getAsBoolean()));
        addresses = new Reachability(this::addressesChanged);
    }

    /** A port was opened: says how to reach it and starts the wait for the hints again. */
    void opened(ListenSpec asked, int port, BindMode bind) {
        hintsVisible.set(false);
        hintTimer.playFromStart();
        pickedNote = asked.port() == 0 ? "The operating system picked " + asked.protocol() + " port " + port + ". " : "";
        if (asked.protocol() == Protocol.UDP) {
            say.accept(pickedNote + "UDP port " + port + " is open: try nc -u 127.0.0.1 " + port
                    + " and type a line; each line is one datagram, answered by the port's one socket.");
        } else {
            say.accept(pickedNote + Reachability.howToConnect(bind, port, addresses.list()));
        }
    }

    /** Someone connected: no hints needed. */
    void connected() {
        hintsVisible.set(false);
    }

    /** No port is open any more. */
    void closed() {
        hintTimer.stop();
        hintsVisible.set(false);
    }

    /** Shortens the wait before hints appear (tests). */
    void setHintDelay(Duration delay) {
        hintTimer.setDuration(delay);
    }

    /** Reads the interface table again (off the FX thread). */
    void refreshAddresses() {
        addresses.refresh();
    }

    void stop() {
        addresses.stop();
    }

    ReadOnlyBooleanProperty hintsVisibleProperty() {
        return hintsVisible.getReadOnlyProperty();
    }

    /** The URLs at which this computer can be reached, likeliest first; refreshed in the background. */
    ObservableList<LocalAddresses.Reachable> reachable() {
        return addresses.list();
    }

    private void addressesChanged() {
        if (advertising.getAsBoolean()) {
            say.accept(pickedNote + Reachability.howToConnect(BindMode.ALL, advertisedPort.getAsInt(), addresses.list()));
        }
    }
}
