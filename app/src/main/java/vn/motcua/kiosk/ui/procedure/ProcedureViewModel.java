package vn.motcua.kiosk.ui.procedure;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.motcua.kiosk.calendar.DueDate;
import vn.motcua.kiosk.catalogue.Area;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.catalogue.RequiredDocument;
import vn.motcua.kiosk.fees.FeeQuote;
import vn.motcua.kiosk.form.Answers;

/**
 * Design step 3: procedures by area or by an accent-insensitive search that forgives a typo; each
 * card with its level, fee, return date and papers to bring. Choosing one hands its id on.
 */
public final class ProcedureViewModel {
    private static final int RESULTS = 20;

    private final CatalogueService catalogue;
    private final String provinceCode;
    private final Consumer<Procedure> onChosen;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Area> area = new SimpleObjectProperty<>();
    private final ObservableList<Procedure> shown = FXCollections.observableArrayList();

    public ProcedureViewModel(CatalogueService catalogue, String provinceCode, Consumer<Procedure> onChosen) {
        this.catalogue = catalogue;
        this.provinceCode = provinceCode;
        this.onChosen = onChosen;
        query.addListener((obs, was, is) -> update());
        area.addListener((obs, was, is) -> update());
        update();
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The area filter; null shows every area. */
    public ObjectProperty<Area> areaProperty() {
        return area;
    }

    public List<Area> areas() {
        return catalogue.catalogue().areas();
    }

    public ObservableList<Procedure> shown() {
        return shown;
    }

    /** A new citizen starts with an empty search and every area. */
    public void reset() {
        query.set("");
        area.set(null);
        update(); // the portal's list may have changed since the last citizen
    }

    public void choose(Procedure p) {
        onChosen.accept(p);
    }

    /** The fee before any answer (reductions and exemptions come with the form). */
    public FeeQuote fee(Procedure p) {
        return catalogue.fee(p, new Answers(), provinceCode);
    }

    public DueDate due(Procedure p) {
        return catalogue.dueIfReceivedNow(p, new Answers());
    }

    public List<RequiredDocument> papers(Procedure p) {
        return catalogue.requiredDocuments(p, new Answers());
    }

    private void update() {
        String q = query.get().strip();
        List<Procedure> found = q.isEmpty()
                ? (area.get() == null ? catalogue.catalogue().procedures() : catalogue.catalogue().inArea(area.get().id()))
                : catalogue.search().search(q, RESULTS).stream()
                        .filter(p -> area.get() == null || p.area().equals(area.get().id())).toList();
        // A procedure the portal withdrew is never offered, even though the kiosk's files still hold it.
        shown.setAll(found.stream().filter(catalogue::offered).toList());
    }
}
