// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.speech;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.speech.Speech;
import vn.motcua.kiosk.speech.SpeechUnavailable;
import vn.motcua.kiosk.speech.SpokenText;
import vn.motcua.kiosk.ui.I18n;

/**
 * "Nghe": reads the screen aloud for citizens who read with difficulty — the instruction, the
 * focused field's name and hint, the errors shown ({@link ScreenWords}); never what was typed.
 * Once switched on in a session, each error that appears is read by itself. Speaking happens on
 * the speech worker (it blocks until said); the properties change on the FX thread only. The
 * session's end resets it all: off, silent, the volume back to the default, as the kiosk's
 * accessibility rules ask (the next citizen must not inherit a loud or talking kiosk).
 */
public final class ReadAloud {
    private static final Logger LOG = LoggerFactory.getLogger(ReadAloud.class);
    /** Each press of "To hơn"/"Nhỏ hơn". */
    public static final int VOLUME_STEP = 10;
    /** Never down to silence: a kiosk that seems broken helps nobody. */
    public static final int QUIETEST = 10;

    private final Supplier<Speech> speech;
    private final Executor worker;
    private final I18n i18n;
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper speaking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper volume = new ReadOnlyIntegerWrapper(Speech.DEFAULT_VOLUME);
    /** Which request is current: a request overtaken by a newer one (or a stop) is not spoken. */
    private final AtomicLong request = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();
    /** The errors on screen at the last look, as read: a new one (or a changed one) is spoken. */
    private final Map<Labeled, String> seenErrors = new HashMap<>();
    private final Runnable watchErrors = this::speakNewErrors;
    private Parent root;
    private Scene watched;

    /**
     * @param speech the engine, asked at each use (a test may swap it)
     * @param worker where speaking waits; one thread, so utterances never overlap
     */
    public ReadAloud(Supplier<Speech> speech, Executor worker, I18n i18n) {
        this.speech = speech;
        this.worker = worker;
        this.i18n = i18n;
    }

    /** What is read: this node's screen and its focused field. */
    public void attach(Parent root) {
        this.root = root;
    }

    /** False without a speech engine: then there is no "Nghe" button at all. */
    public boolean available() {
        return speech.get().available();
    }

    /** Switched on in this session: new errors are read by themselves. */
    public ReadOnlyBooleanProperty onProperty() {
        return on.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty speakingProperty() {
        return speaking.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty volumeProperty() {
        return volume.getReadOnlyProperty();
    }

    /** "Nghe": reads the screen and switches read-aloud on; while it speaks, stops it instead. */
    public void press() {
        if (speaking.get()) {
            stop();
            return;
        }
        if (!on.get()) {
            on.set(true);
            watch();
        }
        List<String> words = words();
        // What is read now counts as heard: the watcher then speaks only what appears later.
        remember(errorsNow());
        speak(SpokenText.sentences(words));
    }

    /** The screen's words as "Nghe" would read them now, one sentence each. */
    public List<String> words() {
        if (root == null) {
            return List.of();
        }
        Scene scene = root.getScene();
        ScreenWords.Words w = ScreenWords.read(root, scene == null ? null : scene.getFocusOwner());
        List<String> out = new ArrayList<>();
        out.add(w.title());
        if (!w.field().isBlank()) {
            out.add(i18n.messages().get("readAloud.field", w.field()));
        }
        out.add(w.hint());
        out.add(w.fieldError());
        out.addAll(w.errors());
        out.removeIf(String::isBlank);
        return out;
    }

    public void louder() {
        changeVolume(VOLUME_STEP);
    }

    public void softer() {
        changeVolume(-VOLUME_STEP);
    }

    /** Stops what is being said (a new screen, "Dừng đọc"); read-aloud stays on. */
    public void stop() {
        request.incrementAndGet();
        speaking.set(false);
        speech.get().stop();
    }

    /** The session ended: silent, off, the volume back to the default. */
    public void reset() {
        stop();
        on.set(false);
        volume.set(Speech.DEFAULT_VOLUME);
        seenErrors.clear();
        if (watched != null) {
            watched.removePostLayoutPulseListener(watchErrors);
            watched = null;
        }
    }

    private void changeVolume(int step) {
        int v = Math.max(QUIETEST, Speech.clamp(volume.get() + step));
        volume.set(v);
        // Said at the new loudness, so the citizen hears what they chose.
        speak(i18n.messages().get("readAloud.volume", v));
    }

    /** Looks for new errors after each layout, while read-aloud is on (and only then). */
    private void watch() {
        Scene scene = root == null ? null : root.getScene();
        if (scene != null && watched == null) {
            watched = scene;
            scene.addPostLayoutPulseListener(watchErrors);
        }
    }

    private void speakNewErrors() {
        if (!on.get() || root == null) {
            return;
        }
        Map<Labeled, String> now = errorsNow();
        List<String> fresh = new ArrayList<>();
        for (Map.Entry<Labeled, String> e : now.entrySet()) {
            if (!e.getValue().equals(seenErrors.get(e.getKey()))) {
                fresh.add(e.getValue());
            }
        }
        remember(now);
        if (!fresh.isEmpty()) {
            speak(SpokenText.sentences(fresh.subList(0, Math.min(fresh.size(), ScreenWords.OTHER_ERRORS + 1))));
        }
    }

    private Map<Labeled, String> errorsNow() {
        return root == null ? Map.of() : ScreenWords.errors(root);
    }

    /** Forgets errors no longer shown, so one that comes back is read again. */
    private void remember(Map<Labeled, String> now) {
        seenErrors.clear();
        seenErrors.putAll(now);
    }

    /** On the speech worker; a newer request or a stop overtakes it. */
    private void speak(String text) {
        if (text.isBlank()) {
            return;
        }
        Speech engine = speech.get();
        long mine = request.incrementAndGet();
        engine.stop();
        Locale language = i18n.locale();
        int loudness = volume.get();
        speaking.set(true);
        try {
            worker.execute(() -> {
                if (request.get() == mine) {
                    try {
                        engine.say(text, language, loudness);
                    } catch (SpeechUnavailable e) {
                        // The reason only: the text may hold what a screen showed.
                        if (warned.compareAndSet(false, true)) {
                            LOG.warn("read-aloud could not speak: {}", e.getMessage());
                        }
                    }
                }
                Platform.runLater(() -> {
                    if (request.get() == mine) {
                        speaking.set(false);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            speaking.set(false); // the kiosk is closing
        }
    }
}
