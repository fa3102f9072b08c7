// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.common;

import javafx.beans.InvalidationListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;

/**
 * Keeps the focused text input of a scroll pane in its viewport, when it gets the focus and when
 * the viewport shrinks (the on-screen keyboard opening). For screens with one or two inputs; the
 * form has its own placing, which also shows the neighbours ({@code ui.form.ScrollPlace}).
 */
public final class KeepInSight {
    private KeepInSight() {}

    public static void focused(ScrollPane scroll) {
        InvalidationListener place = o -> {
            Scene scene = scroll.getScene();
            Node focus = scene == null ? null : scene.getFocusOwner();
            if (focus instanceof TextInputControl && isInside(focus, scroll.getContent())) {
                javafx.application.Platform.runLater(() -> show(scroll, focus)); // after the layout pass
            }
        };
        scroll.viewportBoundsProperty().addListener(place);
        scroll.sceneProperty().addListener((obs, was, is) -> {
            if (is != null) {
                is.focusOwnerProperty().addListener(place);
            }
        });
    }

    private static boolean isInside(Node n, Node content) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == content) {
                return true;
            }
        }
        return false;
    }

    /** Scrolls the least that shows the node's box (its label row above it as well, when it fits). */
    static void show(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        Bounds box = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double view = scroll.getViewportBounds().getHeight();
        double total = content.getLayoutBounds().getHeight();
        if (total <= view || box == null) {
            return;
        }
        double top = scroll.getVvalue() * (total - view);
        double margin = 12;
        double newTop = top;
        if (box.getMinY() - margin < top) {
            newTop = box.getMinY() - margin;
        } else if (box.getMaxY() + margin > top + view) {
            newTop = box.getMaxY() + margin - view;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, newTop / (total - view))));
    }
}
