package vn.motcua.kiosk.ui.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.motcua.kiosk.config.Language;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.form.Field;
import vn.motcua.kiosk.form.FieldError;
import vn.motcua.kiosk.form.FieldType;
import vn.motcua.kiosk.form.SinceAge;
import vn.motcua.kiosk.catalogue.ReceivingOffices;
import vn.motcua.kiosk.form.FormDefinition;
import vn.motcua.kiosk.form.FormValidator;
import vn.motcua.kiosk.form.Section;
import vn.motcua.kiosk.form.ValidationResult;
import vn.motcua.kiosk.places.Places;

/**
 * The form screen's state: the answers, which fields and sections are shown, the message next
 * to each field, and the section the citizen is on. Every change goes through {@link #set} (or
 * the row methods), which normalises the text, reports each changed path to the autosave
 * callback and re-checks the fields on screen. Validation only ever adds messages: the
 * citizen's text stays in the answers as typed.
 */
public final class FormViewModel {
    private final FormDefinition form;
    private final ObservableValue<Language> language;
    private final Places places;
    private final ReceivingOffices receiving;
    private final FormValidator validator;
    private final Answers answers;
    private final BiConsumer<String, String> onChange;

    private final Map<String, ObjectProperty<FieldError>> errors = new HashMap<>();
    private final Map<String, BooleanProperty> shown = new HashMap<>();
    private final Map<String, IntegerProperty> rowCounts = new HashMap<>();
    // Paths the citizen has left (or that a full check covered): "required" applies to them now.
    private final Set<String> checked = new HashSet<>();
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final IntegerProperty section = new SimpleIntegerProperty();
    private final ObservableList<FieldError> problems = FXCollections.observableArrayList();
    private final ObjectProperty<String> focusRequest = new SimpleObjectProperty<>();
    private final ObjectProperty<String> revealRequest = new SimpleObjectProperty<>();

    /**
     * @param form      the procedure's form
     * @param language  the kiosk's language now; labels and messages follow it
     * @param places    provinces and communes for the address picker
     * @param validator the catalogue's validator
     * @param initial   a resumed draft or the ID-card prefill (copied; never changed)
     * @param onChange  called with (path, value) for every answer that changes, value null when
     *                  the path is gone (a removed row); the session autosaves with it
     */
    public FormViewModel(FormDefinition form, ObservableValue<Language> language, Places places,
                         FormValidator validator, Answers initial, BiConsumer<String, String> onChange) {
        this(form, language, places, validator, initial, onChange, null);
    }

    /** @param receiving the offices that may receive this procedure, for an {@code agency} field (null: none) */
    public FormViewModel(FormDefinition form, ObservableValue<Language> language, Places places,
                         FormValidator validator, Answers initial, BiConsumer<String, String> onChange,
                         ReceivingOffices receiving) {
        this.receiving = receiving;
        this.form = form;
        this.language = language;
        this.places = places;
        this.validator = validator;
        this.answers = Answers.of(initial == null ? Map.of() : initial.asMap());
        this.onChange = onChange;
        change(this::applyDefaults);
        section.set(firstShownSection(0, 1));
    }

    /** Defaults of the catalogue and the fewest rows of each group, where nothing is answered yet. */
    private void applyDefaults() {
        for (Field f : form.fields()) {
            if (f.type() == FieldType.group) {
                while (answers.rows(f.id()) < f.minRowCount()) {
                    answers.addRow(f);
                }
            } else if (f.type() == FieldType.agency && receiving != null && receiving.defaultCode() != null
                    && answers.get(f.id()) == null) {
                answers.put(f.id(), receiving.defaultCode()); // the kiosk's own office unless the citizen chooses another
            } else if (f.defaultValue() != null && f.type() != FieldType.address && answers.get(f.id()) == null) {
                answers.put(f.id(), f.defaultValue());
            }
        }
    }

    // ---- reading ------------------------------------------------------------------------------

    public FormDefinition form() {
        return form;
    }

    public ObservableValue<Language> language() {
        return language;
    }

    public Places places() {
        return places;
    }

    /** Where this dossier may be received, or null when the form has no such choice. */
    public ReceivingOffices receiving() {
        return receiving;
    }

    /** A copy of the answers now (for the fee, the review screen, a test). */
    public Answers answers() {
        return Answers.of(answers.asMap());
    }

    public String value(String path) {
        String v = answers.get(path);
        return v == null ? "" : v;
    }

