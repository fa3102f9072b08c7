package vn.motcua.kiosk.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.kiosk.config.DataProblem;

/**
 * Checks a form definition of the catalogue for what JSON types cannot catch: ids well formed
 * and unique, both languages in labels, choices where needed, and every reference pointing at
 * something that exists — conditions at fields (and at values those fields can take), date
 * rules at date fields, ID-number links at a date and a sex field, defaults at choices, the
 * applicant's sections ({@code prefillSections}) at sections of the form. Every
 * problem names the file, the procedure and the field.
 */
public final class FormDefinitionCheck {
    public static final Pattern ID = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*");
    public static final Set<String> PREFILL = Set.of("id", "oldId", "name", "birthDate", "sex", "address", "issueDate",
            // Only the chip (DG13) has these.
            "nationality", "ethnicity", "religion", "placeOfOrigin", "fatherName", "motherName", "spouseName");

    private final String file;
    private final String procedure;
    private final List<DataProblem> problems = new ArrayList<>();
    private final Map<String, Field> topLevel = new HashMap<>();

    private FormDefinitionCheck(String file, String procedure) {
        this.file = file;
        this.procedure = procedure;
    }

    public static List<DataProblem> check(String file, String procedure, FormDefinition form) {
        FormDefinitionCheck c = new FormDefinitionCheck(file, procedure);
        c.run(form);
        return c.problems;
    }

    private void problem(String field, String key, String found, String... args) {
        problems.add(DataProblem.of(file, procedure, field, key, found, args));
    }

    private void run(FormDefinition form) {
        if (form.sections() == null || form.sections().isEmpty()) {
            problem("form.sections", "config.expected.present", null);
            return;
        }
        Set<String> sectionIds = new HashSet<>();
        for (Section s : form.sectionList()) {
            String where = "section " + s.id();
            if (s.id() == null || !ID.matcher(s.id()).matches()) {
                problem(where, "catalogue.expected.id-format", s.id());
            } else if (!sectionIds.add(s.id())) {
                problem(where, "catalogue.expected.unique-id", s.id());
            }
            if (s.use() != null) {
                problem(where, "catalogue.expected.section-ref", s.use(), "-");
            }
            label(where, "title", s.title(), true);
            for (Field f : s.fieldList()) {
                if (f.id() != null && topLevel.putIfAbsent(f.id(), f) != null) {
                    problem(f.id(), "catalogue.expected.unique-id", f.id());
                }
            }
        }
        if (form.prefillSections() != null) {
            if (form.prefillSections().isEmpty()) {
                problem("form.prefillSections", "config.expected.present", "[]");
            }
            for (String id : form.prefillSections()) {
                if (!sectionIds.contains(id)) {
                    problem("form.prefillSections", "catalogue.expected.prefill-section", id,
                            String.join(", ", new java.util.TreeSet<>(sectionIds)));
                }
            }
        }
        for (Section s : form.sectionList()) {
            if (s.showIf() != null) {
                condition("section " + s.id(), s.showIf(), null);
            }
            if (s.fieldList().isEmpty()) {
                problem("section " + s.id(), "config.expected.present", null);
            }
            for (Field f : s.fieldList()) {
                field(f, null);
            }
        }
    }

    private void field(Field f, Field group) {
        String id = f.id() == null ? "?" : (group == null ? f.id() : group.id() + "." + f.id());
        if (f.id() == null || !ID.matcher(f.id()).matches()) {
            problem(id, "catalogue.expected.id-format", f.id());
        }
        if (f.type() == null) {
            problem(id, "config.expected.present", null);
            return;
        }
        label(id, "label", f.label(), true);
        label(id, "hint", f.hint(), false);
        boolean choices = f.type() == FieldType.choice || f.type() == FieldType.multiChoice;
        if (choices) {
            if (f.choiceList().isEmpty()) {
                problem(id, "catalogue.expected.choices", null);
            }
            Set<String> values = new HashSet<>();
            for (Choice c : f.choiceList()) {
                if (c.value() == null || c.value().isBlank() || c.value().contains(",") || !values.add(c.value())) {
                    problem(id, "catalogue.expected.choice-value-format", c.value());
                }
                label(id, "choices." + c.value(), c.label(), true);
            }
        } else if (f.choices() != null) {
            problem(id, "catalogue.expected.not-here", "choices", f.type().name());
        }
        if (f.suggestions() != null) {
            if (f.type() != FieldType.text) {
                problem(id, "catalogue.expected.not-here", "suggestions", f.type().name());
            }
            for (int i = 0; i < f.suggestionList().size(); i++) {
                label(id, "suggestions[" + i + "]", f.suggestionList().get(i), true);
            }
        }
        if (f.defaultValue() != null) {
            List<String> wanted = f.type() == FieldType.multiChoice ? Answers.split(f.defaultValue())
                    : List.of(f.defaultValue());
            for (String v : wanted) {
                if (choices && !f.hasChoice(v) || f.type() == FieldType.yesNo && !v.equals("true") && !v.equals("false")) {
                    problem(id, "catalogue.expected.choice-value", v, values(f));
                }
            }
        }
        if (f.type() == FieldType.group) {
            if (group != null) {
                problem(id, "catalogue.expected.not-here", "group", "group");
            }
            if (f.columns().isEmpty()) {
                problem(id, "catalogue.expected.group-columns", null);
            }
            if (f.minRowCount() < 0 || f.minRowCount() > f.maxRowCount()) {
                problem(id, "catalogue.expected.rows-range", f.minRowCount() + ".." + f.maxRowCount());
            }
            Set<String> seen = new HashSet<>();
            for (Field c : f.columns()) {
                if (c.id() != null && !seen.add(c.id())) {
                    problem(id + "." + c.id(), "catalogue.expected.unique-id", c.id());
                }
                field(c, f);
            }
        } else if (f.fields() != null || f.minRows() != null || f.maxRows() != null) {
            problem(id, "catalogue.expected.not-here", "fields/minRows/maxRows", f.type().name());
        }
        if (f.date() != null) {
            if (f.type() != FieldType.date) {
                problem(id, "catalogue.expected.not-here", "date", f.type().name());
            }
            dateRef(id, f.date().notBefore(), group);
            dateRef(id, f.date().notAfter(), group);
        }
        if (f.idNumber() != null) {
            if (f.type() != FieldType.idNumber) {
                problem(id, "catalogue.expected.not-here", "idNumber", f.type().name());
            }
            if (f.idNumber().birthDate() != null) {
                Field target = resolve(f.idNumber().birthDate(), group);
                if (target == null || target.type() != FieldType.date) {
                    problem(id, "catalogue.expected.field-ref", f.idNumber().birthDate(), FieldType.date.name());
                }
            }
            if (f.idNumber().sex() != null) {
                Field target = resolve(f.idNumber().sex(), group);
                if (target == null || target.type() != FieldType.choice || !target.hasChoice("male")
                        || !target.hasChoice("female")) {
                    problem(id, "catalogue.expected.sex-ref", f.idNumber().sex());
                }
            }
        }
        if (f.min() != null && f.max() != null && f.min() > f.max()) {
            problem(id, "catalogue.expected.rows-range", f.min() + ".." + f.max());
        }
        if (f.prefill() != null && !PREFILL.contains(f.prefill())) {
            problem(id, "config.expected.one-of", f.prefill(), String.join(", ", new java.util.TreeSet<>(PREFILL)));
        }
        if (f.showIf() != null) {
            condition(id, f.showIf(), group);
        }
    }

