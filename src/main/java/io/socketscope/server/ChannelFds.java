package io.socketscope.server;

import java.lang.reflect.Field;
import java.nio.channels.Channel;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the OS descriptor a JDK channel holds (the number {@code accept()} returned), in O(1). The JDK
 * keeps it in a private field of its channel classes, which Java lets a program read only when started
 * with {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} (the pom passes it to the app and the tests).
 * Without it this answers "unknown", and the {@code /proc} tables are searched instead: slower, O(open
 * sockets) per accept, but the same number.
 */
public final class ChannelFds {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelFds.class);
    /** The field per channel class, or a marker that it cannot be read. */
    private static final Map<Class<?>, Object> FIELDS = new ConcurrentHashMap<>();
    private static final Object UNREADABLE = new Object();

    private ChannelFds() {
    }

    /** The channel's descriptor, if this JVM lets us read it. */
    public static OptionalInt of(Channel channel) {
        Object field = FIELDS.computeIfAbsent(channel.getClass(), ChannelFds::find);
        if (field == UNREADABLE) {
            return OptionalInt.empty();
        }
        try {
            int fd = ((Field) field).getInt(channel);
            return fd >= 0 ? OptionalInt.of(fd) : OptionalInt.empty();
        } catch (IllegalAccessException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether descriptors can be read directly in this JVM. */
    public static boolean readable(Channel channel) {
        return FIELDS.computeIfAbsent(channel.getClass(), ChannelFds::find) != UNREADABLE;
    }

    private static Object find(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("fdVal");
                if (f.getType() == int.class) {
                    f.setAccessible(true);
                    return f;
                }
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (RuntimeException denied) {
                LOG.debug("descriptors of {} cannot be read directly ({}); using /proc", type.getName(), denied.toString());
                return UNREADABLE;
            }
        }
        return UNREADABLE;
    }
}
