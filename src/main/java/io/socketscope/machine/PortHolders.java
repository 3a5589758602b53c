package io.socketscope.machine;

import io.socketscope.server.BindFailure;
import io.socketscope.server.Protocol;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Names the program that holds a port, in words, from what the operating system told: never a guess. */
public final class PortHolders {

    private PortHolders() {
    }

    /**
     * Who listens on {@code port} ({@code python3 (pid 4242)}, or both of two programs), or empty when no
     * listening socket of it was found; {@code a program the operating system does not name to this user}
     * when the port is held but its owner is hidden.
     */
    public static Optional<String> holderOf(List<HostSocket> sockets, Protocol protocol, int port) {
        Set<String> owners = new LinkedHashSet<>();
        boolean hidden = false;
        for (HostSocket s : sockets) {
            if (s.protocol() == protocol && s.localPort() == port && s.isListening()) {
                if (s.ownerKnown()) {
                    owners.add(s.process().isEmpty() ? "pid " + s.pid() : "`" + s.process() + "` (pid " + s.pid() + ")");
                } else {
                    hidden = true;
                }
            }
        }
        if (owners.isEmpty()) {
            return hidden ? Optional.of("a program the operating system does not name to this user"
                    + " (run as administrator to see which)") : Optional.empty();
        }
        return Optional.of(String.join(" and ", owners));
    }

    /** For a port in use: the failure naming the program that holds the port where the OS tells (blocking). */
    public static BindFailure naming(BindFailure failure, HostSockets machine) {
        if (failure.kind() != BindFailure.Kind.IN_USE) {
            return failure;
        }
        return holderOf(machine.read(), failure.protocol(), failure.port()).map(failure::namingHolder).orElse(failure);
    }
}
