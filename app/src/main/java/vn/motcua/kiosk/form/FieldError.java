package vn.motcua.kiosk.form;

import java.util.List;

/**
 * A problem with one answer, to show next to the field: the answer path, a message key of the
 * messages bundle ({@code form.error.*}) and its arguments (numbers, dates as dd/MM/yyyy, codes —
 * nothing language-specific).
 */
public record FieldError(String path, String messageKey, List<String> args) {
    public FieldError {
        args = List.copyOf(args);
    }

    public static FieldError of(String path, String messageKey, Object... args) {
        return new FieldError(path, messageKey, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