    private void dateRef(String id, String ref, Field group) {
        if (ref == null) {
            return;
        }
        Field target = resolve(ref, group);
        if (target == null || target.type() != FieldType.date) {
            problem(id, "catalogue.expected.field-ref", ref, FieldType.date.name());
        }
    }

    /** A reference from inside a group means a column of the same row first, then a top-level field. */
    private Field resolve(String ref, Field group) {
        if (group != null) {
            for (Field c : group.columns()) {
                if (ref.equals(c.id())) {
                    return c;
                }
            }
        }
        return topLevel.get(ref);
    }

    /** Conditions used by the form; fees, documents and handling times use {@link #checkCondition}. */
    private void condition(String id, Condition c, Field group) {
        checkCondition(id, c, ref -> resolve(ref, group), problems, file, procedure);
    }

    /**
     * Checks a condition against a form: one kind only, its field exists, the values it compares
     * with are values that field can take.
     */
    public static void checkCondition(String where, Condition c, java.util.function.Function<String, Field> fields,
                                      List<DataProblem> problems, String file, String procedure) {
        if (c.kinds() != 1) {
            problems.add(DataProblem.of(file, procedure, where, "catalogue.expected.condition-one-kind", null));
            return;
        }
        if (!c.needsField()) {
            for (Condition inner : c.anyOf() != null ? c.anyOf() : c.allOf()) {
                checkCondition(where, inner, fields, problems, file, procedure);
            }
            return;
        }
        Field target = c.field() == null ? null : fields.apply(c.field());
        if (target == null) {
            problems.add(DataProblem.of(file, procedure, where, "catalogue.expected.field-ref", c.field(), "-"));
            return;
        }
        List<String> compared = new ArrayList<>();
        if (c.equals() != null) {
            compared.add(c.equals());
        }
        if (c.oneOf() != null) {
            compared.addAll(c.oneOf());
        }
        if (c.containsAny() != null) {
            compared.addAll(c.containsAny());
            if (target.type() != FieldType.multiChoice) {
                problems.add(DataProblem.of(file, procedure, where, "catalogue.expected.field-ref", c.field(),
                        FieldType.multiChoice.name()));
            }
        }
        if ((c.ageBelow() != null || c.ageAtLeast() != null) && target.type() != FieldType.date) {
            problems.add(DataProblem.of(file, procedure, where, "catalogue.expected.field-ref", c.field(),
                    FieldType.date.name()));
        }
        for (String v : compared) {
            // A field without a type is named by its own check; what it may compare with is unknown.
            boolean ok = target.type() == null || switch (target.type()) {
                case choice, multiChoice -> target.hasChoice(v);
                case yesNo -> v.equals("true") || v.equals("false");
                default -> true;
            };
            if (!ok) {
                problems.add(DataProblem.of(file, procedure, where, "catalogue.expected.choice-value", v,
                        values(target)));
            }
        }
    }

    private static String values(Field f) {
        if (f.type() == FieldType.yesNo) {
            return "true, false";
        }
        return String.join(", ", f.choiceList().stream().map(Choice::value).toList());
    }

    private void label(String id, String what, Label label, boolean required) {
        if (label == null) {
            if (required) {
                problem(id, "catalogue.expected.label", null, what);
            }
            return;
        }
        if (label.vi() == null || label.vi().isBlank() || label.en() == null || label.en().isBlank()) {
            problem(id, "catalogue.expected.label", label.vi() == null ? "null" : label.vi(), what);
        }
    }

    /** A top-level field of the form by id (for the fee, document and handling-time checks). */
    public static Field lookup(FormDefinition form, String id) {
        return form.field(id).orElse(null);
    }
}
