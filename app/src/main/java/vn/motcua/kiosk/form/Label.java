package vn.motcua.kiosk.form;

import vn.motcua.kiosk.config.Language;

/**
 * A text of the catalogue in the kiosk's two languages. Catalogue texts (procedure names, field
 * labels, document names) are data, so they carry both languages themselves; the kiosk's own
 * words stay in the messages bundle.
 */
public record Label(String vi, String en) {

    /** The text in the language asked for; Vietnamese when no English was given. */
    public String in(Language language) {
        return language == Language.en && en != null && !en.isBlank() ? en : vi;
    }

    public static Label of(String vi, String en) {
        return new Label(vi, en);
    }
}
