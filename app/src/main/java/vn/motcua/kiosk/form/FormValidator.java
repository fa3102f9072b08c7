package vn.motcua.kiosk.form;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.motcua.kiosk.places.Places;

/**
 * Checks answers against a form definition and tells each field what is wrong, as message keys.
 * Two uses: {@link #validatePath} after every change of one field while the citizen types
 * ({@code typing = true}: no "required" or "too short" until they leave the field), and
 * {@link #validate} before moving on or submitting. Hidden fields (a false {@code showIf}) are
 * not checked. Cross-field checks (ID number against birth date and sex, date order) report on
 * the field that carries the rule; the UI re-validates the form when a linked field changes.
 */
public final class FormValidator {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter SHOWN_MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final IdNumberRules idRules;
    private final Places places;
    private final Clock clock;

    public FormValidator(IdNumberRules idRules, Places places, Clock clock) {
        this.idRules = idRules;
        this.places = places;
        this.clock = clock;
    }

    /**
     * What to store for what was typed: NFC (touch keyboards and pasted text may give decomposed
     * accents, which then neither print nor match) and, for names, capitals with the diacritics
     * kept. Spaces are left alone so the one just typed survives; {@link #tidy} trims.
     */
    public static String normalise(FieldType type, String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (type == FieldType.upperName) {
            // Upper-casing in NFC keeps "ễ" as one letter: "Ễ".
            s = Normalizer.normalize(s.toUpperCase(VIETNAMESE), Normalizer.Form.NFC);
        }
        return s;
    }

    /** {@link #normalise} plus trimmed and single-spaced, for when the citizen leaves the field. */
    public static String tidy(FieldType type, String raw) {
        String s = normalise(type, raw);
        return s == null ? null : s.strip().replaceAll("\\s+", " ");
    }

    /** Every problem of the answers, in form order. */
    public ValidationResult validate(FormDefinition form, Answers answers) {
        Map<String, List<FieldError>> out = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (Section s : form.sectionList()) {
            if (s.showIf() != null && !s.showIf().test(answers, today)) {
                continue;
            }
            for (Field f : s.fieldList()) {
                collect(f, f.id(), "", answers, today, false, out);
            }
        }
        return new ValidationResult(out);
    }

    /**
     * The problems of the field at {@code path} (a field id, an address part such as
     * {@code home.commune}, or a row column such as {@code residenceHistory[1].from}); empty when
     * the path is hidden or unknown.
     */
    public List<FieldError> validatePath(FormDefinition form, Answers answers, String path, boolean typing) {
        LocalDate today = LocalDate.now(clock);
        Optional<Located> located = locate(form, path);
        if (located.isEmpty() || !isShown(form, answers, located.get().fieldPath())) {
            return List.of();
        }
        Located l = located.get();
        Map<String, List<FieldError>> out = new LinkedHashMap<>();
        collect(l.field(), l.fieldPath(), l.rowPrefix(), answers, today, typing, out);
        return out.values().stream().flatMap(List::stream).toList();
    }

    /** Whether a field (or a row column) is shown with the current answers. */
    public boolean isShown(FormDefinition form, Answers answers, String path) {
        LocalDate today = LocalDate.now(clock);
        Optional<Located> located = locate(form, path);
        if (located.isEmpty()) {
            return false;
        }
        Located l = located.get();
        String topId = l.rowPrefix().isEmpty() ? l.field().id() : Answers.rowRef(l.fieldPath()).group();
        Optional<Section> section = form.sectionOf(topId);
        if (section.isPresent() && section.get().showIf() != null && !section.get().showIf().test(answers, today)) {
            return false;
        }
        if (!l.rowPrefix().isEmpty()) {
            Field group = form.field(topId).orElseThrow();
            if (group.showIf() != null && !group.showIf().test(answers, today)) {
                return false;
            }
        }
        Condition c = l.field().showIf();
        return c == null || c.test(lookup(answers, l.rowPrefix()), today);
    }

    private record Located(Field field, String fieldPath, String rowPrefix) {}

    private static Optional<Located> locate(FormDefinition form, String path) {
        Answers.RowRef ref = Answers.rowRef(path);
        String prefix = "";
        String id = path;
        if (ref != null) {
            prefix = ref.prefix();
            id = ref.group() + "." + ref.column();
        }
        Optional<Field> f = form.field(id);
        String fieldPath = path;
        if (f.isEmpty()) {
            for (String part : List.of(Answers.PROVINCE, Answers.COMMUNE, Answers.STREET)) {
                if (id.endsWith("." + part)) {
                    f = form.field(id.substring(0, id.length() - part.length() - 1))
                            .filter(x -> x.type() == FieldType.address);
                    fieldPath = path.substring(0, path.length() - part.length() - 1);
                    break;
                }
            }
        }
        String p = prefix;
        String fp = fieldPath;
        return f.map(x -> new Located(x, fp, p));
    }

