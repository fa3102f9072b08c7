// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import vn.motcua.kiosk.printing.PrinterTrouble;
import vn.motcua.kiosk.printing.PrintingException;

/**
 * The receipt printer's last trouble, told by every screen that prints (the receipt, reprints) and
 * shown in the staff menu until a print works again. Called on the FX thread.
 */
public final class PrinterTroubleBoard implements PrinterTrouble {
    private final SimpleObjectProperty<PrintingException> trouble = new SimpleObjectProperty<>();

    /** The last trouble; null when none, or once a print worked again. */
    public ReadOnlyObjectProperty<PrintingException> troubleProperty() {
        return trouble;
    }

    @Override
    public void noticed(PrintingException problem) {
        trouble.set(problem);
    }

    @Override
    public void cleared(String printer) {
        trouble.set(null);
    }
}
