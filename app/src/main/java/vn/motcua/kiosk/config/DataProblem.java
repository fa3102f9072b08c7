package vn.motcua.kiosk.config;

import java.util.List;

/**
 * One thing wrong with a data file of {@code kiosk-config/} (catalogue, places, holidays, fee
 * discounts): the file, the procedure it concerns ({@code "-"} when none), the field or key inside
 * it (a form field id or a JSON path), what was expected as a message key with arguments, and what
 * was found. Kept apart from {@link ConfigProblem}, whose expectations are a closed list for
 * {@code kiosk.json}; the message keys of both live in the same bundle.
 */
public record DataProblem(String file, String procedure, String field, String messageKey, List<String> args,
                          String found) {

    public DataProblem {
        procedure = procedure == null ? "-" : ConfigProblem.shortened(procedure);
        field = field == null || field.isEmpty() ? "-" : ConfigProblem.shortened(field);
        args = args.stream().map(a -> ConfigProblem.shortened(a, ConfigProblem.MAX_ARG)).toList();
        found = ConfigProblem.shortened(found);
    }

    public static DataProblem of(String file, String procedure, String field, String messageKey, String found,
                                 String... args) {
        return new DataProblem(file, procedure, field, messageKey, List.of(args), found);
    }

    @Override
    public String toString() {
        return file + " [" + procedure + " / " + field + "]: expected " + messageKey + " " + args
                + (found == null ? "" : ", found " + found);
    }
}
