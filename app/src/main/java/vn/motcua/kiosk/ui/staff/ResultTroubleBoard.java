// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import vn.motcua.kiosk.signing.pades.ResultVerifier;

/**
 * The last e-result the kiosk refused to print and why, shown in the staff menu until a genuine
 * one is printed: the citizen was sent to staff, who need the reason. Only the problem is kept —
 * no dossier code, no name. Called on the FX thread.
 */
public final class ResultTroubleBoard {
    private final SimpleObjectProperty<ResultVerifier.Problem> refused = new SimpleObjectProperty<>();

    /** Why the last result was refused; null when none, or once a genuine one was printed. */
    public ReadOnlyObjectProperty<ResultVerifier.Problem> refusedProperty() {
        return refused;
    }

    public void refused(ResultVerifier.Problem problem) {
        refused.set(problem);
    }

    public void cleared() {
        refused.set(null);
    }
}
