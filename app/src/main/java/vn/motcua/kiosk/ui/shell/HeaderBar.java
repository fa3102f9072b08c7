package vn.motcua.kiosk.ui.shell;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * The header's two parts: the kiosk's and agency's names on the left, the switches on the right, on
 * one row when both fit in full; otherwise (a portrait screen, large text on a narrow one) the
 * switches go below, wrapping again where even a row of their own is too narrow (large text on a
 * small screen), so the kiosk's name is never cut to "Một C…" and no switch leaves the screen. The
 * switches keep their full words in either layout.
 */
final class HeaderBar extends Region {
    private final Region names;
    private final FlowPane switches;

    HeaderBar(Region names, FlowPane switches) {
        this.names = names;
        this.switches = switches;
        getChildren().addAll(names, switches);
    }

    /**
     * Whether the kiosk's name in full (the names' minimum: the agency's name may shorten) and the
     * switches fit side by side in this width (insets excluded).
     */
    private boolean oneRow(double inner) {
        return names.minWidth(-1) + gap() + row() <= inner;
    }

    /** The switches' width on one line (a FlowPane's own preferred width is its wrap length). */
    private double row() {
        // Only what takes room: the volunteer's badge and the staff button take turns (one is unmanaged).
        var shown = switches.getChildren().stream().filter(javafx.scene.Node::isManaged).toList();
        double w = horizontal(switches.getInsets()) + switches.snapSpaceX(switches.getHgap()) * (shown.size() - 1);
        for (var child : shown) {
            w += switches.snapSizeX(child.prefWidth(-1)); // rounded up as the FlowPane will, or it wraps
        }
        return Math.ceil(w);
    }

    private double gap() {
        return switches.getHgap();
    }

    private static double horizontal(Insets in) {
        return in.getLeft() + in.getRight();
    }

    /** Its height depends on its width (one row or more): parents must ask with the width. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return horizontal(getInsets()) + names.prefWidth(-1) + gap() + row();
    }

    @Override
    protected double computeMinWidth(double height) {
        return horizontal(getInsets()) + Math.max(names.minWidth(-1), switches.minWidth(-1));
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? -1 : width - horizontal(in);
        double namesH = names.prefHeight(-1);
        if (inner < 0 || oneRow(inner)) {
            return in.getTop() + in.getBottom() + Math.max(namesH, switches.prefHeight(row()));
        }
        return in.getTop() + in.getBottom() + namesH + switches.getVgap() + switches.prefHeight(inner);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = getWidth() - horizontal(in);
        double h = getHeight() - in.getTop() - in.getBottom();
        if (oneRow(w)) {
            double switchesW = row();
            layoutInArea(names, x, y, w - switchesW - gap(), h, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(switches, x + w - switchesW, y, switchesW, h, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            double namesH = names.prefHeight(-1);
            double below = namesH + switches.getVgap();
            layoutInArea(names, x, y, w, namesH, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(switches, x, y + below, w, h - below, 0, HPos.RIGHT, VPos.CENTER);
        }
    }
}
