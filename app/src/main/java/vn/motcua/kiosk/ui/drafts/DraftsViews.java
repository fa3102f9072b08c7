package vn.motcua.kiosk.ui.drafts;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;
import vn.motcua.kiosk.ui.keyboard.FieldKind;

/** The three small screens of parking and resuming a draft. */
public final class DraftsViews {
    private DraftsViews() {}

    /** "Lưu nháp": the birth year that, with the code, unlocks the draft later. */
    public static Node park(DraftsViewModel vm, I18n i18n, Runnable back) {
        TextField year = yearField(vm);
        Button save = Controls.button(i18n, "drafts.park.confirm", "drafts-park-confirm", vm::park);
        save.getStyleClass().add("primary");
        save.disableProperty().bind(vm.busyProperty());
        Button cancel = Controls.button(i18n, "session.back", "drafts-park-back", back);
        return screen(i18n, "drafts.park.title", "drafts.park.body", vm, labelled(i18n, "drafts.birthYear", year),
                row(cancel, save));
    }

    /** After parking: the code to write down. The session is already over; nothing else is shown. */
    public static Node parked(DraftsViewModel vm, I18n i18n, Runnable done) {
        Label code = new Label();
        code.setId("drafts-parked-code");
        code.textProperty().bind(vm.parkedCodeProperty());
        code.getStyleClass().add("resume-code");
        Button ok = Controls.button(i18n, "drafts.parked.done", "drafts-parked-done", done);
        ok.getStyleClass().add("primary");
        return screen(i18n, "drafts.parked.title", "drafts.parked.body", vm, code, row(ok));
    }

    /** "Tiếp tục hồ sơ": code and birth year. */
    public static Node resume(DraftsViewModel vm, I18n i18n) {
        TextField code = new TextField();
        code.setId("drafts-code");
        code.textProperty().bindBidirectional(vm.codeProperty());
        code.getStyleClass().add("code-field");
        // A code is letters and digits as printed: Telex must not turn "DD" into Đ or "AS" into Á.
        FieldKind.set(code, FieldKind.PLAIN);
        code.setPromptText("ABC-DEF");
        TextField year = yearField(vm);
        Button open = Controls.button(i18n, "drafts.resume.confirm", "drafts-resume-confirm", vm::resume);
        open.getStyleClass().add("primary");
        open.disableProperty().bind(vm.busyProperty());
        return screen(i18n, "drafts.resume.title", "drafts.resume.body", vm,
                labelled(i18n, "drafts.code", code), labelled(i18n, "drafts.birthYear", year), row(open));
    }

    /**
     * Taking up a draft an earlier run left cut off: only the birth year (the draft is named on
     * Welcome by its time and procedure). The papers were not kept: the body says they are scanned again.
     */
    public static Node resumeInterrupted(DraftsViewModel vm, I18n i18n, ObservableValue<String> offer) {
        Label what = new Label();
        what.textProperty().bind(offer);
        what.setId("drafts-interrupted-offer");
        what.getStyleClass().add("section-title");
        what.setWrapText(true);
        TextField year = yearField(vm);
        Button open = Controls.button(i18n, "drafts.interrupted.confirm", "drafts-interrupted-confirm", vm::resumeInterrupted);
        open.getStyleClass().add("primary");
        open.disableProperty().bind(vm.busyProperty());
        return screen(i18n, "drafts.interrupted.title", "drafts.interrupted.body", vm, what,
                labelled(i18n, "drafts.birthYear", year), row(open));
    }

    private static TextField yearField(DraftsViewModel vm) {
        TextField year = new TextField();
        year.setId("drafts-birth-year");
        year.textProperty().bindBidirectional(vm.birthYearProperty());
        year.getStyleClass().add("year-field");
        FieldKind.set(year, FieldKind.NUMERIC);
        year.setPromptText("1960");
        return year;
    }

    private static Node screen(I18n i18n, String titleKey, String bodyKey, DraftsViewModel vm, Node... content) {
        Label title = new Label();
        title.textProperty().bind(i18n.text(titleKey));
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);
        Label body = new Label();
        body.textProperty().bind(i18n.text(bodyKey));
        body.setWrapText(true);
        Label feedback = new Label();
        feedback.setId("drafts-feedback");
        feedback.getStyleClass().add("error-text");
        feedback.setWrapText(true);
        feedback.textProperty().bind(Bindings.createStringBinding(() -> {
            DraftsViewModel.Feedback f = vm.feedbackProperty().get();
            return f == null ? "" : i18n.messages().get(f.key(), f.arg());
        }, vm.feedbackProperty(), i18n.messagesProperty()));
        VBox box = new VBox(title, body);
        box.getChildren().addAll(content);
        box.getChildren().add(feedback);
        box.getStyleClass().add("drafts");
        box.setAlignment(Pos.TOP_LEFT);
        // Scrolls when the on-screen keyboard takes the lower half of a small screen.
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        return scroll;
    }

    private static Node labelled(I18n i18n, String key, TextField field) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(key));
        label.setLabelFor(field);
        label.getStyleClass().add("section-title");
        return new VBox(label, field);
    }

    private static HBox row(Button... buttons) {
        HBox row = new HBox(buttons);
        row.getStyleClass().add("button-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
