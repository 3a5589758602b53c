package io.socketscope.layout;

import java.util.List;

/**
 * What one client host asks of the layout.
 *
 * @param key       the host's address, as the scene keys it
 * @param place     its number from the {@link PlaceBook}: hosts are drawn in this order
 * @param itemPorts for each label the host would draw (a bundle's first, then each socket's own), the index
 *                  of the port it goes to; the host's edges go to the ports in this list
 * @param bundles   how many of the items are bundles (a bundle has a label, never a mark)
 */
public record HostDemand(String key, int place, List<Integer> itemPorts, int bundles) {

    public HostDemand {
        itemPorts = List.copyOf(itemPorts);
    }

    public HostDemand(String key, int place, List<Integer> itemPorts) {
        this(key, place, itemPorts, 0);
    }

    public int items() {
        return itemPorts.size();
    }
}
