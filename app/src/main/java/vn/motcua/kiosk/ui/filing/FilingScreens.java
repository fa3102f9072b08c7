// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.filing;

import java.util.List;
import javafx.scene.Node;
import vn.motcua.kiosk.filing.Filing;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.fee.FeeView;
import vn.motcua.kiosk.ui.fee.FeeViewModel;
import vn.motcua.kiosk.ui.outcome.OutcomeScreen;
import vn.motcua.kiosk.ui.papers.PapersView;
import vn.motcua.kiosk.ui.papers.PapersViewModel;

/**
 * The end of the citizen's path — papers, submit, fee, receipt (design steps 6, 9, 8, 10; the fee
 * follows the submission because the portal's payment intent needs a filed dossier) — and what
 * carries from one screen to the next: the filed dossier, where it is, how the fee was settled.
 * {@link #reset()} at the session's end drops all of it.
 */
public final class FilingScreens {
    private final PapersViewModel papers;
    private final SubmitViewModel submit;
    private final FeeViewModel fee;
    private final OutcomeScreen outcome;
    private final Filing filing;
    private final java.util.function.Consumer<Receipt> shown;
    private Receipt.FeeStatus feeStatus = Receipt.FeeStatus.DUE_AT_COUNTER;

    /** @param shown hears each receipt put on screen (kept for staff reprints) */
    public FilingScreens(PapersViewModel papers, SubmitViewModel submit, FeeViewModel fee, OutcomeScreen outcome,
            Filing filing, java.util.function.Consumer<Receipt> shown) {
        this.shown = shown;
        this.papers = papers;
        this.submit = submit;
        this.fee = fee;
        this.outcome = outcome;
        this.filing = filing;
    }

    public PapersViewModel papersViewModel() {
        return papers;
    }

    public SubmitViewModel submitViewModel() {
        return submit;
    }

    public Node papers(I18n i18n, Runnable onDone) {
        papers.open();
        return PapersView.create(papers, i18n, onDone);
    }

    /**
     * @param toFee     when the portal has the dossier and it has a fee
     * @param toReceipt otherwise (no fee, or still waiting to be sent: pay at the counter later)
     */
    public Node submit(I18n i18n, List<String> facts, Runnable toFee, Runnable toReceipt) {
        return SubmitView.create(submit, i18n, facts, () -> {
            if (submit.progress() instanceof Filing.Progress.Sent sent && sent.feeVnd() > 0) {
                toFee.run();
            } else {
                feeStatus = Receipt.FeeStatus.DUE_AT_COUNTER;
                toReceipt.run();
            }
        });
    }

    /** The fee screen for the filed dossier; null when the portal has no dossier to pay for. */
    public Node fee(I18n i18n, Runnable onDone) {
        if (!(submit.progress() instanceof Filing.Progress.Sent sent)) {
            return null;
        }
        fee.open(sent.dossierId());
        return FeeView.create(fee, i18n, () -> {
            feeStatus = switch (fee.phaseProperty().get()) {
                case PAID -> Receipt.FeeStatus.PAID_ONLINE;
                case NO_FEE -> Receipt.FeeStatus.NONE;
                default -> Receipt.FeeStatus.DUE_AT_COUNTER;
            };
            onDone.run();
        });
    }

    /** The receipt of the filed dossier, with its code if the portal has given one by now; null before filing. */
    public Node receipt(I18n i18n, Runnable onEnd) {
        Filing.Filed filed = submit.filed();
        if (filed == null) {
            return null;
        }
        Receipt receipt = filing.receipt(filed, filing.progress(filed.localReference()), feeStatus);
        shown.accept(receipt);
        return outcome.open(receipt, i18n, onEnd);
    }

    /** The session ended: forget the dossier, stop polling, drop the receipt's PDF. */
    public void reset() {
        fee.stop();
        submit.reset();
        outcome.close();
        papers.reset();
        feeStatus = Receipt.FeeStatus.DUE_AT_COUNTER;
    }
}
