// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.outcome;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.printing.PaperSize;
import vn.motcua.kiosk.printing.Printer;
import vn.motcua.kiosk.printing.PrinterTrouble;
import vn.motcua.kiosk.printing.PrintingException;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.receipt.ReceiptLayout;
import vn.motcua.kiosk.receipt.ReceiptRenderer;

/**
 * Design step 10: the receipt of one dossier — its PDF and preview, printing it with progress,
 * and the way out when the printer fails (retry, or the tracking QR on screen to photograph).
 * Rendering and printing run on the background executor; every property changes on the FX thread.
 * Nothing here logs the receipt: log lines carry only the printer's name and its own words.
 */
public final class OutcomeViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeViewModel.class);
    /** Preview resolution: sharp enough on a 1080p screen, small enough to render in ~100 ms. */
    private static final float PREVIEW_DPI = 110;

    public enum Phase {
        /** The PDF and its preview are being made. */
        PREPARING,
        /** Ready to print. */
        READY,
        /** Handing the job to the print system. */
        SENDING,
        /** The print system has it; waiting for the paper to come out. */
        WAITING,
        /** The receipt came out. */
        DONE,
        /** Printing failed; {@link #troubleProperty()} says why. */
        TROUBLE,
        /** The receipt PDF could not be made (a bug): only the QR is left. */
        BROKEN
    }

    private final Receipt receipt;
    private final ReceiptRenderer renderer;
    private final ReceiptLayout layout;
    private final Executor background;
    private final PrinterTrouble staff;
    private final Duration printLimit;
    private final ObjectProperty<Printer> printer = new SimpleObjectProperty<>();
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.PREPARING);
    private final ObjectProperty<PrintingException> trouble = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> preview = new SimpleObjectProperty<>();
    private final BooleanProperty qrShown = new SimpleBooleanProperty();
    private Image qr;
    private byte[] pdf;

    /**
     * @param staff      told of every printing failure (and when a later print works), on the FX thread
     * @param printLimit how long a job may take to come out before it counts as stuck
     */
    public OutcomeViewModel(Receipt receipt, ReceiptRenderer renderer, ReceiptLayout layout, Printer printer,
            Executor background, PrinterTrouble staff, Duration printLimit) {
        this.receipt = Objects.requireNonNull(receipt, "receipt");
        this.renderer = renderer;
        this.layout = layout;
        this.printer.set(printer);
        this.background = background;
        this.staff = staff == null ? PrinterTrouble.NONE : staff;
        this.printLimit = printLimit;
    }

    public Receipt receipt() {
        return receipt;
    }

    /** The printer the next print goes to (staff may switch it; tests switch to a working queue). */
    public ObjectProperty<Printer> printerProperty() {
        return printer;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    /** The last printing failure, cleared when a print starts. */
    public ReadOnlyObjectProperty<PrintingException> troubleProperty() {
        return trouble;
    }

    /** The receipt's first page as an image, once rendered. */
    public ReadOnlyObjectProperty<Image> previewProperty() {
        return preview;
    }

    /** Whether the tracking QR is shown large instead of the preview. */
    public BooleanProperty qrShownProperty() {
        return qrShown;
    }

    /** The paper the layout prints on: given with every job, as the queue's default is often A4 or Letter. */
    public static PaperSize paperFor(ReceiptLayout layout) {
        return layout == ReceiptLayout.A5 ? PaperSize.A5 : PaperSize.ROLL_80MM;
    }

    /** Makes the PDF and its preview off the FX thread. Call once, when the screen opens. */
    public void load() {
        phase.set(Phase.PREPARING);
        Task<Rendered> task = new Task<>() {
            @Override
            protected Rendered call() throws IOException {
                byte[] bytes = renderer.render(receipt, layout);
                try (PDDocument doc = Loader.loadPDF(bytes)) {
                    BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, PREVIEW_DPI, ImageType.RGB);
                    return new Rendered(bytes, vn.motcua.kiosk.ui.common.FxImages.of(page));
                }
            }
        };
        task.setOnSucceeded(e -> {
            if (phase.get() != Phase.PREPARING) {
                return; // cleared meanwhile: the session ended
            }
            pdf = task.getValue().pdf();
            preview.set(task.getValue().image());
            phase.set(Phase.READY);
        });
        task.setOnFailed(e -> {
            // The type only: a renderer's message may quote the text it choked on (a name, an address).
            LOG.error("receipt PDF could not be made: {}", task.getException().getClass().getName());
            phase.set(Phase.BROKEN);
            qrShown.set(true);
        });
        background.execute(task);
    }

    /** "In biên nhận" and "Thử lại": sends the receipt, then waits for the paper to come out. */
    public void print() {
        Phase now = phase.get();
        if (pdf == null || !(now == Phase.READY || now == Phase.TROUBLE)) {
            return;
        }
        Printer target = printer.get();
        byte[] document = pdf;
        PaperSize paper = paperFor(layout);
        boolean recovering = now == Phase.TROUBLE;
        trouble.set(null);
        qrShown.set(false);
        phase.set(Phase.SENDING);
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws PrintingException {
                Printer.PrintJob job = target.print(document, paper);
                // Queued behind SENDING on the FX thread, so the phases never run backwards.
                Platform.runLater(() -> {
                    if (phase.get() == Phase.SENDING) {
                        phase.set(Phase.WAITING);
                    }
                });
                target.awaitDone(job, printLimit);
                return job.printer();
            }
        };
        task.setOnSucceeded(e -> {
            phase.set(Phase.DONE);
            if (recovering) {
                staff.cleared(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            PrintingException problem = error instanceof PrintingException p ? p
                    : new PrintingException("printing.failed", "?", error.getClass().getSimpleName(), error);
            // The exception's message names the printer and what the print system said; nothing personal.
            LOG.warn("receipt not printed: {}", problem.getMessage());
            trouble.set(problem);
            phase.set(Phase.TROUBLE);
            staff.noticed(problem);
        });
        background.execute(task);
    }

    public void showQr() {
        qrShown.set(true);
    }

    public void showReceipt() {
        if (preview.get() != null) {
            qrShown.set(false);
        }
    }

    /**
     * The tracking QR (link, else code) with its quiet zone, one pixel per module times {@code scale}:
     * the view shows it unsmoothed so that a phone reads it from across the screen.
     */
    public Image qrImage() {
        if (qr == null) {
            qr = vn.motcua.kiosk.ui.common.QrImages.of(receipt.qrContent(), 8);
        }
        return qr;
    }

    /** Forgets the PDF and images (they hold personal data) when the session ends. */
    public void clear() {
        pdf = null;
        qr = null;
        preview.set(null);
        trouble.set(null);
        qrShown.set(false);
        phase.set(Phase.PREPARING);
    }

    private record Rendered(byte[] pdf, Image image) {}
}
