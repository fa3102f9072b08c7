package vn.motcua.kiosk.ui.common;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The digits of a PIN being typed: held in a char array only (never a String), shown as dots,
 * handed over once and wiped. Used by the staff PIN pad and the token PIN pad.
 */
public final class PinEntry {
    private final int maxLength;
    private final SimpleStringProperty mask = new SimpleStringProperty("");
    private final SimpleIntegerProperty length = new SimpleIntegerProperty();
    private char[] digits = new char[0];

    public PinEntry(int maxLength) {
        this.maxLength = maxLength;
    }

    public ReadOnlyStringProperty maskProperty() {
        return mask;
    }

    public ReadOnlyIntegerProperty lengthProperty() {
        return length;
    }

    public void append(char c) {
        if (Character.isLetterOrDigit(c) && digits.length < maxLength) {
            char[] longer = Arrays.copyOf(digits, digits.length + 1);
            longer[digits.length] = c;
            replace(longer);
        }
    }

    public void backspace() {
        if (digits.length > 0) {
            replace(Arrays.copyOf(digits, digits.length - 1));
        }
    }

    public void clear() {
        replace(new char[0]);
    }

    /** Hands the PIN over (the receiver wipes it) and empties the entry. */
    public char[] take() {
        char[] pin = digits;
        digits = new char[0];
        show();
        return pin;
    }

    private void replace(char[] next) {
        Arrays.fill(digits, '\0');
        digits = next;
        show();
    }

    private void show() {
        mask.set("●".repeat(digits.length));
        length.set(digits.length);
    }
}
