package io.socketscope.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * Zoom and pan of the graph as a scale and a translation of one content node inside its viewport: the
 * wheel zooms around the pointer, a drag pans, {@link #fit()} shows everything again. Zooming never lays
 * the graph out again; at zoom 1 (fit) the layout fills the viewport exactly.
 */
final class ZoomPan {

    static final double MIN_SCALE = 0.5;
    static final double MAX_SCALE = 4;
    static final double STEP = 1.25;
    /** A press that moves less than this is a click, not a pan. */
    private static final double DRAG_SLOP = 4;

    private final Region viewport;
    private final Node content;
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private double pressX;
    private double pressY;
    private double startTx;
    private double startTy;
    private boolean panning;

    ZoomPan(Region viewport, Node content) {
        this.viewport = viewport;
        this.content = content;
        content.scaleXProperty().bind(scale);
        content.scaleYProperty().bind(scale);
        viewport.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(scale.get() * Math.pow(STEP, Math.signum(e.getDeltaY())), e.getX(), e.getY());
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

    double scale() {
        return scale.get();
    }

    /** Back to zoom 1 with nothing moved: the whole graph in view. */
    void fit() {
        scale.set(1);
        content.setTranslateX(0);
        content.setTranslateY(0);
    }

    void zoomIn() {
        zoomAt(scale.get() * STEP, viewport.getWidth() / 2, viewport.getHeight() / 2);
    }

    void zoomOut() {
        zoomAt(scale.get() / STEP, viewport.getWidth() / 2, viewport.getHeight() / 2);
    }

    /** Zooms to {@code target} keeping the content point under ({@code x}, {@code y}) where it is. */
    void zoomAt(double target, double x, double y) {
        double s = scale.get();
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, target));
        // The content scales about its own centre; work in the point's content coordinates.
        double cx = viewport.getWidth() / 2;
        double cy = viewport.getHeight() / 2;
        double px = (x - content.getTranslateX() - cx) / s;
        double py = (y - content.getTranslateY() - cy) / s;
        scale.set(next);
        moveTo(x - cx - px * next, y - cy - py * next);
    }

    private void moveTo(double tx, double ty) {
        content.setTranslateX(tx);
        content.setTranslateY(ty);
        clamp();
    }

    /**
     * Keeps the content covering the viewport when zoomed in, and inside it when zoomed out: the graph can
     * never be panned out of sight.
     */
    private void clamp() {
        double s = scale.get();
        double limitX = Math.abs(viewport.getWidth() * (s - 1)) / 2;
        double limitY = Math.abs(viewport.getHeight() * (s - 1)) / 2;
        content.setTranslateX(Math.max(-limitX, Math.min(limitX, content.getTranslateX())));
        content.setTranslateY(Math.max(-limitY, Math.min(limitY, content.getTranslateY())));
    }
}
