// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.papers;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.form.Label;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.scanning.Cancellation;
import vn.motcua.kiosk.session.PapersStep;

/** One paper on the papers screen: its PDF, the scan under way, its pages as thumbnails, what went wrong. */
public final class PaperRow {
    private final String type;
    private final Label name;
    private final boolean required;
    private final boolean generated;
    final ObjectProperty<DossierDocument> document = new SimpleObjectProperty<>();
    final BooleanProperty busy = new SimpleBooleanProperty();
    final IntegerProperty page = new SimpleIntegerProperty();
    final ObjectProperty<Function<Messages, String>> problem = new SimpleObjectProperty<>();
    final ObservableList<PapersViewModel.Thumb> thumbs = FXCollections.observableArrayList();
    private final IntegerBinding blankBacks = Bindings.createIntegerBinding(
            () -> (int) thumbs.stream().filter(t -> t.blank() && t.backSide()).count(), thumbs);
    Cancellation cancellation;

    PaperRow(PapersStep.Row r) {
        this.type = r.type();
        this.name = r.name();
        this.required = r.required();
        this.generated = r.generated();
        document.set(r.document());
    }

    public String type() {
        return type;
    }

    public Label name() {
        return name;
    }

    public boolean required() {
        return required;
    }

    /** Made by the kiosk from the answers (the declaration): nothing to scan. */
    public boolean generated() {
        return generated;
    }

    public ObjectProperty<DossierDocument> documentProperty() {
        return document;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The page being scanned (1, 2, …), 0 when none. */
    public IntegerProperty pageProperty() {
        return page;
    }

    /** The pages as small pictures, in order (the declaration has none: it is made, not scanned). */
    public ObservableList<PapersViewModel.Thumb> thumbs() {
        return thumbs;
    }

    /** Backs of duplex sheets that look blank: the citizen may drop them ("Bỏ … mặt sau trống"). */
    public IntegerBinding blankBacks() {
        return blankBacks;
    }

    /** What went wrong last, in the screen's language; null when nothing. */
    public ObjectProperty<Function<Messages, String>> problemProperty() {
        return problem;
    }
}
