package vn.motcua.kiosk.ui.applicant;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import vn.motcua.kiosk.identity.ReaderBurst;

/**
 * Recognises a desk QR reader typing like a keyboard wherever the focus is: a burst of keys a few
 * milliseconds apart ending with Enter. What the burst typed into a focused field is taken back,
 * and the text goes to {@code onScan} instead.
 */
public final class IdReaderFilter {
    private final ReaderBurst burst = new ReaderBurst();
    private final LongSupplier millis;
    private TextInputControl field;
    private String before;

    private IdReaderFilter(LongSupplier millis) {
        this.millis = millis;
    }

    public static IdReaderFilter attachTo(Scene scene, Consumer<String> onScan) {
        IdReaderFilter filter = new IdReaderFilter(() -> System.nanoTime() / 1_000_000);
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> filter.typed(scene, e));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                filter.burst.enter(filter.millis.getAsLong()).ifPresent(text -> {
                    e.consume();
                    if (filter.field != null) {
                        filter.field.setText(filter.before);
                        filter.field.positionCaret(filter.before.length());
                    }
                    onScan.accept(text);
                });
            }
        });
        return filter;
    }

    private void typed(Scene scene, KeyEvent e) {
        String c = e.getCharacter();
        if (c.isEmpty() || c.charAt(0) < ' ' || c.charAt(0) == 127) {
            return;
        }
        if (burst.typed(c.charAt(0), millis.getAsLong())) {
            // The start of a possible burst: remember the focused field as it was.
            Node owner = scene.getFocusOwner();
            field = owner instanceof TextInputControl t ? t : null;
            before = field == null ? null : field.getText();
        }
    }
}
