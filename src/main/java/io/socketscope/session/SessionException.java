package io.socketscope.session;

import java.nio.file.Path;

/** A session file that cannot be read: the message names the file and, where it applies, the line. */
public final class SessionException extends Exception {

    public SessionException(Path file, int line, String what) {
        super(file + (line > 0 ? " line " + line : "") + ": " + what);
    }
}
