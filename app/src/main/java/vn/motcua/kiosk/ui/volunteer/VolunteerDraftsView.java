// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.volunteer;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.session.ParkedDrafts;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;

/**
 * "Hồ sơ lưu nháp" for a signed-in volunteer: the drafts parked here (masked name, procedure,
 * when parked, days left; those about to expire marked), and "Tiếp tục với công dân", which takes
 * the citizen through consent to the code and birth year: the list opens nothing by itself.
 */
public final class VolunteerDraftsView extends StackPane {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    /** @param sessionOpen a citizen's session is open: resuming waits for the next citizen */
    public VolunteerDraftsView(VolunteerViewModel vm, I18n i18n, ObservableBooleanValue sessionOpen) {
        setId("volunteer-drafts");
        getStyleClass().add("overlay");
        visibleProperty().bind(vm.draftsShownProperty());
        managedProperty().bind(visibleProperty());

        Label title = new Label();
        title.textProperty().bind(i18n.text("volunteer.drafts.title"));
        title.getStyleClass().add("screen-title");
        Label hint = new Label();
        hint.textProperty().bind(i18n.text("volunteer.drafts.hint"));
        hint.setWrapText(true);
        VBox rows = new VBox();
        rows.setId("volunteer-drafts-rows");
        rows.getStyleClass().add("outbox-rows");
        Runnable render = () -> {
            rows.getChildren().clear();
            if (vm.drafts().isEmpty()) {
                Label none = new Label(i18n.messages().get("volunteer.drafts.none"));
                none.setId("volunteer-drafts-none");
                rows.getChildren().add(none);
            }
            for (int i = 0; i < vm.drafts().size(); i++) {
                rows.getChildren().add(row(i, vm.drafts().get(i), vm, i18n, sessionOpen));
            }
        };
        vm.drafts().addListener((ListChangeListener<ParkedDrafts.Parked>) c -> render.run());
        i18n.messagesProperty().addListener((obs, was, is) -> render.run());
        sessionOpen.addListener((obs, was, is) -> render.run());
        render.run();
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(360);
        scroll.getStyleClass().add("plain-scroll");
        Button back = Controls.button(i18n, "volunteer.menu.close", "volunteer-drafts-back", vm::closeMenu);
        HBox buttons = new HBox(back);
        buttons.getStyleClass().add("button-row");

        VBox card = new VBox(title, hint, scroll, buttons);
        card.getStyleClass().addAll("card", "volunteer-drafts");
        card.setPrefWidth(860);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
    }

    private static HBox row(int i, ParkedDrafts.Parked p, VolunteerViewModel vm, I18n i18n, ObservableBooleanValue sessionOpen) {
        var m = i18n.messages();
        String name = p.maskedName().isEmpty() ? m.get("volunteer.drafts.noName") : p.maskedName();
        String procedure = p.procedureId() == null ? "" : vm.procedureName(p.procedureId()).in(i18n.language().getValue());
        Label head = new Label(name + "  ·  " + procedure);
        head.setId("parked-draft-" + i);
        head.setWrapText(true);
        head.getStyleClass().add("section-title");
        Label when = new Label(m.get(p.expiringSoon() ? "volunteer.drafts.expiringSoon" : "volunteer.drafts.when",
                DAY.format(p.parkedAt()), DAY.format(p.expiresAt()), p.daysLeft()));
        when.setId("parked-draft-when-" + i);
        when.setWrapText(true);
        if (p.expiringSoon()) {
            when.getStyleClass().add("error-text");
        }
        VBox text = new VBox(head, when);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button resume = Controls.button(i18n, "volunteer.drafts.resume", "parked-resume-" + i, vm::resumeWithCitizen);
        resume.setMinWidth(USE_PREF_SIZE);
        resume.setDisable(sessionOpen.get());
        HBox row = new HBox(text, resume);
        row.getStyleClass().add("outbox-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
