// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.track;

import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;
import vn.motcua.kiosk.ui.keyboard.FieldKind;

/**
 * The dossier code and the last four phone digits, as "Tra cứu hồ sơ" and "Nhận kết quả" both ask
 * for them. Field ids are {@code <prefix>-code} and {@code <prefix>-last4}.
 */
public final class ProofFields {
    private ProofFields() {}

    /** The two labelled fields, to be laid out by the screen like its other rows. */
    public static Node[] create(I18n i18n, String prefix, StringProperty code, StringProperty last4, Runnable onEnter) {
        TextField codeField = new TextField();
        codeField.setId(prefix + "-code");
        codeField.textProperty().bindBidirectional(code);
        // Codes are letters, digits, dots and dashes as printed: no Telex on them.
        FieldKind.set(codeField, FieldKind.PLAIN);
        codeField.setPromptText("000.00.14.H56-261122-0001");
        codeField.getStyleClass().add("dossier-code-field");
        TextField digits = new TextField();
        digits.setId(prefix + "-last4");
        digits.textProperty().bindBidirectional(last4);
        FieldKind.set(digits, FieldKind.NUMERIC);
        digits.setPromptText("5678");
        digits.getStyleClass().add("year-field");
        digits.setOnAction(e -> onEnter.run());
        return new Node[] {labelled(i18n, "track.code", codeField), labelled(i18n, "track.last4", digits)};
    }

    private static Node labelled(I18n i18n, String key, TextField field) {
        Label label = Controls.label(i18n, key, "section-title");
        label.setLabelFor(field);
        return new VBox(label, field);
    }
}
