// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.outcome;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.printing.PrintingException;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;
import vn.motcua.kiosk.ui.outcome.OutcomeViewModel.Phase;

/**
 * "Biên nhận": left, what became of the dossier (code or local reference), print progress and the
 * buttons; right, the receipt as it will print — or, when asked or when the printer fails, the
 * tracking QR large enough to photograph.
 */
public final class OutcomeView extends HBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy");

    public OutcomeView(OutcomeViewModel vm, I18n i18n, Runnable onEnd) {
        setId("outcome");
        getStyleClass().add("outcome");
        Receipt r = vm.receipt();

        Label title = label("outcome-title", i18n.text(r.queued() ? "outcome.queued.title" : "outcome.filed.title"));
        title.getStyleClass().addAll("screen-title", r.queued() ? "outcome-queued" : "outcome-filed");
        Label codeCaption = label("outcome-code-caption",
                i18n.text(r.queued() ? "outcome.queued.code" : "outcome.filed.code"));
        Label code = new Label(r.trackingCode());
        code.setId("outcome-code");
        code.getStyleClass().add("outcome-code");
        code.setWrapText(true);
        code.setMinHeight(USE_PREF_SIZE);
        VBox facts = new VBox(title, codeCaption, code);
        facts.getStyleClass().add("outcome-facts");
        if (r.queued()) {
            facts.getChildren().add(label("outcome-queued-note", i18n.text("outcome.queued.note")));
        }
        if (r.dueAt() != null) {
            facts.getChildren().add(label("outcome-due", i18n.text("outcome.due", when(r.dueAt()))));
        }

        Label status = new Label();
        status.setId("outcome-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.messages().get(phaseKey(vm.phaseProperty().get())), vm.phaseProperty(), i18n.messagesProperty()));
        status.getStyleClass().add("outcome-status");
        status.setMinHeight(USE_PREF_SIZE);
        show(status, vm.phaseProperty().isNotEqualTo(Phase.TROUBLE)); // the trouble box below says it all
        vm.phaseProperty().addListener((obs, was, is) -> mark(status, is));
        mark(status, vm.phaseProperty().get());
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("outcome-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        BooleanBinding busy = vm.phaseProperty().isEqualTo(Phase.SENDING).or(vm.phaseProperty().isEqualTo(Phase.WAITING))
                .or(vm.phaseProperty().isEqualTo(Phase.PREPARING));
        show(progress, busy);

        Label trouble = new Label();
        trouble.setId("outcome-trouble");
        trouble.setWrapText(true);
        trouble.getStyleClass().addAll("error-text", "outcome-trouble");
        trouble.setMinHeight(USE_PREF_SIZE);
        // Words in the citizen's language, with the printer's own reason; staff got the same news.
        trouble.textProperty().bind(Bindings.createStringBinding(() -> {
            PrintingException p = vm.troubleProperty().get();
            return p == null ? "" : p.describe(i18n.messages()) + "\n" + i18n.messages().get("outcome.staffTold");
        }, vm.troubleProperty(), i18n.messagesProperty()));
        show(trouble, vm.troubleProperty().isNotNull());

        Button print = button(i18n, "outcome.print", "outcome-print", vm::print);
        print.getStyleClass().add("primary");
        print.disableProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.READY));
        show(print, vm.phaseProperty().isNotEqualTo(Phase.TROUBLE).and(vm.phaseProperty().isNotEqualTo(Phase.DONE))
                .and(vm.phaseProperty().isNotEqualTo(Phase.BROKEN)));
        Button retry = button(i18n, "outcome.retry", "outcome-retry", vm::print);
        retry.getStyleClass().add("primary");
        show(retry, vm.phaseProperty().isEqualTo(Phase.TROUBLE));
        Button qr = button(i18n, "outcome.showQr", "outcome-show-qr", vm::showQr);
        show(qr, vm.qrShownProperty().not());
        Button back = button(i18n, "outcome.showReceipt", "outcome-show-receipt", vm::showReceipt);
        show(back, vm.qrShownProperty().and(vm.previewProperty().isNotNull()));
        Button end = button(i18n, "outcome.end", "outcome-end", onEnd);
        end.getStyleClass().add("outcome-end");

        VBox content = new VBox(facts, status, progress, trouble, print, retry, qr, back);
        content.getStyleClass().add("outcome-content");
        // Large text on a small screen: scroll rather than cut a sentence short with "…"; the way
        // out stays below, always in reach.
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("plain-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox left = new VBox(scroll, end);
        left.getStyleClass().addAll("card", "outcome-left");
        left.setMinWidth(USE_PREF_SIZE);

        StackPane right = new StackPane(preview(vm, i18n), qrPane(vm, i18n));
        right.getStyleClass().add("outcome-right");
        right.setMinSize(0, 0);
        right.setPrefSize(0, 0);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);
    }

    private static StackPane preview(OutcomeViewModel vm, I18n i18n) {
        ImageView page = new ImageView();
        page.setId("outcome-preview");
        page.imageProperty().bind(vm.previewProperty());
        page.setPreserveRatio(true);
        page.setSmooth(true);
        page.accessibleTextProperty().bind(i18n.text("outcome.previewCaption"));
        page.getStyleClass().add("receipt-page");
        StackPane pane = new StackPane(page);
        pane.getStyleClass().add("receipt-preview");
        pane.setMinSize(0, 0);
        // Fit the whole page in the pane (the pane's size comes from the screen, never from the image).
        page.fitWidthProperty().bind(pane.widthProperty().subtract(40));
        page.fitHeightProperty().bind(pane.heightProperty().subtract(40));
        show(pane, vm.qrShownProperty().not());
        return pane;
    }

    private static VBox qrPane(OutcomeViewModel vm, I18n i18n) {
        Label title = label("outcome-qr-title", i18n.text("outcome.qr.title"));
        title.getStyleClass().add("section-title");
        ImageView image = new ImageView();
        image.setId("outcome-qr-image");
        image.setPreserveRatio(true);
        image.setSmooth(false); // sharp module edges: a blurred QR scans badly from a photo
        Label code = new Label(vm.receipt().trackingCode());
        code.setId("outcome-qr-code");
        code.getStyleClass().add("outcome-qr-code");
        code.setWrapText(true);
        code.setMinHeight(USE_PREF_SIZE);
        Label body = label("outcome-qr-body", i18n.text("outcome.qr.body"));
        // The QR takes whatever height the words leave, square, never below a phone-readable size.
        StackPane holder = new StackPane(image);
        holder.setMinSize(0, 0);
        holder.setPrefSize(0, 0);
        VBox.setVgrow(holder, Priority.ALWAYS);
        image.fitHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(200, Math.min(holder.getWidth(), holder.getHeight())),
                holder.widthProperty(), holder.heightProperty()));
        VBox pane = new VBox(title, holder, code, body);
        pane.setId("outcome-qr-pane");
        pane.getStyleClass().addAll("card", "outcome-qr");
        pane.setAlignment(Pos.TOP_CENTER);
        pane.setMinSize(0, 0);
        // Made on first show only: most citizens take the paper and never need it.
        vm.qrShownProperty().addListener((obs, was, is) -> {
            if (is && image.getImage() == null) {
                image.setImage(vm.qrImage());
            }
        });
        if (vm.qrShownProperty().get()) {
            image.setImage(vm.qrImage());
        }
        show(pane, vm.qrShownProperty());
        return pane;
    }

    private static String when(LocalDateTime t) {
        return WHEN.format(t);
    }

    private static String phaseKey(Phase p) {
        return switch (p) {
            case PREPARING -> "outcome.preparing";
            case READY -> "outcome.ready";
            case SENDING -> "outcome.sending";
            case WAITING -> "outcome.waiting";
            case DONE -> "outcome.done";
            case TROUBLE -> "outcome.notPrinted";
            case BROKEN -> "outcome.broken";
        };
    }

    private static void mark(Label status, Phase p) {
        status.getStyleClass().removeAll("status-ok", "error-text");
        if (p == Phase.DONE) {
            status.getStyleClass().add("status-ok");
        } else if (p == Phase.TROUBLE || p == Phase.BROKEN) {
            status.getStyleClass().add("error-text");
        }
    }

    private static Label label(String id, StringBinding text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinHeight(USE_PREF_SIZE); // wrap, never "…"
        return l;
    }

    private static Button button(I18n i18n, String key, String id, Runnable action) {
        Button b = Controls.button(i18n, key, id, action);
        b.setWrapText(true);
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    private static void show(javafx.scene.Node n, javafx.beans.value.ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(n.visibleProperty());
    }
}
