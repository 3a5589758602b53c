package io.socketscope.ui.graph;

import io.socketscope.layout.Box;
import io.socketscope.model.PortInfo;
import io.socketscope.server.Protocol;
import java.util.List;
import javafx.scene.control.Label;

/**
 * The line under the graph that says what it shows: {@code 1 port, 90 sockets from 30 hosts. Every
 * connection to port 8080 is its own socket with its own descriptor.} Rewritten with the other counts,
 * not once per socket.
 */
final class GraphCaption extends Label {

    long openTcp;
    /** Connections the kernel keeps after their fd closed (ghosts), and how many of them are in TIME_WAIT. */
    long ghosts;
    long ghostsInTimeWait;
    /** Whether some ghost has an edge on screen (else they are counted here only: hidden, or no room). */
    boolean ghostsOnScreen;
    long openUdp;
    private boolean stale = true;

    GraphCaption() {
        getStyleClass().add("graph-caption");
        setManaged(false);
    }

    void stale() {
        stale = true;
    }

    /**
     * @param counted whether some hosts count their sockets instead of drawing them: the caption then says how
     *                to see them
     * @param opened  the host opened in the graph, or null
     */
    void refresh(List<PortInfo> ports, long liveHosts, boolean counted, String opened) {
        if (!stale) {
            return;
        }
        stale = false;
        String text = ports.isEmpty() ? "" : text(ports, liveHosts, counted, opened);
        if (!text.equals(getText())) {
            setText(text);
            setAccessibleText(text);
        }
    }

    private String text(List<PortInfo> ports, long liveHosts, boolean counted, String opened) {
        boolean anyUdp = ports.stream().anyMatch(p -> p.protocol() == Protocol.UDP);
        boolean anyTcp = ports.stream().anyMatch(p -> p.protocol() == Protocol.TCP);
        StringBuilder text = new StringBuilder()
                .append(ports.size() == 1 ? "1 port, " : ports.size() + " ports, ")
                .append(openTcp == 1 ? "1 socket" : String.format("%,d sockets", openTcp))
                .append(anyUdp ? (openUdp == 1 ? " and 1 UDP peer" : String.format(" and %,d UDP peers", openUdp)) : "")
                .append(" from ").append(liveHosts).append(liveHosts == 1 ? " host. " : " hosts. ");
        if (ghosts > 0) {
            String which = ghosts == ghostsInTimeWait ? "in TIME_WAIT" : "in TIME_WAIT and other closing states";
            text.append(ghostsOnScreen ? String.format("Faint: %,d %s (fd closed, kept by the kernel). ", ghosts, which)
                    : String.format("%,d more %s (fd closed, kept by the kernel; not drawn). ", ghosts, which));
        }
        if (opened != null) {
            return text.append(opened).append(" is open with all its sockets: Esc, Fit or a click on it closes it.")
                    .toString();
        }
        if (counted) {
            return text.append("Zoom in or click a host to see its sockets.").toString();
        }
        if (anyTcp) {
            text.append(ports.size() == 1 ? "Every connection to port " + ports.get(0).port()
                    + " is its own socket with its own descriptor." : "TCP: a socket per connection.");
        }
        if (anyUdp) {
            text.append(anyTcp ? " " : "").append("UDP: one socket for every peer.");
        }
        return text.toString();
    }

    /** Puts the caption in its band, cut with an ellipsis if the band is narrower than the text. */
    void place(Box band) {
        resizeRelocate(band.x(), band.y(), band.width(), band.height());
    }
}
