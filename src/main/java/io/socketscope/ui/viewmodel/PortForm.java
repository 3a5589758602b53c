package io.socketscope.ui.viewmodel;

import io.socketscope.server.BindMode;
import io.socketscope.server.PortInput;
import io.socketscope.server.Protocol;
import io.socketscope.server.ServerConfig;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The port a person is about to open, as the toolbar holds it: the number as typed, TCP or UDP, and where
 * to listen, with a note on the number as it is typed ("Port 8080 is commonly used for HTTP (alternate)").
 * Lives on the FX thread.
 */
public final class PortForm {

    private final StringProperty portText = new SimpleStringProperty(this, "portText", "8080");
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(this, "protocol", Protocol.TCP);
    private final ObjectProperty<BindMode> bind = new SimpleObjectProperty<>(this, "bind", BindMode.ALL);
    private final ReadOnlyStringWrapper portNote = new ReadOnlyStringWrapper(this, "portNote", "");

    PortForm(ServerConfig template) {
        portText.set(Integer.toString(template.port()));
        bind.set(template.bind());
        portText.addListener((obs, old, now) -> portNote.set(noteFor(now, protocol.get())));
        protocol.addListener((obs, old, now) -> portNote.set(noteFor(portText.get(), now)));
        portNote.set(noteFor(portText.get(), protocol.get()));
    }

    /** The typed port, checked: its number, or in words why it is not one. */
    PortInput.Result port() {
        return PortInput.parse(portText.get());
    }

    public StringProperty portTextProperty() {
        return portText;
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    public ObjectProperty<BindMode> bindProperty() {
        return bind;
    }

    /** What the typed number is known for, and whether it is privileged; empty for no number. */
    public ReadOnlyStringProperty portNoteProperty() {
        return portNote.getReadOnlyProperty();
    }

    private static String noteFor(String text, Protocol protocol) {
        PortInput.Result r = PortInput.parse(text);
        return r.ok() ? PortInput.note(r.port(), protocol) : "";
    }
}
