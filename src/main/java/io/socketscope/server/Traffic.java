package io.socketscope.server;

/** Bytes that crossed one socket so far: received from the client and sent to it. */
public record Traffic(long received, long sent) {

    public static final Traffic NONE = new Traffic(0, 0);

    public Traffic plus(long moreReceived, long moreSent) {
        return new Traffic(received + moreReceived, sent + moreSent);
    }
}
