package io.socketscope.server;

/**
 * How a socket is identified inside this process: the real OS file descriptor where one can be read (Linux,
 * macOS), the socket's handle on Windows (its equivalent of a descriptor), otherwise a surrogate id of
 * SocketScope's own that is never called "fd".
 */
public record Descriptor(int number, Kind kind) {

    /** Where the number comes from. */
    public enum Kind {
        /** The kernel's file descriptor, as {@code accept()} returns it in C. */
        OS("os", "fd"),
        /** Windows' SOCKET handle, the number Winsock's {@code accept()} returns, shown in hexadecimal. */
        HANDLE("handle", "handle"),
        /** SocketScope's own counter, for systems where the OS descriptor cannot be read. */
        SURROGATE("surrogate", "id");

        private final String jsonName;
        private final String prefix;

        Kind(String jsonName, String prefix) {
            this.jsonName = jsonName;
            this.prefix = prefix;
        }

        public String jsonName() {
            return jsonName;
        }

        public String prefix() {
            return prefix;
        }
    }

    public static Descriptor os(int fd) {
        return new Descriptor(fd, Kind.OS);
    }

    public static Descriptor handle(int handle) {
        return new Descriptor(handle, Kind.HANDLE);
    }

    public static Descriptor surrogate(int id) {
        return new Descriptor(id, Kind.SURROGATE);
    }

    /** {@code fd 57}, {@code handle 0x1A4} or {@code id 3}. */
    public String label() {
        return kind == Kind.HANDLE ? "handle 0x" + Integer.toHexString(number).toUpperCase(java.util.Locale.ROOT)
                : kind.prefix() + " " + number;
    }

    @Override
    public String toString() {
        return label();
    }
}
