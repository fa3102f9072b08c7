// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.speech;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import vn.motcua.kiosk.ui.I18n;

/**
 * The large "Nghe" button and, once read-aloud is on, "Nhỏ hơn"/"To hơn" (each says the new volume
 * aloud, at that volume; no number on screen, so the bar keeps room at 1024 px with "Lưu nháp").
 * None of them takes the focus: "Nghe" must read the field the citizen was in, not itself.
 */
public final class ReadAloudButtons extends HBox {

    /** @param id the button's id ("read-aloud" on the session bar); the others' ids follow it ("read-aloud-volume-up") */
    public ReadAloudButtons(ReadAloud vm, I18n i18n, String id) {
        setId(id + "-bar");
        getStyleClass().add("read-aloud-bar");
        setAlignment(Pos.CENTER_LEFT);
        Button listen = listen(vm, i18n, id);

        Button softer = new Button();
        softer.setId(id + "-volume-down");
        softer.textProperty().bind(i18n.text("readAloud.softer"));
        softer.setOnAction(e -> vm.softer());
        softer.disableProperty().bind(vm.volumeProperty().lessThanOrEqualTo(ReadAloud.QUIETEST));
        Button louder = new Button();
        louder.setId(id + "-volume-up");
        louder.textProperty().bind(i18n.text("readAloud.louder"));
        louder.setOnAction(e -> vm.louder());
        louder.disableProperty().bind(vm.volumeProperty().greaterThanOrEqualTo(vn.motcua.kiosk.speech.Speech.MAX_VOLUME));

        for (var n : java.util.List.of(softer, louder)) {
            n.visibleProperty().bind(vm.onProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        for (Region r : java.util.List.of(listen, softer, louder)) {
            r.setFocusTraversable(false);
            r.setMinWidth(Region.USE_PREF_SIZE); // the step bar gives way; these keep their words
        }
        getChildren().addAll(listen, softer, louder);
    }

    /** "Nghe" alone (beside the open keyboard, where the session bar with the volume is folded away). */
    public static Button listen(ReadAloud vm, I18n i18n, String id) {
        Button listen = new Button();
        listen.setId(id);
        listen.getStyleClass().add("read-aloud");
        listen.textProperty().bind(Bindings.when(vm.speakingProperty())
                .then(i18n.text("readAloud.stop")).otherwise(i18n.text("readAloud.listen")));
        listen.setOnAction(e -> vm.press());
        listen.setFocusTraversable(false);
        listen.setMinWidth(Region.USE_PREF_SIZE);
        vm.onProperty().addListener((obs, was, is) -> {
            listen.getStyleClass().remove("on");
            if (is) {
                listen.getStyleClass().add("on");
            }
        });
        return listen;
    }
}
