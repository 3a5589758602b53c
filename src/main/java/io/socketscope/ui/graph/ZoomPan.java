package io.socketscope.ui.graph;

import javafx.animation.PauseTransition;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import javafx.util.Duration;

/**
 * Semantic zoom and pan of the graph. The zoom gives the layout more room: at zoom {@code z} the graph is
 * laid out for an area {@code z} times the viewport's, at its own text sizes, and panned inside the
 * viewport, so counted rows open into marks and marks into full labels while text stays as large as at Fit.
 * While the wheel turns, the content is only scaled (immediate feedback); when the zoom settles (a short
 * pause after the wheel, or at once for a button or key) the layout runs for the new size, the scale goes
 * back to 1, and the point under the pointer stays where it is. A drag pans; {@link #fit()} shows the whole
 * graph again. Zoom never goes below Fit: there is nothing more to see, and text would shrink under 11 px.
 */
public final class ZoomPan {

    /** What stands where in the content, so that a zoom keeps the thing under the pointer under it. */
    interface Anchors {
        /** A key for the thing at or nearest to ({@code x}, {@code y}) of the content, or null. */
        String at(double x, double y);

        /** Where that thing is in the content now (as just laid out: x, y, width, height), or null if it is gone. */
        double[] origin(String key);
    }

    static final double MIN_SCALE = 1;
    static final double MAX_SCALE = 4;
    static final double STEP = 1.25;
    /** A wheel that has been still this long has settled: the layout runs for the new zoom. */
    static final Duration SETTLE = Duration.millis(180);
    /** A press that moves less than this is a click, not a pan. */
    private static final double DRAG_SLOP = 4;

    private final Region viewport;
    private final Node content;
    private final Runnable relayout;
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    /** The interim scale of the content while the wheel turns: the zoom shown over the zoom laid out. */
    private final Scale interim = new Scale(1, 1, 0, 0);
    private final PauseTransition settleLater = new PauseTransition(SETTLE);
    /** The zoom the layout was computed for. */
    private double laidOut = 1;
    /**
     * A settled zoom waiting for its layout: the content point to keep (x from the nearer side edge, negative
     * from the right; y as a fraction), and where on screen.
     */
    private double[] keep;
    private Runnable onFit = () -> { };
    private Anchors anchors = new Anchors() {
        @Override
        public String at(double x, double y) {
            return null;
        }

        @Override
        public double[] origin(String key) {
            return null;
        }
    };
    /** The thing under the pointer when the zoom began, and where in it the pointer was (fractions of its size). */
    private String anchorKey;
    private double anchorDx;
    private double anchorDy;
    private Runnable onClose = () -> { };
    private double pressX;
    private double pressY;
    private double startTx;
    private double startTy;
    private boolean panning;

