package vn.motcua.kiosk.form;

import java.util.List;

/**
 * A titled part of a form, shown as one screen or card. In the catalogue a section may instead be
 * {@code {"use": "id"}}, a shared section defined once (the LLTP person sections of both LLTP
 * forms); the loader replaces it, so {@code use} is null in a loaded catalogue.
 */
public record Section(String id, String use, Label title, Label hint, Condition showIf, List<Field> fields) {

    public List<Field> fieldList() {
        return fields == null ? List.of() : fields;
    }
}