    /** Inside a row, a plain field id means the column of the same row, else a top-level field. */
    private static Function<String, String> lookup(Answers answers, String rowPrefix) {
        if (rowPrefix.isEmpty()) {
            return answers::get;
        }
        return id -> {
            String own = answers.get(rowPrefix + id);
            return own != null ? own : answers.get(id);
        };
    }

    private void collect(Field f, String path, String rowPrefix, Answers answers, LocalDate today, boolean typing,
                         Map<String, List<FieldError>> out) {
        Function<String, String> look = lookup(answers, rowPrefix);
        if (f.showIf() != null && !f.showIf().test(look, today)) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        if (f.type() == FieldType.group) {
            int rows = answers.rows(f.id());
            if (!typing && rows < f.minRowCount()) {
                errors.add(FieldError.of(path, "form.error.rows-min", f.minRowCount()));
            }
            if (rows > f.maxRowCount()) {
                errors.add(FieldError.of(path, "form.error.rows-max", f.maxRowCount()));
            }
            add(out, path, errors);
            for (int r = 0; r < rows; r++) {
                for (Field c : f.columns()) {
                    String prefix = f.id() + "[" + r + "].";
                    collect(c, prefix + c.id(), prefix, answers, today, typing, out);
                }
            }
            return;
        }
        if (f.type() == FieldType.address) {
            address(f, path, answers, typing, out);
            return;
        }
        String value = answers.get(path);
        boolean empty = value == null || value.isBlank();
        if (empty) {
            if (f.isRequired() && !typing) {
                errors.add(FieldError.of(path, "form.error.required"));
            }
            add(out, path, errors);
            return;
        }
        if (f.maxLength() != null && value.strip().length() > f.maxLength()) {
            errors.add(FieldError.of(path, "form.error.too-long", f.maxLength()));
        }
        switch (f.type()) {
            case text -> { }
            case upperName -> {
                String v = value.strip();
                if (!v.chars().allMatch(ch -> Character.isLetter(ch) || ch == ' ' || ch == '-' || ch == '\''
                        || Character.getType(ch) == Character.NON_SPACING_MARK)) {
                    errors.add(FieldError.of(path, "form.error.name-letters"));
                } else if (!v.equals(normalise(FieldType.upperName, v))) {
                    errors.add(FieldError.of(path, "form.error.name-upper"));
                }
            }
            case number -> number(f, path, value.strip(), typing, errors);
            case date -> date(f, path, value.strip(), look, today, errors);
            case choice -> {
                if (!f.hasChoice(value)) {
                    errors.add(FieldError.of(path, "form.error.choice", value));
                }
            }
            case multiChoice -> {
                List<String> chosen = Answers.split(value);
                for (String c : chosen) {
                    if (!f.hasChoice(c)) {
                        errors.add(FieldError.of(path, "form.error.choice", c));
                    }
                }
                if (!typing && ((f.min() != null && chosen.size() < f.min())
                        || (f.max() != null && chosen.size() > f.max()))) {
                    errors.add(FieldError.of(path, "form.error.choices-count",
                            f.min() == null ? 0 : f.min(), f.max() == null ? f.choiceList().size() : f.max()));
                }
            }
            case yesNo -> {
                if (!value.equals("true") && !value.equals("false")) {
                    errors.add(FieldError.of(path, "form.error.yes-no"));
                }
            }
            case idNumber -> {
                LocalDate birth = null;
                String sex = null;
                if (f.idNumber() != null) {
                    birth = f.idNumber().birthDate() == null ? null : parseDate(look.apply(f.idNumber().birthDate()));
                    sex = f.idNumber().sex() == null ? null : look.apply(f.idNumber().sex());
                }
                errors.addAll(idRules.check(path, value, birth, sex, today, typing));
            }
            case phone -> {
                if (typing ? !PhoneNumbers.couldBecomeValid(value) && !PhoneNumbers.isValid(value)
                        : !PhoneNumbers.isValid(value)) {
                    errors.add(FieldError.of(path, "form.error.phone"));
                }
            }
            case email -> {
                if (!typing && !Emails.isValid(value) || typing && value.strip().contains(" ")) {
                    errors.add(FieldError.of(path, "form.error.email"));
                }
            }
            default -> { }
        }
        add(out, path, errors);
    }

