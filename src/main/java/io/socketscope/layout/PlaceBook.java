package io.socketscope.layout;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The order hosts are drawn in: each host keeps the place number it got when it first appeared, and a new
 * host takes the lowest free number, as the kernel hands out the lowest free descriptor. So a host on
 * screen never changes its order when others come or go; a host that leaves frees its number for the next.
 *
 * <p>Postcondition of every call: no two held keys share a number, and the numbers held are the lowest
 * free ones at the time each key was taken.
 */
public final class PlaceBook {

    private final Map<String, Integer> places = new HashMap<>();
    private final BitSet taken = new BitSet();

    /** The key's place, taking the lowest free one if it has none. */
    public int placeOf(String key) {
        Integer place = places.get(key);
        if (place == null) {
            place = taken.nextClearBit(0);
            taken.set(place);
            places.put(key, place);
        }
        return place;
    }

    /** Frees the key's place for the next newcomer. */
    public void release(String key) {
        Integer place = places.remove(key);
        if (place != null) {
            taken.clear(place);
        }
    }

    public int size() {
        return places.size();
    }
}
