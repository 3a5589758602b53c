package io.socketscope.server;

/** Which interfaces a listening port is bound to. */
public enum BindMode {
    /** Every interface, so phones and laptops on the same network can connect. */
    ALL("all interfaces", "all"),
    /** Loopback only (127.0.0.1 and ::1): nothing outside this computer can connect. */
    LOCAL("this computer only", "local");

    private final String description;
    private final String optionValue;

    BindMode(String description, String optionValue) {
        this.description = description;
        this.optionValue = optionValue;
    }

    /** Words for the window: "all interfaces", "this computer only". */
    public String description() {
        return description;
    }

    /** The value of the {@code --bind} option. */
    public String optionValue() {
        return optionValue;
    }

    /** Parses {@code all} or {@code local}; returns null for anything else. */
    public static BindMode fromOption(String value) {
        for (BindMode mode : values()) {
            if (mode.optionValue.equalsIgnoreCase(value)) {
                return mode;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return description;
    }
}
