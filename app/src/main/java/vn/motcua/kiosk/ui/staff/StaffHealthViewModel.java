// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import vn.motcua.kiosk.health.DeviceHealth;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.printing.PrintingException;
import vn.motcua.kiosk.scanning.ScanningException;

/**
 * "Tình trạng thiết bị": the last check of the counter's devices (read again each time the staff
 * menu opens, so its banner shows a problem until it is fixed), a test print and a test scan.
 * Every check and test runs off the UI thread.
 */
public final class StaffHealthViewModel {
    private final DeviceHealth health;
    private final Supplier<Messages> messages;
    private final Executor background;
    private final ObjectProperty<DeviceHealth.Report> report = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<StaffViewModel.Feedback> feedback = new SimpleObjectProperty<>();

    /** @param messages the screen's words now (details are worded when checked) */
    public StaffHealthViewModel(DeviceHealth health, Supplier<Messages> messages, Executor background) {
        this.health = health;
        this.messages = messages;
        this.background = background;
    }

    /** The last check; null before the first. */
    public ReadOnlyObjectProperty<DeviceHealth.Report> reportProperty() {
        return report;
    }

    /** A check or a test is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** How the last test went; null when none since the screen opened. */
    public ReadOnlyObjectProperty<StaffViewModel.Feedback> feedbackProperty() {
        return feedback;
    }

    /** Opening the screen: the feedback of an earlier visit goes, the devices are checked again. */
    public void open() {
        feedback.set(null);
        check();
    }

    /** "Kiểm tra lại" (and each time the staff menu opens). */
    public void check() {
        Messages m = messages.get();
        run(() -> null, m); // the last report stays on screen while the devices are asked again
    }

    /** "In trang thử": once it is out, the printer's trouble is over and the check says so. */
    public void testPrint() {
        Messages m = messages.get();
        run(() -> {
            try {
                health.printTestPage(m);
                return new StaffViewModel.Feedback("staff.health.printed", null);
            } catch (PrintingException e) {
                return new StaffViewModel.Feedback("staff.health.failed", e.describe(m));
            }
        }, m);
    }

    /** "Quét thử": one page from the scanner. */
    public void testScan() {
        Messages m = messages.get();
        run(() -> {
            try {
                return new StaffViewModel.Feedback("staff.health.scanned", health.testScan());
            } catch (ScanningException e) {
                return new StaffViewModel.Feedback("staff.health.failed", e.describe(m));
            }
        }, m);
    }

    /** {@code work}, then a fresh check, off the UI thread. */
    private void run(Supplier<StaffViewModel.Feedback> work, Messages m) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        Task<Object[]> task = new Task<>() {
            @Override
            protected Object[] call() {
                StaffViewModel.Feedback done = work.get();
                return new Object[] {done, health.check(m)};
            }
        };
        task.setOnSucceeded(e -> {
            busy.set(false);
            if (task.getValue()[0] != null) {
                feedback.set((StaffViewModel.Feedback) task.getValue()[0]);
            }
            report.set((DeviceHealth.Report) task.getValue()[1]);
        });
        task.setOnFailed(e -> {
            busy.set(false);
            feedback.set(new StaffViewModel.Feedback("staff.health.failed", String.valueOf(task.getException())));
        });
        background.execute(task);
    }
}
