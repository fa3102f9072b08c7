package vn.motcua.kiosk.ui.shell;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.ui.I18n;

/**
 * Where the citizen is on the path: done steps, the current one, the ones to come. Where the
 * names do not all fit (a narrow screen, large text, the bar's buttons), the other steps show
 * their numbers only and the current one keeps its name: never nine names cut to "Ngư…".
 */
final class StepBar extends HBox {
    private final ObservableValue<String>[] names;
    private Step current;
    private boolean compact;
    private Object measuredFor;
    private double measured;

    @SuppressWarnings("unchecked")
    StepBar(ShellViewModel vm) {
        I18n i18n = vm.i18n();
        getStyleClass().add("step-bar");
        names = new ObservableValue[Step.values().length];
        for (Step s : Step.values()) {
            Label label = new Label();
            names[s.ordinal()] = i18n.text("step." + s.name()).map(name -> (s.ordinal() + 1) + ". " + name);
            names[s.ordinal()].addListener((obs, was, is) -> relabel());
            label.getStyleClass().add("step");
            label.setMinWidth(0);
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, Priority.ALWAYS);
            getChildren().add(label);
        }
        vm.stepProperty().addListener((obs, was, is) -> mark(is));
        mark(vm.stepProperty().get());
    }

    private void mark(Step now) {
        current = now;
        for (Step s : Step.values()) {
            var styles = getChildren().get(s.ordinal()).getStyleClass();
            styles.removeAll("done", "current");
            if (s.ordinal() < now.ordinal()) {
                styles.add("done");
            } else if (s == now) {
                styles.add("current");
            }
        }
        relabel();
    }

    private void relabel() {
        for (Step s : Step.values()) {
            Label label = (Label) getChildren().get(s.ordinal());
            boolean number = compact && s != current;
            label.setText(number ? String.valueOf(s.ordinal() + 1) : names[s.ordinal()].getValue());
            // Numbers sit closer together; the current name never gives way to them (at 1024×768
            // with the bar's four buttons they shrank it to "3. Người n…" and hid the numbers).
            label.getStyleClass().remove("number");
            if (number) {
                label.getStyleClass().add("number");
            }
            label.setMinWidth(compact && s == current ? Region.USE_PREF_SIZE : 0);
        }
    }

    /**
     * The width every name needs in full, with each label's padding and the bar's spacing; measured
     * again only when the words or the font change (language, large text), not at every layout.
     */
    private double fullWidth() {
        Label first = (Label) getChildren().get(0);
        java.util.List<Object> key = new java.util.ArrayList<>();
        key.add(first.getFont());
        key.add(first.getInsets());
        for (ObservableValue<String> name : names) {
            key.add(name.getValue());
        }
        if (!key.equals(measuredFor)) {
            measuredFor = key;
            measured = measure();
        }
        return measured;
    }

    private double measure() {
        double w = getInsets().getLeft() + getInsets().getRight() + snapSpaceX(getSpacing()) * (getChildren().size() - 1);
        for (Step s : Step.values()) {
            Label label = (Label) getChildren().get(s.ordinal());
            Text t = new Text(names[s.ordinal()].getValue());
            t.setFont(label.getFont());
            w += Math.ceil(t.getLayoutBounds().getWidth()) + label.getInsets().getLeft() + label.getInsets().getRight() + 2;
        }
        return w;
    }

    @Override
    protected void layoutChildren() {
        boolean tooNarrow = getWidth() < fullWidth();
        if (tooNarrow != compact) {
            compact = tooNarrow;
            relabel();
        }
        super.layoutChildren();
    }
}
