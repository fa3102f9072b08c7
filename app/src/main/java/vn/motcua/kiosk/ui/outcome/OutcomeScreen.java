// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.outcome;

import java.time.Duration;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import vn.motcua.kiosk.printing.Printer;
import vn.motcua.kiosk.printing.PrinterTrouble;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.receipt.ReceiptLayout;
import vn.motcua.kiosk.receipt.ReceiptRenderer;
import vn.motcua.kiosk.ui.I18n;

/**
 * Opens the receipt screen (Step.RECEIPT) for one dossier. Made once with the kiosk's devices;
 * {@link #open} per citizen, {@link #close} when the session ends so that the receipt's PDF and
 * images (personal data) are dropped.
 *
 * <p>The {@link Receipt} to pass: {@code dossierCode} (portal's code) <em>or</em> {@code
 * localReference} (outbox reference while queued: then the screen and paper say "đang chờ gửi"),
 * {@code issuingAgency}, {@code receivingUnit}, {@code receiptNumber}, the applicant, the procedure's
 * name, the documents with counts, {@code handlingDays}, the fee, {@code receivedAt}, {@code dueAt}
 * (null while queued), the delivery channel, {@code trackingUrl} (what the QR carries; null puts
 * the code itself), {@code receivingOfficer} (the kiosk id) and {@code training}.
 */
public final class OutcomeScreen {
    private final ReceiptRenderer renderer;
    private final ReceiptLayout layout;
    private final Printer printer;
    private final Executor background;
    private final PrinterTrouble staff;
    private final Duration printLimit;
    private OutcomeViewModel current;

    /**
     * @param layout     the configured paper: A5 for office printers, ROLL_80MM for receipt printers
     * @param staff      hears of printer trouble (the staff screens); {@link PrinterTrouble#NONE} if none
     * @param printLimit how long a job may take to come out before it counts as stuck (60 s is plenty)
     */
    public OutcomeScreen(ReceiptRenderer renderer, ReceiptLayout layout, Printer printer, Executor background,
            PrinterTrouble staff, Duration printLimit) {
        this.renderer = renderer;
        this.layout = layout;
        this.printer = printer;
        this.background = background;
        this.staff = staff;
        this.printLimit = printLimit;
    }

    /** The screen for this receipt; the PDF and preview are made in the background at once. */
    public Node open(Receipt receipt, I18n i18n, Runnable onEnd) {
        close();
        current = new OutcomeViewModel(receipt, renderer, layout, printer, background, staff, printLimit);
        current.load();
        return new OutcomeView(current, i18n, onEnd);
    }

    /** The open screen's view model, or null. */
    public OutcomeViewModel viewModel() {
        return current;
    }

    public void close() {
        if (current != null) {
            current.clear();
            current = null;
        }
    }
}
