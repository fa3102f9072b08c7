package vn.motcua.kiosk.form;

/**
 * The fields of the same form that an ID number must agree with: its 4th digit encodes sex and
 * century and its 5th–6th the year of birth. The sex field's values are {@code male} and
 * {@code female}. Either may be null.
 */
public record IdNumberLinks(String birthDate, String sex) {}
