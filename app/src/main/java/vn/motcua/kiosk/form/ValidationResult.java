package vn.motcua.kiosk.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All problems of a form's answers, by answer path, in form order. */
public record ValidationResult(Map<String, List<FieldError>> byPath) {
    public ValidationResult {
        byPath = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPath));
    }

    public boolean isValid() {
        return byPath.isEmpty();
    }

    public List<FieldError> errorsFor(String path) {
        return byPath.getOrDefault(path, List.of());
    }

    public List<FieldError> all() {
        return byPath.values().stream().flatMap(List::stream).toList();
    }
}