    private static void number(Field f, String path, String v, boolean typing, List<FieldError> errors) {
        if (!v.matches("\\d{1,15}")) {
            errors.add(FieldError.of(path, "form.error.number"));
            return;
        }
        long n = Long.parseLong(v);
        // While typing "19" on the way to "1985", a minimum of 1900 is not yet broken.
        boolean belowMin = f.min() != null && n < f.min() && !typing;
        if (belowMin || (f.max() != null && n > f.max())) {
            errors.add(FieldError.of(path, "form.error.number-range",
                    f.min() == null ? "" : f.min(), f.max() == null ? "" : f.max()));
        }
    }

    private static void date(Field f, String path, String v, Function<String, String> look, LocalDate today,
                             List<FieldError> errors) {
        DateRule rule = f.date();
        boolean monthOnly = rule != null && rule.isMonthOnly();
        LocalDate d = monthOnly ? parseMonth(v) : parseDate(v);
        if (d == null) {
            errors.add(FieldError.of(path, monthOnly ? "form.error.month" : "form.error.date"));
            return;
        }
        if (rule == null) {
            return;
        }
        // A month-only answer is compared by its month: "08/2009" is not before 15/08/2009.
        LocalDate now = monthOnly ? today.withDayOfMonth(1) : today;
        if (rule.isNotFuture() && d.isAfter(now)) {
            errors.add(FieldError.of(path, "form.error.date-future"));
        }
        if (rule.isNotPast() && d.isBefore(now)) {
            errors.add(FieldError.of(path, "form.error.date-past"));
        }
        DateTimeFormatter shown = monthOnly ? SHOWN_MONTH : SHOWN;
        if (rule.notBefore() != null) {
            LocalDate other = anyDate(look.apply(rule.notBefore()), monthOnly);
            if (other != null && d.isBefore(other)) {
                errors.add(FieldError.of(path, "form.error.date-before", shown.format(other)));
            }
        }
        if (rule.notAfter() != null) {
            LocalDate other = anyDate(look.apply(rule.notAfter()), monthOnly);
            if (other != null && d.isAfter(other)) {
                errors.add(FieldError.of(path, "form.error.date-after", shown.format(other)));
            }
        }
    }

    /** {@code yyyy-MM} as its first day; null when it is not one. */
    private static LocalDate parseMonth(String v) {
        if (v == null || !v.strip().matches("\\d{4}-\\d{2}")) {
            return null;
        }
        try {
            return java.time.YearMonth.parse(v.strip()).atDay(1);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Another field's date, as a month's first day when comparing by month. */
    private static LocalDate anyDate(String v, boolean byMonth) {
        LocalDate d = parseDate(v);
        if (d == null) {
            d = parseMonth(v);
        }
        return d == null || !byMonth ? d : d.withDayOfMonth(1);
    }

    private void address(Field f, String path, Answers answers, boolean typing, Map<String, List<FieldError>> out) {
        String provincePath = path + "." + Answers.PROVINCE;
        String communePath = path + "." + Answers.COMMUNE;
        String streetPath = path + "." + Answers.STREET;
        String province = answers.get(provincePath);
        String commune = answers.get(communePath);
        List<FieldError> p = new ArrayList<>();
        List<FieldError> c = new ArrayList<>();
        List<FieldError> s = new ArrayList<>();
        if (province == null || province.isBlank()) {
            if (f.isRequired() && !typing) {
                p.add(FieldError.of(provincePath, "form.error.required"));
            }
        } else if (places.province(province).isEmpty()) {
            p.add(FieldError.of(provincePath, "form.error.province", province));
        }
        if (commune == null || commune.isBlank()) {
            if (f.isRequired() && !typing) {
                c.add(FieldError.of(communePath, "form.error.required"));
            }
        } else if (province != null && places.province(province).isPresent()
                && !places.isCommuneOf(province, commune)) {
            c.add(FieldError.of(communePath, "form.error.commune", commune));
        }
        String street = answers.get(streetPath);
        int max = f.maxLength() == null ? 200 : f.maxLength();
        if (street != null && street.strip().length() > max) {
            s.add(FieldError.of(streetPath, "form.error.too-long", max));
        }
        add(out, provincePath, p);
        add(out, communePath, c);
        add(out, streetPath, s);
    }

    private static LocalDate parseDate(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void add(Map<String, List<FieldError>> out, String path, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            out.computeIfAbsent(path, k -> new ArrayList<>()).addAll(errors);
        }
    }
}
