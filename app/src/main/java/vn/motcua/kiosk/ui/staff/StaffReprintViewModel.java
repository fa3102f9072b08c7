// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.printing.PaperSize;
import vn.motcua.kiosk.printing.Printer;
import vn.motcua.kiosk.printing.PrinterTrouble;
import vn.motcua.kiosk.printing.PrintingException;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.receipt.ReceiptLayout;
import vn.motcua.kiosk.receipt.ReceiptRenderer;
import vn.motcua.kiosk.receipt.Reprints;
import vn.motcua.kiosk.staff.StaffAction;

/** "In lại biên nhận": today's receipts for staff, each printed again on the configured printer. */
public final class StaffReprintViewModel {
    private final Reprints reprints;
    private final Supplier<Printer> printer;
    private final ReceiptRenderer renderer;
    private final ReceiptLayout layout;
    private final PaperSize paper;
    private final Executor staff;
    private final Executor printing;
    private final PrinterTrouble trouble;
    private final Duration printLimit;
    private final ObservableList<Reprints.Entry> items = FXCollections.observableArrayList();
    private final ObjectProperty<java.util.function.Function<Messages, String>> feedback = new SimpleObjectProperty<>();
    /** Told of each staff action on the FX thread, to record it with who did it. */
    private Consumer<StaffAction> audit = action -> {};

    /**
     * @param staff    where today's receipts are read (never behind a print that waits)
     * @param printing where a reprint is printed and its paper awaited
     */
    public StaffReprintViewModel(Reprints reprints, Supplier<Printer> printer, ReceiptRenderer renderer, ReceiptLayout layout,
            PaperSize paper, Executor staff, Executor printing, PrinterTrouble trouble, Duration printLimit) {
        this.reprints = reprints;
        this.printer = printer;
        this.renderer = renderer;
        this.layout = layout;
        this.paper = paper;
        this.staff = staff;
        this.printing = printing;
        this.trouble = trouble;
        this.printLimit = printLimit;
    }

    /** Who records each action staff take here (the staff menu, which knows whose PIN opened it). */
    public void recordActionsWith(Consumer<StaffAction> audit) {
        this.audit = audit;
    }

    public ObservableList<Reprints.Entry> items() {
        return items;
    }

    /** How the last reprint went, in the screen's language; null before any. */
    public ReadOnlyObjectProperty<java.util.function.Function<Messages, String>> feedbackProperty() {
        return feedback;
    }

    /** Reads today's receipts off the UI thread (SQLite; older ones are erased on the way). */
    public void refresh() {
        feedback.set(null);
        Task<List<Reprints.Entry>> task = new Task<>() {
            @Override
            protected List<Reprints.Entry> call() {
                return reprints.today();
            }
        };
        task.setOnSucceeded(e -> items.setAll(task.getValue()));
        staff.execute(task);
    }

    public void reprint(String localReference) {
        feedback.set(m -> m.get("staff.reprint.printing"));
        audit.accept(StaffAction.REPRINT);
        Printer target = printer.get();
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws PrintingException {
                Receipt r = reprints.receipt(localReference).orElseThrow();
                Printer.PrintJob job = target.print(renderer.render(r, layout), paper);
                target.awaitDone(job, printLimit);
                return r.trackingCode();
            }
        };
        task.setOnSucceeded(e -> {
            String code = task.getValue();
            feedback.set(m -> m.get("staff.reprint.done", code));
            trouble.cleared(null);
        });
        task.setOnFailed(e -> {
            if (task.getException() instanceof PrintingException p) {
                feedback.set(p::describe);
                trouble.noticed(p);
            } else {
                feedback.set(m -> m.get("staff.reprint.failed"));
            }
        });
        printing.execute(task);
    }
}