    /** Goes up by one on every change of the answers: bind the fee display to it. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision;
    }

    /** The first problem of the answer at {@code path}, or null: the message next to the field. */
    public ReadOnlyObjectProperty<FieldError> errorProperty(String path) {
        return errors.computeIfAbsent(path, p -> {
            SimpleObjectProperty<FieldError> prop = new SimpleObjectProperty<>();
            prop.set(check(p));
            return prop;
        });
    }

    /** Whether a field (a field id or a row column path) is shown with the answers so far. */
    public ReadOnlyBooleanProperty shownProperty(String path) {
        return shown.computeIfAbsent(path, p -> new SimpleBooleanProperty(validator.isShown(form, answers, p)));
    }

    public ReadOnlyIntegerProperty rowCountProperty(String group) {
        return rowCounts.computeIfAbsent(group, g -> new SimpleIntegerProperty(answers.rows(g)));
    }

    /** All problems after the last press of "Tiếp tục", in form order; empty otherwise. */
    public ObservableList<FieldError> problems() {
        return problems;
    }

    /** The path the view should bring into sight and focus (a tapped problem). */
    public ReadOnlyObjectProperty<String> focusRequestProperty() {
        return focusRequest;
    }

    /** The path the view should bring into sight without focusing it (the first problem, beside the list). */
    public ReadOnlyObjectProperty<String> revealRequestProperty() {
        return revealRequest;
    }

    // ---- sections -----------------------------------------------------------------------------

    /** The index (in the form's sections) of the section on screen. */
    public ReadOnlyIntegerProperty sectionProperty() {
        return section;
    }

    /** The sections shown with the answers so far (a section's {@code showIf} may hide it). */
    public List<Integer> shownSections() {
        List<Integer> out = new ArrayList<>();
        List<Section> all = form.sectionList();
        for (int i = 0; i < all.size(); i++) {
            Section s = all.get(i);
            if (s.showIf() == null || s.showIf().test(answers, java.time.LocalDate.now())) {
                out.add(i);
            }
        }
        return out;
    }

    public boolean isLastSection() {
        return firstShownSection(section.get() + 1, 1) < 0;
    }

    public boolean isFirstSection() {
        return firstShownSection(section.get() - 1, -1) < 0;
    }

    public void next() {
        int n = firstShownSection(section.get() + 1, 1);
        if (n >= 0) {
            section.set(n);
        }
    }

    public void back() {
        int n = firstShownSection(section.get() - 1, -1);
        if (n >= 0) {
            section.set(n);
        }
    }

    public void goToSection(int index) {
        section.set(index);
    }

    private int firstShownSection(int from, int step) {
        List<Integer> shownNow = shownSections();
        for (int i = from; i >= 0 && i < form.sectionList().size(); i += step) {
            if (shownNow.contains(i)) {
                return i;
            }
        }
        return -1;
    }

    // ---- changing -----------------------------------------------------------------------------

    /**
     * The citizen typed or chose something: stores it in NFC (names in capitals) and returns the
     * stored text, which the view shows if it differs from what is in the field.
     */
    public String set(String path, String raw) {
        String value = FormValidator.normalise(typeOf(path), raw);
        if (!Objects.equals(value, answers.get(path))) {
            change(() -> answers.put(path, value));
        }
        return value;
    }

    /**
     * The citizen left the field: trims it and from now on says when it is required. Returns the
     * tidy text, or null when the path has no answer (a row just removed: nothing to write back).
     */
    public String leave(String path) {
        String current = answers.get(path);
        String tidy = current == null ? null : FormValidator.tidy(typeOf(path), current);
        checked.add(path);
        if (!Objects.equals(tidy, current)) {
            change(() -> answers.put(path, tidy));
        } else {
            recheck();
        }
        return tidy;
    }

    /** Whether the group's one-touch first row can be filled now: the birth date and the address are answered. */
    public boolean canFillSinceAge(Field group) {
        return sinceAgeValues(group) != null;
    }

    /**
     * Fills the group's first row from the form's birth date and address ({@link Field#sinceAge()}):
     * the start date the birthday at that age, the place the address's line, "until now" left
     * empty. The row stays editable.
     */
    public void fillSinceAge(Field group) {
        String[] values = sinceAgeValues(group);
        if (values == null) {
            return;
        }
        SinceAge rule = group.sinceAge();
        change(() -> {
            if (answers.rows(group.id()) == 0) {
                answers.addRow(group);
            }
            answers.put(Answers.rowPath(group.id(), 0, rule.from()), values[0]);
            answers.put(Answers.rowPath(group.id(), 0, rule.place()), values[1]);
        });
    }

