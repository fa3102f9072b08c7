// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.fee;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;

/** The fee: amount, VietQR to scan with a banking app, green when paid, the counter always offered. */
public final class FeeView {
    private FeeView() {}

    public static Node create(FeeViewModel vm, I18n i18n, Runnable onDone) {
        Label title = Controls.label(i18n, "fee.title", "screen-title");
        Label amount = new Label();
        amount.setId("fee-amount");
        amount.getStyleClass().add("fee-amount");
        amount.textProperty().bind(Bindings.createStringBinding(() -> vnd(vm.amountProperty().get()), vm.amountProperty()));
        Label state = new Label();
        state.setId("fee-state");
        state.setWrapText(true);
        state.getStyleClass().add("fee-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            String key = "fee.state." + vm.phaseProperty().get().name();
            String why = vm.messageKeyProperty().get();
            return i18n.messages().get(key) + (why == null || why.isEmpty() ? "" : "\n" + i18n.messages().get(why));
        }, vm.phaseProperty(), vm.messageKeyProperty(), i18n.messagesProperty()));
        Label how = Controls.label(i18n, "fee.how", null);
        how.setId("fee-how");
        how.visibleProperty().bind(vm.phaseProperty().isEqualTo(FeeViewModel.Phase.PAY));
        how.managedProperty().bind(how.visibleProperty());
        ProgressIndicator waiting = new ProgressIndicator();
        waiting.visibleProperty().bind(vm.phaseProperty().isEqualTo(FeeViewModel.Phase.LOADING)
                .or(vm.phaseProperty().isEqualTo(FeeViewModel.Phase.PAY)));
        waiting.managedProperty().bind(waiting.visibleProperty());

        Button counter = Controls.button(i18n, "fee.counter", "fee-counter", vm::payAtCounter);
        counter.visibleProperty().bind(vm.phaseProperty().isEqualTo(FeeViewModel.Phase.PAY)
                .or(vm.phaseProperty().isEqualTo(FeeViewModel.Phase.UNREACHABLE)));
        Button retry = Controls.button(i18n, "fee.retry", "fee-retry", vm::retry);
        retry.visibleProperty().bind(vm.phaseProperty().isEqualTo(FeeViewModel.Phase.UNREACHABLE));
        Button next = Controls.button(i18n, "fee.next", "fee-next", () -> {
            vm.stop();
            onDone.run();
        });
        next.getStyleClass().add("primary");
        next.visibleProperty().bind(vm.phaseProperty().isEqualTo(FeeViewModel.Phase.PAID)
                .or(vm.phaseProperty().isEqualTo(FeeViewModel.Phase.NO_FEE))
                .or(vm.phaseProperty().isEqualTo(FeeViewModel.Phase.COUNTER)));
        for (Button b : new Button[] {counter, retry, next}) {
            b.managedProperty().bind(b.visibleProperty());
        }
        HBox buttons = new HBox(next, retry, counter);
        buttons.getStyleClass().add("button-row");
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(title, amount, state, how, waiting, buttons);
        left.getStyleClass().add("fee-facts");
        left.setPrefWidth(520);

        ImageView qr = new ImageView();
        qr.setId("fee-qr");
        qr.setPreserveRatio(true);
        qr.setSmooth(false); // sharp module edges for the phone's camera
        qr.setFitHeight(360);
        qr.imageProperty().bind(vm.qrProperty());
        qr.visibleProperty().bind(vm.qrProperty().isNotNull());
        Label scan = Controls.label(i18n, "fee.scan", "section-title");
        scan.visibleProperty().bind(qr.visibleProperty());
        VBox right = new VBox(scan, qr);
        right.getStyleClass().add("fee-qr");
        right.setAlignment(Pos.TOP_CENTER);
        right.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        right.visibleProperty().bind(vm.qrProperty().isNotNull());
        right.managedProperty().bind(right.visibleProperty());

        HBox screen = new HBox(left, right);
        screen.setId("fee-screen");
        screen.getStyleClass().add("fee");
        // Green all over once paid: seen from across the desk by the volunteer too.
        vm.phaseProperty().addListener((obs, was, is) -> screen.pseudoClassStateChanged(PAID, is == FeeViewModel.Phase.PAID));
        screen.pseudoClassStateChanged(PAID, vm.phaseProperty().get() == FeeViewModel.Phase.PAID);
        return screen;
    }

    private static final javafx.css.PseudoClass PAID = javafx.css.PseudoClass.getPseudoClass("paid");

    /** 205000 → "205.000 đ", as on Vietnamese receipts. */
    public static String vnd(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(amount) + " đ";
    }
}
