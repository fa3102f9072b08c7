package vn.motcua.kiosk.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A procedure's form: the official template it fills (e.g. "Mẫu 03/2024/LLTP") and its sections.
 * The UI renders sections in order and fields in order; groups as tables with add / remove row.
 *
 * @param prefillSections the sections about the applicant, the person whose ID card is read at
 *                        the desk: only their fields' {@code prefill} take the card's values.
 *                        Null: every section (the form is about the applicant). A form about
 *                        someone else (LLTP by proxy) names the requester's section only.
 */
public record FormDefinition(String template, List<Section> sections, List<String> prefillSections) {

    public FormDefinition(String template, List<Section> sections) {
        this(template, sections, null);
    }

    public List<Section> sectionList() {
        return sections == null ? List.of() : sections;
    }

    /**
     * The top-level fields about the applicant, in order: those the applicant's ID card fills,
     * and where the portal's applicant (name, ID number) is read.
     */
    public List<Field> applicantFields() {
        List<Field> out = new ArrayList<>();
        sectionList().stream().filter(s -> prefillSections == null || prefillSections.contains(s.id()))
                .forEach(s -> out.addAll(s.fieldList()));
        return out;
    }

    /** Every top-level field of every section, in order (group columns not included). */
    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        sectionList().forEach(s -> out.addAll(s.fieldList()));
        return out;
    }

    /** A top-level field by id, or a group column by {@code group.column}. */
    public Optional<Field> field(String id) {
        // Null-safe: the catalogue check looks fields up before it has refused those without an id.
        for (Field f : fields()) {
            if (id == null || f.id() == null) {
                continue;
            }
            if (f.id().equals(id)) {
                return Optional.of(f);
            }
            if (f.type() == FieldType.group && id.startsWith(f.id() + ".")) {
                String column = id.substring(f.id().length() + 1);
                for (Field c : f.columns()) {
                    if (column.equals(c.id())) {
                        return Optional.of(c);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The section a top-level field is in. */
    public Optional<Section> sectionOf(String fieldId) {
        return sectionList().stream().filter(s -> s.fieldList().stream().anyMatch(f -> fieldId != null && fieldId.equals(f.id())))
                .findFirst();
    }
}
