package io.socketscope.app;

import io.socketscope.model.EventLines;
import io.socketscope.server.ServerEvent;
import io.socketscope.session.Session;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints a recorded session's event lines exactly as {@code --headless} printed them live, paced by the
 * recorded times divided by the speed (0: as fast as possible). Nothing listens.
 */
final class HeadlessReplay {

    private HeadlessReplay() {
    }

    static void run(Session session, int speed, PrintStream out) throws InterruptedException {
        out.println("# replay of a session recorded on " + (session.host().isEmpty() ? "an unnamed host" : session.host())
                + " at " + session.started() + " (" + session.events().size() + " events, "
                + (speed == 0 ? "as fast as possible" : speed + "x") + "); nothing listens");
        ServerEvent previous = null;
        for (ServerEvent event : session.events()) {
            if (speed > 0 && previous != null) {
                long wait = Duration.between(previous.time(), event.time()).toMillis() / speed;
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            }
            if (!EventLines.quiet(event)) {
                out.println(EventLines.entry(event).line());
            }
            previous = event;
        }
        out.flush();
    }
}
