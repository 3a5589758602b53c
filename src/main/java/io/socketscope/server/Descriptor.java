package io.socketscope.server;

/**
 * How a socket is identified inside this process: the real OS file descriptor where one can be found
 * (Linux), otherwise a surrogate id of SocketScope's own that is never called "fd".
 */
public record Descriptor(int number, Kind kind) {

    /** Where the number comes from. */
    public enum Kind {
        /** The kernel's file descriptor, as {@code accept()} returns it in C. */
        OS("os", "fd"),
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

    public static Descriptor surrogate(int id) {
        return new Descriptor(id, Kind.SURROGATE);
    }

    /** {@code fd 57} or {@code id 3}. */
    public String label() {
        return kind.prefix() + " " + number;
    }

    @Override
    public String toString() {
        return label();
    }
}
