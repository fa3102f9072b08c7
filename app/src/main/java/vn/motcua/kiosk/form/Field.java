package vn.motcua.kiosk.form;

import java.util.List;

/**
 * One field of a form, as written in the catalogue. Optional keys are null when absent; the
 * accessors below give their defaults.
 *
 * @param id           unique in the form; letters and digits, dots allowed ({@code father.name}); the answer path
 * @param type         see {@link FieldType}
 * @param label        what the citizen reads
 * @param hint         a line of help under the field, or null
 * @param required     must be answered when shown (default false)
 * @param maxLength    for text-like fields
 * @param min          number: smallest value; multiChoice: fewest choices
 * @param max          number: largest value; multiChoice: most choices
 * @param choices      for choice and multiChoice
 * @param defaultValue a choice value (comma-joined for multiChoice), {@code true}/{@code false} for yesNo, or text
 * @param date         constraints of a date field
 * @param idNumber     fields an ID number must agree with
 * @param showIf       shown (and validated) only when this holds; hidden fields are not submitted
 * @param fields       the columns of a group
 * @param minRows      group: fewest rows
 * @param maxRows      group: most rows
 * @param prefill      which ID-card value fills it: id, oldId, name, birthDate, sex, address, issueDate (QR and
 *                     chip); nationality, ethnicity, religion, placeOfOrigin, fatherName, motherName, spouseName (chip)
 * @param notes        for the people who maintain the catalogue: sources, [M] defaults; never shown
 */
public record Field(String id, FieldType type, Label label, Label hint, Boolean required, Integer maxLength,
                    Long min, Long max, List<Choice> choices, String defaultValue, DateRule date,
                    IdNumberLinks idNumber, Condition showIf, List<Field> fields, Integer minRows, Integer maxRows,
                    String prefill, String notes, List<Label> suggestions, SinceAge sinceAge) {

    /** Common answers of a text field offered as large buttons (a touch instead of typing); the text stays editable. */
    public List<Label> suggestionList() {
        return suggestions == null ? List.of() : suggestions;
    }

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }

    public List<Choice> choiceList() {
        return choices == null ? List.of() : choices;
    }

    public List<Field> columns() {
        return fields == null ? List.of() : fields;
    }

    public int minRowCount() {
        return minRows == null ? 0 : minRows;
    }

    /** Rows a group may have; 50 when the catalogue does not say, to keep a form printable. */
    public int maxRowCount() {
        return maxRows == null ? 50 : maxRows;
    }

    public boolean hasChoice(String value) {
        return value != null && choiceList().stream().anyMatch(c -> value.equals(c.value()));
    }
}
