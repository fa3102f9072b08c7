package vn.motcua.kiosk.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the receipt printer holds: A5 sheets (office printer) or an 80 mm roll (receipt printer). */
public enum ReceiptPaper {
    A5("a5"), ROLL_80MM("roll-80mm");

    private final String json;

    ReceiptPaper(String json) {
        this.json = json;
    }

    /** The spelling in kiosk.json; also what error messages list. */
    @JsonValue
    @Override
    public String toString() {
        return json;
    }
}