    ZoomPan(Region viewport, Node content, Runnable relayout) {
        this.viewport = viewport;
        this.content = content;
        this.relayout = relayout;
        content.getTransforms().add(0, interim);
        settleLater.setOnFinished(e -> settle());
        viewport.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(scale.get() * Math.pow(STEP, Math.signum(e.getDeltaY())), e.getX(), e.getY(), false);
                e.consume();
            }
        });
        viewport.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getX();
            pressY = e.getY();
            startTx = content.getTranslateX();
            startTy = content.getTranslateY();
            panning = false;
        });
        viewport.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            double dx = e.getX() - pressX;
            double dy = e.getY() - pressY;
            panning |= Math.hypot(dx, dy) >= DRAG_SLOP;
            if (panning) {
                moveTo(startTx + dx, startTy + dy);
            }
        });
        // A pan that ends over a label is not a click on it.
        viewport.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (panning) {
                e.consume();
            }
        });
        viewport.widthProperty().addListener((o, a, b) -> clamp());
        viewport.heightProperty().addListener((o, a, b) -> clamp());
    }

    ReadOnlyDoubleProperty scaleProperty() {
        return scale;
    }

    public double scale() {
        return scale.get();
    }

    /** Called when Fit is asked for (the graph closes an opened host). */
    void setOnFit(Runnable action) {
        onFit = action;
    }

    void setAnchors(Anchors anchors) {
        this.anchors = anchors;
    }

    /** Closes the host opened in the graph, if one is, leaving the zoom as it is. */
    void closeOpened() {
        onClose.run();
    }

    /** Called when Esc asks to close the host opened in the graph. */
    void setOnClose(Runnable action) {
        onClose = action;
    }

    /** Back to zoom 1 with nothing moved: the whole graph in view. */
    void fit() {
        settleLater.stop();
        scale.set(1);
        keep = new double[] {0, 0, 0, 0};
        anchorKey = null;
        onFit.run();
        relayout.run();
    }

    void zoomIn() {
        zoomAt(scale.get() * STEP, viewport.getWidth() / 2, viewport.getHeight() / 2, true);
    }

    void zoomOut() {
        zoomAt(scale.get() / STEP, viewport.getWidth() / 2, viewport.getHeight() / 2, true);
    }

    /**
     * Zooms to {@code target} keeping the content point under ({@code x}, {@code y}) where it is: at once by
     * scaling the content, and laid out for the new size when it settles ({@code now}: at once).
     */
    void zoomAt(double target, double x, double y, boolean now) {
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, target));
        double v = interim.getX();
        // The content point under (x, y), in the content's own units, and as a fraction of its size.
        double cx = (x - content.getTranslateX()) / v;
        double cy = (y - content.getTranslateY()) / v;
        double w = viewport.getWidth() * laidOut;
        double h = viewport.getHeight() * laidOut;
        scale.set(next);
        double nv = next / laidOut;
        interim.setX(nv);
        interim.setY(nv);
        moveTo(x - cx * nv, y - cy * nv);
        // Hosts stand against the outer margins and the ports in the middle: a point left of the middle keeps its
        // distance from the left edge, one right of it from the right edge; heights keep their fraction.
        keep = new double[] {cx < w / 2 ? cx : cx - w, h <= 0 ? 0 : cy / h, x, y};
        // Better still, the host under the pointer stays under it, whatever the new layout does with it.
        if (settleLater.getStatus() != javafx.animation.Animation.Status.RUNNING || anchorKey == null) {
            double[] at = null;
            anchorKey = anchors.at(cx, cy);
            if (anchorKey != null) {
                at = anchors.origin(anchorKey);
            }
            if (at == null) {
                anchorKey = null;
            } else {
                // Where in the thing the pointer is, as fractions of its size: a host's box changes its size
                // with its detail, and the pointer stays over the same part of it.
                anchorDx = at[2] <= 0 ? 0 : (cx - at[0]) / at[2];
                anchorDy = at[3] <= 0 ? 0 : (cy - at[1]) / at[3];
            }
        }
        if (now) {
            settle();
        } else {
            settleLater.playFromStart();
        }
    }

    /** The zoom has settled: the graph lays itself out for it (see {@link #laidOutAt}). */
    private void settle() {
        settleLater.stop();
        relayout.run();
    }

    /** The zoom the graph should be laid out for now: a settled zoom waiting for its layout, else the last one. */
    double zoomToLayOut() {
        return keep != null && settleLater.getStatus() != javafx.animation.Animation.Status.RUNNING ? scale.get() : laidOut;
    }

    /**
     * Called by the graph once it is laid out for {@code z}: with a settled zoom waiting, the content is now
     * laid out for it; it is drawn at scale 1 and moved so that the host that was under the pointer is again
     * (or, with no host there, the same distance from the nearer side edge and the same fraction down).
     */
    void laidOutAt(double z) {
        if (keep == null || settleLater.getStatus() == javafx.animation.Animation.Status.RUNNING || z != scale.get()) {
            return;
        }
        laidOut = z;
        interim.setX(1);
        interim.setY(1);
        double w = viewport.getWidth() * laidOut;
        double h = viewport.getHeight() * laidOut;
        double[] k = keep;
        keep = null;
        double[] at = anchorKey == null ? null : anchors.origin(anchorKey);
        anchorKey = null;
        if (at != null) {
            moveTo(k[2] - at[0] - anchorDx * at[2], k[3] - at[1] - anchorDy * at[3]);
            return;
        }
        double cx = k[0] >= 0 ? k[0] : w + k[0];
        moveTo(k[2] - cx, k[3] - k[1] * h);
    }

    /** Whether the zoom shown is laid out (no wheel still turning, no layout waiting for it). */
    boolean settled() {
        return keep == null && settleLater.getStatus() != javafx.animation.Animation.Status.RUNNING;
    }

    private void moveTo(double tx, double ty) {
        content.setTranslateX(tx);
        content.setTranslateY(ty);
        clamp();
    }

    /** Keeps the content covering the viewport: the graph can never be panned out of sight. */
    private void clamp() {
        double s = scale.get();
        double minX = viewport.getWidth() * (1 - s);
        double minY = viewport.getHeight() * (1 - s);
        content.setTranslateX(Math.max(minX, Math.min(0, content.getTranslateX())));
        content.setTranslateY(Math.max(minY, Math.min(0, content.getTranslateY())));
    }
}
