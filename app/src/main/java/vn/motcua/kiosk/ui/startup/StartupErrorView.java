package vn.motcua.kiosk.ui.startup;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.i18n.Messages;

/**
 * Full-screen page shown when the kiosk cannot start (bad configuration, unusable database):
 * each problem in Vietnamese with the English beneath, since the configured language may be
 * the broken part. Never a stack trace.
 */
public final class StartupErrorView extends VBox {

    /** One problem, already worded in both languages. */
    public record Problem(String vietnamese, String english) {}

    public StartupErrorView(List<Problem> problems) {
        Messages vi = Messages.of(Locale.forLanguageTag("vi"));
        Messages en = Messages.of(Locale.ENGLISH);
        setId("startup-error");
        getStyleClass().add("startup-error");

        Label title = new Label(vi.get("startup.error.title") + " / " + en.get("startup.error.title"));
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);

        VBox list = new VBox();
        list.getStyleClass().add("problem-list");
        for (Problem p : problems) {
            Label viLine = new Label("• " + p.vietnamese());
            viLine.setWrapText(true);
            viLine.getStyleClass().add("problem");
            Label enLine = new Label("  " + p.english());
            enLine.setWrapText(true);
            enLine.getStyleClass().add("problem-en");
            list.getChildren().addAll(viLine, enLine);
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label hint = new Label(vi.get("startup.error.hint") + "\n" + en.get("startup.error.hint"));
        hint.setWrapText(true);
        Button quit = new Button(vi.get("startup.error.quit") + " / " + en.get("startup.error.quit"));
        quit.setId("startup-quit");
        quit.setOnAction(e -> Platform.exit());
        getChildren().addAll(title, scroll, hint, quit);
    }
}