    private String[] sinceAgeValues(Field group) {
        SinceAge rule = group.sinceAge();
        if (rule == null) {
            return null;
        }
        String birth = answers.get(rule.birthDate());
        java.util.Optional<String> line = vn.motcua.kiosk.form.AddressLine.of(answers, rule.address(), places);
        if (birth == null || !birth.matches("\\d{4}-\\d{2}-\\d{2}") || line.isEmpty()) {
            return null;
        }
        java.time.LocalDate from = java.time.LocalDate.parse(birth).plusYears(rule.age());
        boolean monthOnly = form.field(group.id() + "." + rule.from()).map(f -> f.date() != null && f.date().isMonthOnly())
                .orElse(false);
        return new String[] {monthOnly ? java.time.YearMonth.from(from).toString() : from.toString(), line.get()};
    }

    public void addRow(String group) {
        Field g = form.field(group).orElseThrow();
        if (answers.rows(group) < g.maxRowCount()) {
            change(() -> answers.addRow(g));
        }
    }

    public void removeRow(String group, int row) {
        Field g = form.field(group).orElseThrow();
        if (answers.rows(group) > g.minRowCount()) {
            // Messages follow the rows that move up, so forget the row paths' state.
            checked.removeIf(p -> p.startsWith(group + "["));
            change(() -> answers.removeRow(group, row));
        }
    }

    /**
     * "Tiếp tục": checks the whole form. Valid → true. Otherwise every problem is listed, shown
     * next to its field, and the first one is brought into sight (its section comes on screen).
     * It is not focused: a focused text field opens the on-screen keyboard, which leaves no room
     * for the list the citizen is asked to choose from.
     */
    public boolean finish() {
        ValidationResult result = validator.validate(form, answers);
        checked.addAll(result.byPath().keySet());
        checked.addAll(errors.keySet());
        recheck();
        problems.setAll(result.all());
        if (result.isValid()) {
            return true;
        }
        String first = result.all().get(0).path();
        sectionOf(first).ifPresent(section::set);
        revealRequest.set(null);
        revealRequest.set(first);
        return false;
    }

    /** Brings a field's section on screen and asks the view to focus it (a tap on a listed problem). */
    public void focus(String path) {
        sectionOf(path).ifPresent(section::set);
        focusRequest.set(null);
        focusRequest.set(path);
    }

    // ---- internals ----------------------------------------------------------------------------

    private void change(Runnable mutation) {
        Map<String, String> before = answers.asMap();
        mutation.run();
        Map<String, String> after = answers.asMap();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            if (!Objects.equals(before.get(k), after.get(k))) {
                onChange.accept(k, after.get(k));
            }
        }
        rowCounts.forEach((g, p) -> p.set(answers.rows(g)));
        shown.forEach((p, prop) -> prop.set(validator.isShown(form, answers, p)));
        recheck();
        if (!problems.isEmpty()) {
            // The list shrinks as the citizen fixes things; it never grows before the next "Tiếp tục".
            ValidationResult now = validator.validate(form, answers);
            problems.removeIf(e -> !now.all().contains(e));
        }
        revision.set(revision.get() + 1);
    }

    private void recheck() {
        errors.forEach((p, prop) -> prop.set(check(p)));
    }

    private FieldError check(String path) {
        boolean typing = !checked.contains(path);
        Field f = fieldAt(path);
        if (typing && f != null && f.type() == FieldType.date && !DateParts.isComplete(answers.get(path))) {
            return null; // a date being typed is not wrong yet
        }
        return validator.validatePath(form, answers, path, typing).stream()
                .filter(e -> e.path().equals(path)).findFirst().orElse(null);
    }

    private FieldType typeOf(String path) {
        Field f = fieldAt(path);
        return f == null || f.type() == FieldType.address ? FieldType.text : f.type();
    }

    /** The field a path answers (a row column, a top-level field); null for an address part. */
    Field fieldAt(String path) {
        Answers.RowRef ref = Answers.rowRef(path);
        String id = ref == null ? path : ref.group() + "." + ref.column();
        return form.field(id).orElse(null);
    }

    private java.util.Optional<Integer> sectionOf(String path) {
        Answers.RowRef ref = Answers.rowRef(path);
        String id = ref != null ? ref.group() : path;
        if (form.field(id).isEmpty()) {
            int dot = id.lastIndexOf('.');
            id = dot < 0 ? id : id.substring(0, dot); // an address part
        }
        String top = id;
        List<Section> all = form.sectionList();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).fieldList().stream().anyMatch(f -> f.id().equals(top))) {
                return java.util.Optional.of(i);
            }
        }
        return java.util.Optional.empty();
    }
}
