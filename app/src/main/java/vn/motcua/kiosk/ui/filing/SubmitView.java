// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.filing;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;
import vn.motcua.kiosk.ui.filing.SubmitViewModel.Phase;

/** Design step 9: what is being filed, "Nộp hồ sơ", then the code or "đang chờ gửi". */
public final class SubmitView {
    private SubmitView() {}

    /** @param facts the dossier in a few lines (procedure, applicant, papers, fee), already in the screen's language */
    public static Node create(SubmitViewModel vm, I18n i18n, List<String> facts, Runnable onDone) {
        Label title = Controls.label(i18n, "submit.title", "screen-title");
        VBox lines = new VBox();
        lines.getStyleClass().add("submit-facts");
        for (String f : facts) {
            Label l = new Label(f);
            l.setWrapText(true);
            lines.getChildren().add(l);
        }
        Label state = new Label();
        state.setId("submit-state");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.createStringBinding(() -> {
            var m = i18n.messages();
            return switch (vm.phaseProperty().get()) {
                case READY -> "";
                case SENDING -> m.get("submit.sending");
                case SENT -> m.get("submit.sent", vm.codeProperty().get());
                case QUEUED -> m.get("submit.queued", vm.codeProperty().get());
                case REFUSED -> m.get("submit.refused", vm.reasonProperty().get(), vm.codeProperty().get());
                case NOT_READY -> m.get("submit.notReady");
                case FAILED -> m.get("submit.failed");
            };
        }, vm.phaseProperty(), vm.codeProperty(), vm.reasonProperty(), i18n.messagesProperty()));
        state.visibleProperty().bind(state.textProperty().isNotEmpty());
        state.managedProperty().bind(state.visibleProperty());
        ProgressIndicator waiting = new ProgressIndicator();
        waiting.visibleProperty().bind(vm.phaseProperty().isEqualTo(Phase.SENDING));
        waiting.managedProperty().bind(waiting.visibleProperty());

        Button go = Controls.button(i18n, "submit.go", "submit-go", vm::submit);
        go.getStyleClass().add("primary");
        go.visibleProperty().bind(vm.phaseProperty().isEqualTo(Phase.READY).or(vm.phaseProperty().isEqualTo(Phase.NOT_READY))
                .or(vm.phaseProperty().isEqualTo(Phase.FAILED)));
        Button next = Controls.button(i18n, "submit.next", "submit-next", onDone);
        next.getStyleClass().add("primary");
        next.visibleProperty().bind(vm.phaseProperty().isEqualTo(Phase.SENT).or(vm.phaseProperty().isEqualTo(Phase.QUEUED))
                .or(vm.phaseProperty().isEqualTo(Phase.REFUSED)));
        for (Button b : List.of(go, next)) {
            b.managedProperty().bind(b.visibleProperty());
        }
        HBox buttons = new HBox(go, next);
        buttons.getStyleClass().add("button-row");
        VBox screen = new VBox(title, lines, state, waiting, buttons);
        screen.setId("submit");
        screen.getStyleClass().add("submit");
        return screen;
    }
}
