package io.socketscope.server;

/** One bound, listening socket: its local address and its descriptor. */
public record ListeningSocket(Endpoint local, Descriptor descriptor) {
}
