package vn.motcua.kiosk.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A procedure's form: the official template it fills (e.g. "Mẫu 03/2024/LLTP") and its sections.
 * The UI renders sections in order and fields in order; groups as tables with add / remove row.
 */
public record FormDefinition(String template, List<Section> sections) {

    public List<Section> sectionList() {
        return sections == null ? List.of() : sections;
    }

    /** Every top-level field of every section, in order (group columns not included). */
    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        sectionList().forEach(s -> out.addAll(s.fieldList()));
        return out;
    }

    /** A top-level field by id, or a group column by {@code group.column}. */
    public Optional<Field> field(String id) {
        for (Field f : fields()) {
            if (f.id().equals(id)) {
                return Optional.of(f);
            }
            if (f.type() == FieldType.group && id.startsWith(f.id() + ".")) {
                String column = id.substring(f.id().length() + 1);
                for (Field c : f.columns()) {
                    if (c.id().equals(column)) {
                        return Optional.of(c);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The section a top-level field is in. */
    public Optional<Section> sectionOf(String fieldId) {
        return sectionList().stream().filter(s -> s.fieldList().stream().anyMatch(f -> f.id().equals(fieldId)))
                .findFirst();
    }
}
