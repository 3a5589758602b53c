package io.socketscope.layout;

/** A rectangle in graph coordinates (y grows downwards). */
public record Box(double x, double y, double width, double height) {

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double centerY() {
        return y + height / 2;
    }

    /** Whether the two share any area (touching edges do not count). */
    public boolean overlaps(Box o) {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }

    /** Whether {@code o} lies wholly inside this box. */
    public boolean contains(Box o) {
        return o.x >= x - 1e-9 && o.y >= y - 1e-9 && o.right() <= right() + 1e-9 && o.bottom() <= bottom() + 1e-9;
    }

    public Box movedTo(double newX, double newY) {
        return new Box(newX, newY, width, height);
    }
}
