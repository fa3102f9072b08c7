package vn.motcua.kiosk.form;

/** One option of a choice field: the value stored in the answers and its label. */
public record Choice(String value, Label label) {}
