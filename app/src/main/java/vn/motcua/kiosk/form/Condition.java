package vn.motcua.kiosk.form;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A test on the answers, used wherever the catalogue makes something depend on them: a field
 * shown only for certificate type 1, a document required only when someone files for another,
 * a fee reduction for students, a longer handling time for applicants who lived in several
 * provinces. Exactly one kind is set:
 * <ul>
 *   <li>{@code field} + {@code equals}: the answer is this value ("true" for a yes/no);</li>
 *   <li>{@code field} + {@code oneOf}: the answer is one of these;</li>
 *   <li>{@code field} + {@code containsAny}: a multiple-choice answer includes one of these;</li>
 *   <li>{@code field} + {@code ageBelow} / {@code ageAtLeast}: the date in the field is a birth
 *       date and the person is younger than / at least that many years old today;</li>
 *   <li>{@code anyOf} / {@code allOf}: combinations.</li>
 * </ul>
 */
public record Condition(String field, String equals, List<String> oneOf, List<String> containsAny,
                        Integer ageBelow, Integer ageAtLeast, List<Condition> anyOf, List<Condition> allOf) {

    public static Condition equals(String field, String value) {
        return new Condition(field, value, null, null, null, null, null, null);
    }

    /** The number of kinds set; a well-formed condition has exactly one. */
    public int kinds() {
        int n = 0;
        for (Object o : new Object[] {equals, oneOf, containsAny, ageBelow, ageAtLeast, anyOf, allOf}) {
            if (o != null) {
                n++;
            }
        }
        return n;
    }

    /** Whether the condition needs {@code field}; the combinations do not. */
    public boolean needsField() {
        return anyOf == null && allOf == null;
    }

    /** Every field id this condition reads, nested ones included. */
    public List<String> fieldsRead() {
        List<String> out = new ArrayList<>();
        if (field != null) {
            out.add(field);
        }
        for (List<Condition> list : java.util.Arrays.asList(anyOf, allOf)) {
            if (list != null) {
                list.forEach(c -> out.addAll(c.fieldsRead()));
            }
        }
        return out;
    }

    /**
     * @param answer gives the answer of a field id, or null when unanswered
     * @param today  for the age tests
     */
    public boolean test(Function<String, String> answer, LocalDate today) {
        if (anyOf != null) {
            return anyOf.stream().anyMatch(c -> c.test(answer, today));
        }
        if (allOf != null) {
            return allOf.stream().allMatch(c -> c.test(answer, today));
        }
        String value = field == null ? null : answer.apply(field);
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (equals != null) {
            return equals.equals(value);
        }
        if (oneOf != null) {
            return oneOf.contains(value);
        }
        if (containsAny != null) {
            return Answers.split(value).stream().anyMatch(containsAny::contains);
        }
        if (ageBelow != null || ageAtLeast != null) {
            LocalDate birth;
            try {
                birth = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                return false;
            }
            int age = Period.between(birth, today).getYears();
            return ageBelow != null ? age < ageBelow : age >= ageAtLeast;
        }
        return false;
    }

    public boolean test(Answers answers, LocalDate today) {
        return test(answers::get, today);
    }
}
