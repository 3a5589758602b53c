package io.socketscope.layout;

import java.util.List;

/**
 * A computed graph layout: the ports in their column, the hosts drawn (in place order), the group of those
 * that did not fit (or null), and the caption's band. Every box lies inside {@code width × height} and no
 * two overlap.
 */
public record Layout(Detail detail, double width, double height, List<Box> ports, List<HostPlace> hosts,
                     GroupPlace group, Box caption) {

    public Layout {
        ports = List.copyOf(ports);
        hosts = List.copyOf(hosts);
    }

    /** Where an edge from a host on {@code side} reaches port {@code index}. */
    public HostPlace.Point portAnchor(int index, Side side) {
        Box port = ports.get(Math.min(index, ports.size() - 1));
        return new HostPlace.Point(side == Side.LEFT ? port.x() : port.right(), port.centerY());
    }

    /** The host drawn for {@code key}, or null when it is in the group (or unknown). */
    public HostPlace host(String key) {
        for (HostPlace h : hosts) {
            if (h.key().equals(key)) {
                return h;
            }
        }
        return null;
    }

    /** Whether some host counts its sockets instead of drawing them (no slots), or some hosts are in the group. */
    public boolean counted() {
        if (group() != null) {
            return true;
        }
        for (HostPlace h : hosts()) {
            if (h.slots().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
