package io.socketscope.ui.viewmodel;

import io.socketscope.server.ListenSpec;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The one line the window says about what just happened, in plain words: a message or an error, and,
 * when Start found a port in use by another program, that port (the window then offers to show who holds
 * it). Each new message replaces the last one and forgets the held port.
 */
final class Notice {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyObjectWrapper<ListenSpec> held = new ReadOnlyObjectWrapper<>(this, "heldPort");

    void info(String words) {
        set(words, false);
    }

    void error(String words) {
        set(words, true);
    }

    private void set(String words, boolean isError) {
        text.set(words);
        error.set(isError);
        held.set(null);
    }

    /** Says that {@code port} is in use by another program ({@code words} name it). */
    void inUse(String words, ListenSpec port) {
        error(words);
        held.set(port);
    }

    String text() {
        return text.get();
    }

    boolean isError() {
        return error.get();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ListenSpec> heldProperty() {
        return held.getReadOnlyProperty();
    }
}
