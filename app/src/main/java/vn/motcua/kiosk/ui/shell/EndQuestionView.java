package vn.motcua.kiosk.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;

/** "Xóa toàn bộ thông tin đã nhập?" with two large answers; the safe one, "Không", has the focus. */
final class EndQuestionView extends StackPane {
    private final EndQuestion question;

    EndQuestionView(EndQuestion question, I18n i18n) {
        this.question = question;
        setId("end-question");
        getStyleClass().addAll("overlay", "end-question");
        Label text = new Label();
        text.setId("end-question-text");
        text.textProperty().bind(i18n.text("session.end.question"));
        text.getStyleClass().add("screen-title");
        text.setWrapText(true);
        Label hint = new Label();
        hint.textProperty().bind(i18n.text("session.end.question.hint"));
        hint.setWrapText(true);
        Button no = new Button();
        no.setId("end-no");
        no.textProperty().bind(i18n.text("session.end.no"));
        no.getStyleClass().add("primary");
        no.setOnAction(e -> question.keep());
        Button yes = new Button();
        yes.setId("end-yes");
        yes.textProperty().bind(i18n.text("session.end.yes"));
        yes.getStyleClass().add("danger");
        yes.setOnAction(e -> question.erase());
        HBox answers = new HBox(no, yes);
        answers.getStyleClass().add("button-row");
        answers.setAlignment(Pos.CENTER);
        VBox card = new VBox(text, hint, answers);
        card.getStyleClass().add("card");
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
        visibleProperty().bind(question.askingProperty());
        visibleProperty().addListener((obs, was, is) -> {
            if (is) {
                no.requestFocus();
            }
        });
    }

    /**
     * Enter and Escape answer "Không", whichever button has the focus. A filter on the shell's
     * root, so that it runs before the Escape that opens the staff PIN pad (which then stands back).
     */
    void keys(KeyEvent e) {
        if (question.askingProperty().get() && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.ESCAPE)) {
            question.keep();
            e.consume();
        }
    }
}
