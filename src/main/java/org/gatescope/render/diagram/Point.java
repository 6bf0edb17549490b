package org.gatescope.render.diagram;

/** A point of the diagram's drawing, in px; the few vector operations the routing and the painter need. */
public record Point(double getX, double getY) {

    public Point subtract(Point other) {
        return new Point(getX - other.getX, getY - other.getY);
    }

    public Point add(Point other) {
        return new Point(getX + other.getX, getY + other.getY);
    }

    public Point multiply(double factor) {
        return new Point(getX * factor, getY * factor);
    }

    public double magnitude() {
        return Math.hypot(getX, getY);
    }

    public double distance(Point other) {
        return Math.hypot(getX - other.getX, getY - other.getY);
    }

    /** This direction with length 1; (0, 0) stays (0, 0). */
    public Point normalize() {
        double length = magnitude();
        return length == 0 ? this : new Point(getX / length, getY / length);
    }
}
