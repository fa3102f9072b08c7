// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.volunteer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;

/**
 * The signed-in volunteer's menu over the screen: the next citizen (the session ends, with its
 * question, and Welcome comes back with the volunteer still signed in), the drafts parked here,
 * sign out, close.
 */
public final class VolunteerMenuView extends StackPane {

    /** @param handOver what "Người tiếp theo" does: the shell's end of the session, with its question */
    public VolunteerMenuView(VolunteerViewModel vm, I18n i18n, Runnable handOver) {
        setId("volunteer-menu");
        getStyleClass().add("overlay");
        visibleProperty().bind(vm.menuProperty());
        managedProperty().bind(visibleProperty());

        Label title = new Label();
        title.setId("volunteer-menu-title");
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(VolunteerBadge.text(vm, i18n));
        Button next = button("volunteer-handover", "volunteer.menu.next", i18n);
        next.getStyleClass().add("primary");
        next.setOnAction(e -> {
            vm.closeMenu();
            handOver.run();
        });
        Label nextHint = new Label();
        nextHint.textProperty().bind(i18n.text("volunteer.menu.nextHint"));
        nextHint.setWrapText(true);
        nextHint.setPrefWidth(520); // the card stays a card, not a banner
        Button drafts = button("volunteer-drafts-open", "volunteer.menu.drafts", i18n);
        drafts.setOnAction(e -> vm.showDrafts());
        drafts.setVisible(vm.offersParkedDrafts());
        drafts.setManaged(vm.offersParkedDrafts());
        Button staff = button("volunteer-staff-menu", "volunteer.menu.staff", i18n);
        staff.setOnAction(e -> vm.openStaffMenu());
        Button signOut = button("volunteer-signout", "volunteer.menu.signOut", i18n);
        signOut.setOnAction(e -> vm.signOut());
        Button close = button("volunteer-close", "volunteer.menu.close", i18n);
        close.setOnAction(e -> vm.closeMenu());

        VBox card = new VBox(title, next, nextHint, drafts, staff, signOut, close);
        card.getStyleClass().addAll("card", "staff-menu");
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
    }

    private static Button button(String id, String key, I18n i18n) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }
}
