// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.volunteer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.volunteer.VolunteerDesk;

/**
 * The header's volunteer badge: "Tình nguyện viên: Lan" (or "Nhân viên: Minh") for as long as they
 * help, in the staff button's place, so the citizen knows who sits beside them.
 */
public final class VolunteerBadge extends Button {
    private static final PseudoClass SIGNED_IN = PseudoClass.getPseudoClass("signed-in");

    public VolunteerBadge(VolunteerViewModel vm, I18n i18n) {
        setId("volunteer-open");
        getStyleClass().add("volunteer-badge");
        textProperty().bind(text(vm, i18n));
        pseudoClassStateChanged(SIGNED_IN, vm.helperProperty().get() != null);
        vm.helperProperty().addListener((obs, was, is) -> pseudoClassStateChanged(SIGNED_IN, is != null));
        // Shown only while someone helps: until then the staff button is the door (the header has no room for two).
        visibleProperty().bind(vm.helperProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        setOnAction(e -> vm.tap());
    }

    /** Who helps, in words; "Tình nguyện viên" when nobody does. */
    static StringBinding text(VolunteerViewModel vm, I18n i18n) {
        return Bindings.createStringBinding(() -> {
            VolunteerDesk.Helper h = vm.helperProperty().get();
            if (h == null) {
                return i18n.messages().get("volunteer.signIn");
            }
            if (h.name() == null) {
                return i18n.messages().get("staff.menu.title"); // the shared staff PIN has no name
            }
            return i18n.messages().get(h.staff() ? "staff.menu.titleNamed" : "volunteer.named", h.name());
        }, vm.helperProperty(), i18n.messagesProperty());
    }
}
