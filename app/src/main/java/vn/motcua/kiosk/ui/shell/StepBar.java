package vn.motcua.kiosk.ui.shell;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.ui.I18n;

/** Where the citizen is on the path: done steps, the current one, the ones to come. */
final class StepBar extends HBox {

    StepBar(ShellViewModel vm) {
        I18n i18n = vm.i18n();
        getStyleClass().add("step-bar");
        for (Step s : Step.values()) {
            Label label = new Label();
            label.textProperty().bind(i18n.text("step." + s.name()).map(name -> (s.ordinal() + 1) + ". " + name));
            label.getStyleClass().add("step");
            label.setMinWidth(0);
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, Priority.ALWAYS);
            getChildren().add(label);
        }
        vm.stepProperty().addListener((obs, was, is) -> mark(is));
        mark(vm.stepProperty().get());
    }

    private void mark(Step current) {
        for (Step s : Step.values()) {
            var styles = getChildren().get(s.ordinal()).getStyleClass();
            styles.removeAll("done", "current");
            if (s.ordinal() < current.ordinal()) {
                styles.add("done");
            } else if (s == current) {
                styles.add("current");
            }
        }
    }
}
