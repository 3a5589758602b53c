package io.socketscope.server;

import java.util.List;
import java.util.stream.Collectors;

/** One bound, listening socket: its local address and its descriptor. */
public record ListeningSocket(Endpoint local, Descriptor descriptor) {

    /** The descriptors of several listening sockets, e.g. {@code fd 41} or {@code fd 41, fd 42}. */
    public static String descriptorLabels(List<ListeningSocket> sockets) {
        return sockets.stream().map(s -> s.descriptor().label()).collect(Collectors.joining(", "));
    }
}
