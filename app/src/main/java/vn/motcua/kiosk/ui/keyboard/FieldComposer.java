package vn.motcua.kiosk.ui.keyboard;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.IndexRange;
import javafx.scene.control.TextInputControl;
import vn.motcua.kiosk.keyboard.Edit;
import vn.motcua.kiosk.keyboard.InputMethod;
import vn.motcua.kiosk.keyboard.Mark;
import vn.motcua.kiosk.keyboard.Tone;
import vn.motcua.kiosk.keyboard.ToneStyle;
import vn.motcua.kiosk.keyboard.VietnameseInput;

/**
 * Types into one text field at its caret through the engine. If the caret moves for any other
 * reason (a touch, an arrow key, the other keyboard), the engine drops its word and picks up
 * the word now before the caret, so a tone typed there still lands on it.
 */
final class FieldComposer {
    private final TextInputControl field;
    private final VietnameseInput engine;
    private final ChangeListener<Number> caretWatch = (obs, was, is) -> caretMoved(is.intValue());
    private int expectedCaret = -1;

    FieldComposer(TextInputControl field, InputMethod method, ToneStyle style) {
        this.field = field;
        this.engine = new VietnameseInput(method, style);
        field.caretPositionProperty().addListener(caretWatch);
        resumeAtCaret();
    }

    TextInputControl field() {
        return field;
    }

    void detach() {
        field.caretPositionProperty().removeListener(caretWatch);
    }

    void setMethod(InputMethod method) {
        if (engine.method() != method) {
            engine.setMethod(method);
            resumeAtCaret();
        }
    }

    void setStyle(ToneStyle style) {
        if (engine.style() != style) {
            engine.setStyle(style);
            resumeAtCaret();
        }
    }

    void type(char c) {
        clearSelection();
        apply(engine.type(c));
    }

    void letter(char c) {
        clearSelection();
        apply(engine.letter(c));
    }

    void tone(Tone t) {
        clearSelection();
        apply(engine.tone(t));
    }

    void mark(Mark m) {
        clearSelection();
        apply(engine.mark(m));
    }

    /** Types text as it is, outside the engine (digits on the number pad, a line break). */
    void insertRaw(String s) {
        clearSelection();
        engine.reset();
        int caret = field.getCaretPosition();
        expectedCaret = caret + s.length();
        field.insertText(caret, s);
        expectedCaret = -1;
    }

    void backspace() {
        if (field.getSelection().getLength() > 0) {
            clearSelection();
            return;
        }
        Edit e = engine.backspace();
        apply(e);
        if (engine.word().isEmpty()) {
            resumeAtCaret();
        }
    }

    private void clearSelection() {
        IndexRange sel = field.getSelection();
        if (sel.getLength() > 0) {
            expectedCaret = sel.getStart();
            field.deleteText(sel);
            expectedCaret = -1;
            resumeAtCaret();
        }
    }

    private void apply(Edit e) {
        if (e.isEmpty()) {
            return;
        }
        int caret = field.getCaretPosition();
        int from = Math.max(0, caret - e.delete());
        // Never split a surrogate pair when deleting one character.
        if (e.delete() == 1 && from > 0 && Character.isLowSurrogate(field.getText().charAt(from))
                && Character.isHighSurrogate(field.getText().charAt(from - 1))) {
            from--;
        }
        expectedCaret = from + e.insert().length();
        field.replaceText(from, caret, e.insert());
        field.positionCaret(expectedCaret);
        expectedCaret = -1;
    }

    private void caretMoved(int caret) {
        if (expectedCaret >= 0) {
            return;
        }
        resumeAtCaret();
    }

    private void resumeAtCaret() {
        String text = field.getText() == null ? "" : field.getText();
        int caret = Math.min(field.getCaretPosition(), text.length());
        boolean insideWord = caret < text.length() && VietnameseInput.isWordChar(text.charAt(caret));
        if (insideWord) {
            engine.reset();
        } else {
            engine.resume(VietnameseInput.lastWord(text.substring(0, caret)));
        }
    }
}
