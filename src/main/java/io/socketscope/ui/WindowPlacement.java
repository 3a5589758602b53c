package io.socketscope.ui;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the main window opens: where it was last closed, if that is still on a screen, else 1280 × 800
 * (or the screen's visible area, if smaller: a small laptop or a projector at 1024 × 768) centred on it.
 * Never larger than the screen it opens on.
 */
final class WindowPlacement {

    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    /** Below this the toolbar and panels no longer fit: the smallest screen the window is made for. */
    static final double MIN_WIDTH = 800;
    static final double MIN_HEIGHT = 500;
    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String W = "window.width";
    private static final String H = "window.height";

    private final Preferences prefs;

    /** @param prefs where the last bounds are kept, or null to neither read nor keep them */
    WindowPlacement(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The app's own: kept per user, unless {@code -Dsocketscope.rememberWindow=false} (tests). */
    static WindowPlacement forThisUser() {
        boolean remember = Boolean.parseBoolean(System.getProperty("socketscope.rememberWindow", "true"));
        return new WindowPlacement(remember ? Preferences.userNodeForPackage(WindowPlacement.class) : null);
    }

    /** The bounds to open at, on one of {@code screens} (visible areas, the primary first). */
    Rectangle2D initial(List<Rectangle2D> screens) {
        if (prefs != null) {
            Rectangle2D saved = new Rectangle2D(prefs.getDouble(X, 0), prefs.getDouble(Y, 0), prefs.getDouble(W, 0),
                    prefs.getDouble(H, 0));
            for (Rectangle2D screen : screens) {
                if (saved.getWidth() >= MIN_WIDTH && saved.getHeight() >= MIN_HEIGHT && screen.contains(saved)) {
                    return saved;
                }
            }
        }
        Rectangle2D screen = screens.get(0);
        double w = Math.min(WIDTH, screen.getWidth());
        double h = Math.min(HEIGHT, screen.getHeight());
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }

    /** Puts the stage at its initial bounds on this machine's screens, and remembers where it is closed. */
    void apply(Stage stage, List<Rectangle2D> screens) {
        Rectangle2D at = initial(screens);
        stage.setX(at.getMinX());
        stage.setY(at.getMinY());
        stage.setWidth(at.getWidth());
        stage.setHeight(at.getHeight());
        stage.setMinWidth(Math.min(MIN_WIDTH, at.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, at.getHeight()));
        if (prefs != null) {
            stage.setOnCloseRequest(e -> remember(stage));
        }
    }

    /** Keeps the stage's bounds (in memory; the JDK writes them out in the background). */
    void remember(Stage stage) {
        if (prefs == null || stage.isIconified() || stage.isMaximized() || stage.isFullScreen()) {
            return;
        }
        prefs.putDouble(X, stage.getX());
        prefs.putDouble(Y, stage.getY());
        prefs.putDouble(W, stage.getWidth());
        prefs.putDouble(H, stage.getHeight());
    }

    /** The visible areas of this machine's screens, the primary first. */
    static List<Rectangle2D> screens() {
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        List<Rectangle2D> all = new java.util.ArrayList<>(List.of(primary));
        Screen.getScreens().stream().map(Screen::getVisualBounds).filter(b -> !b.equals(primary)).forEach(all::add);
        return all;
    }
}
