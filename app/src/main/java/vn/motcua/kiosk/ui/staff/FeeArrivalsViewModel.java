// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import vn.motcua.kiosk.payment.FeeArrivals;

/**
 * Confirmed fees for staff, following the core's announcements onto the FX thread: the newest is
 * announced across the top of the screen until staff tap it or {@link #SHOWN} passes; today's
 * list stays in the staff menu.
 */
public final class FeeArrivalsViewModel {
    /** Long enough for staff at the desk to look up, short enough not to linger for the next citizen. */
    public static final Duration SHOWN = Duration.ofMinutes(2);

    private final Clock clock;
    private final ReadOnlyObjectWrapper<List<FeeArrivals.Arrival>> today = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<FeeArrivals.Arrival> announced = new ReadOnlyObjectWrapper<>();

    public FeeArrivalsViewModel(FeeArrivals arrivals, Clock clock) {
        this.clock = clock;
        today.set(arrivals.today());
        arrivals.onArrival(() -> Platform.runLater(() -> {
            today.set(arrivals.today());
            announced.set(today.get().isEmpty() ? null : today.get().get(0));
        }));
    }

    /** The fee being announced, or null. */
    public ReadOnlyObjectProperty<FeeArrivals.Arrival> announcedProperty() {
        return announced.getReadOnlyProperty();
    }

    /** Staff saw it. */
    public void dismiss() {
        announced.set(null);
    }

    /** The shell's one-second timer: the announcement goes after {@link #SHOWN}. */
    public void tick() {
        FeeArrivals.Arrival a = announced.get();
        if (a != null && !clock.instant().isBefore(a.at().plus(SHOWN))) {
            announced.set(null);
        }
    }

    /** Newest first. */
    public ReadOnlyObjectProperty<List<FeeArrivals.Arrival>> todayProperty() {
        return today.getReadOnlyProperty();
    }
}
