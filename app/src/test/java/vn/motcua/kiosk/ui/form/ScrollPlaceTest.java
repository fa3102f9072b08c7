package vn.motcua.kiosk.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScrollPlaceTest {
    // Four fields of 100 px, one under the other, in a 1000 px section.
    private static final List<double[]> FIELDS = List.of(new double[] {0, 100}, new double[] {100, 200},
            new double[] {200, 300}, new double[] {300, 400});

    @Test
    void theFieldAndTwoNeighboursWhenTheyFit() {
        double at = ScrollPlace.best(400, 500, FIELDS, 320, 1000);
        assertThat(at).as("fields at 200 and 300 whole above the one at 400").isEqualTo(196);
    }

    @Test
    void aFieldTallerThanTheRoomLeftStaysWholeFirst() {
        double at = ScrollPlace.best(400, 700, FIELDS, 320, 1000);
        assertThat(at).isBetween(380.0, 400.0);
    }

    @Test
    void neverPastTheEnds() {
        assertThat(ScrollPlace.best(0, 100, List.of(new double[] {100, 200}), 320, 1000)).isZero();
        assertThat(ScrollPlace.best(900, 1000, FIELDS, 320, 1000)).isEqualTo(680);
    }
}
