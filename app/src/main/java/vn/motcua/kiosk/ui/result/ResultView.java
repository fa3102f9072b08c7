// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.result;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;
import vn.motcua.kiosk.ui.track.ProofFields;

/** "Nhận kết quả": code and four phone digits, then "In kết quả" once the portal has the e-result. */
public final class ResultView {
    private static final java.time.format.DateTimeFormatter SIGNED_AT = java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private ResultView() {}

    public static Node create(ResultViewModel vm, I18n i18n, Runnable home) {
        Button fetch = Controls.button(i18n, "result.fetch", "result-fetch", vm::fetch);
        fetch.getStyleClass().add("primary");
        fetch.disableProperty().bind(vm.phaseProperty().isEqualTo(ResultViewModel.Phase.FETCHING)
                .or(vm.phaseProperty().isEqualTo(ResultViewModel.Phase.PRINTING)));
        Button print = Controls.button(i18n, "result.print", "result-print", vm::print);
        print.getStyleClass().add("primary");
        print.visibleProperty().bind(vm.phaseProperty().isEqualTo(ResultViewModel.Phase.READY));
        print.managedProperty().bind(print.visibleProperty());
        Button back = Controls.button(i18n, "track.home", "result-home", home);
        HBox buttons = new HBox(fetch, print, back);
        buttons.getStyleClass().add("button-row");
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label feedback = new Label();
        feedback.setId("result-feedback");
        feedback.setWrapText(true);
        feedback.getStyleClass().add("result-feedback");
        feedback.textProperty().bind(Bindings.createStringBinding(() -> {
            ResultViewModel.Feedback f = vm.feedbackProperty().get();
            return f == null ? "" : i18n.messages().get(f.key(), f.arg());
        }, vm.feedbackProperty(), i18n.messagesProperty()));

        Label signer = new Label();
        signer.setId("result-signer");
        signer.setWrapText(true);
        signer.getStyleClass().add("result-signer");
        signer.textProperty().bind(Bindings.createStringBinding(() -> {
            ResultViewModel.Signed s = vm.signedProperty().get();
            return s == null ? "" : i18n.messages().get("result.signer", s.signerName(),
                    s.at() == null ? "—" : SIGNED_AT.format(s.at().atZone(VIETNAM)));
        }, vm.signedProperty(), i18n.messagesProperty()));
        signer.visibleProperty().bind(vm.signedProperty().isNotNull());
        signer.managedProperty().bind(signer.visibleProperty());

        VBox box = new VBox(Controls.label(i18n, "result.title", "screen-title"), Controls.label(i18n, "result.body", null));
        box.getChildren().addAll(ProofFields.create(i18n, "result", vm.codeProperty(), vm.last4Property(), vm::fetch));
        box.getChildren().addAll(buttons, feedback, signer);
        box.getStyleClass().add("drafts");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        return scroll;
    }
}
