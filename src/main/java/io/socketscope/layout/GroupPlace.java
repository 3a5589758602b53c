package io.socketscope.layout;

import java.util.List;

/** The hosts that did not fit, drawn as one node with their count ({@code + 240 more hosts}). */
public record GroupPlace(Side side, Box box, List<String> keys) {

    public GroupPlace {
        keys = List.copyOf(keys);
    }

    public HostPlace.Point anchor() {
        return new HostPlace.Point(side.towardPorts(box), box.centerY());
    }
}
