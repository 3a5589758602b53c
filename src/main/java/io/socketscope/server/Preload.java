package io.socketscope.server;

/**
 * Loads classes ahead of need. Loading a class opens its jar: when descriptors run out, the paths that report
 * it and recover must not need a class that is not loaded yet, so the classes they touch are loaded at start.
 */
public final class Preload {

    private Preload() {
    }

    /** Loads and initializes each of {@code types}. */
    public static void classes(Class<?>... types) {
        for (Class<?> type : types) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException impossible) {
                throw new ExceptionInInitializerError(impossible);
            }
        }
    }

    /** Loads and initializes the classes declared in {@code owner} (its records and enums, private ones too). */
    public static void nestedIn(Class<?> owner) {
        classes(owner.getDeclaredClasses());
    }
}
