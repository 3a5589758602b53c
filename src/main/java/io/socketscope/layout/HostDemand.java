package io.socketscope.layout;

import java.util.List;

/**
 * What one client host asks of the layout.
 *
 * @param key       the host's address, as the scene keys it
 * @param place     its number from the {@link PlaceBook}: hosts are drawn in this order
 * @param itemPorts for each label the host would draw (a socket's own label or a bundle's), the index of
 *                  the port it goes to; the host's edges go to the ports in this list
 */
public record HostDemand(String key, int place, List<Integer> itemPorts) {

    public HostDemand {
        itemPorts = List.copyOf(itemPorts);
    }

    public int items() {
        return itemPorts.size();
    }
}
