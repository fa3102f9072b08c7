package vn.motcua.kiosk.ui.form;

import java.util.ArrayList;
import java.util.List;

/**
 * Where to scroll so a field is in sight with as many of its neighbours as fit: plain sums over
 * the boxes' tops and bottoms (in the content's coordinates), apart from JavaFX so they are easy
 * to follow.
 */
final class ScrollPlace {
    /** A little air between a box and the viewport's edge. */
    static final double AIR = 4;

    private ScrollPlace() {}

    /**
     * The scroll offset (the content's y at the viewport's top) that shows the field {@code
     * [top, bottom]} whole and the most other boxes whole; among equals, the one nearest the field
     * a third of the way down the viewport.
     */
    static double best(double top, double bottom, List<double[]> others, double viewport, double contentHeight) {
        double max = Math.max(0, contentHeight - viewport);
        double room = Math.max(0, viewport - (bottom - top));
        double preferred = clamp(top - room / 3, max);
        List<Double> candidates = new ArrayList<>(List.of(preferred, clamp(top - AIR, max),
                clamp(bottom + AIR - viewport, max)));
        for (double[] o : others) {
            candidates.add(clamp(o[0] - AIR, max));
            candidates.add(clamp(o[1] + AIR - viewport, max));
        }
        double best = preferred;
        int bestCount = -1;
        for (double at : candidates) {
            if (top < at - 0.5 || bottom > at + viewport + 0.5) {
                continue; // the field itself would not be whole
            }
            int count = 0;
            for (double[] o : others) {
                if (o[0] >= at - 0.5 && o[1] <= at + viewport + 0.5) {
                    count++;
                }
            }
            if (count > bestCount || count == bestCount && Math.abs(at - preferred) < Math.abs(best - preferred)) {
                best = at;
                bestCount = count;
            }
        }
        return best;
    }

    private static double clamp(double at, double max) {
        return Math.max(0, Math.min(max, at));
    }
}
