package vn.motcua.kiosk.form;

/**
 * What a field holds and how it is entered. Answers are text (see {@link Answers} for the
 * encoding of each type), so a draft is a flat JSON object.
 */
public enum FieldType {
    /** Free text, normalised to NFC. */
    text,
    /** A person's name in capitals with diacritics kept ("NGUYỄN VĂN AN"), as LLTP forms require. */
    upperName,
    /** Whole number in digits; {@code min}/{@code max} bound it (years of birth, copies). */
    number,
    /** A calendar date, stored ISO {@code yyyy-MM-dd}; shown and entered day / month / year. */
    date,
    /** One of {@code choices}, stored as the choice's value. */
    choice,
    /** Some of {@code choices}, stored as values joined by commas; {@code min}/{@code max} count them. */
    multiChoice,
    /** Stored {@code true} or {@code false}. */
    yesNo,
    /** Province and commune codes plus a free street line, under {@code id.province}, {@code id.commune}, {@code id.street}. */
    address,
    /** A 12-digit citizen ID (CCCD / Thẻ căn cước) number. */
    idNumber,
    /** A Vietnamese mobile or landline number. */
    phone,
    /** An e-mail address. */
    email,
    /**
     * The office that receives the dossier (the declaration's "Kính gửi"), stored as the portal's
     * agency code; the kiosk's own agency unless the citizen chooses another that receives the
     * procedure (non-territorial filing).
     */
    agency,
    /** A repeating group of rows, each row with the group's {@code fields}: {@code id[0].child}. */
    group
}
