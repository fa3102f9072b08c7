// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.applicant;

import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import vn.motcua.kiosk.identity.IdCard;
import vn.motcua.kiosk.identity.chip.AccessKey;
import vn.motcua.kiosk.identity.chip.AccessKeyRefusedException;
import vn.motcua.kiosk.identity.chip.CardRemovedException;
import vn.motcua.kiosk.identity.chip.ChipException;
import vn.motcua.kiosk.identity.chip.ChipReader;
import vn.motcua.kiosk.identity.chip.ChipReading;
import vn.motcua.kiosk.identity.chip.Dg13;

/**
 * The chip, after the QR: once the QR is read and a contactless reader is connected, the kiosk
 * waits for the card on the reader and reads it off the UI thread (key from the QR, so nobody
 * types), shows the portrait and what only the chip has, and says when QR and chip disagree on
 * the ID number, name or birth date, for the volunteer to decide. A card lifted mid-read is read
 * again once it is back; a refused key or an undecidable expiry asks the volunteer for the
 * expiry printed on the card. Data that fail passive authentication fill nothing.
 */
public final class ChipViewModel {
    /** Where the chip is. */
    public enum State { OFF, WAITING, READING, READ, DIFFERENT, NEED_EXPIRY, FAILED }

    /** A field on which the QR and the chip disagree. */
    public record Difference(String labelKey, String qr, String chip) {}

    private static final Duration LOOK = Duration.ofSeconds(1);

    private final Supplier<ChipReader> reader;
    private final Executor worker;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.OFF);
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final ObjectProperty<String> message = new SimpleObjectProperty<>();
    private final ObjectProperty<ChipReading> reading = new SimpleObjectProperty<>();
    private final ObservableList<Difference> differences = FXCollections.observableArrayList();
    private final StringProperty expiryText = new SimpleStringProperty("");
    private IdCard card;
    private AccessKey key;
    private Task<ChipReading> task;

    public ChipViewModel(Supplier<ChipReader> reader, Executor worker) {
        this.reader = reader;
        this.worker = worker;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** 0–1 while reading. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** A message key (why the chip was not used, or what to do), or null. */
    public ObjectProperty<String> messageProperty() {
        return message;
    }

    /** The chip's data once read and checked; null otherwise. */
    public ObjectProperty<ChipReading> readingProperty() {
        return reading;
    }

    public ObservableList<Difference> differences() {
        return differences;
    }

    /** What the volunteer types when asked for the expiry: dd/MM/yyyy from the front, or the MRZ's six digits. */
    public StringProperty expiryTextProperty() {
        return expiryText;
    }

    /** The QR was read: read the chip too when a reader is there. */
    public void cardRead(IdCard qr) {
        reset();
        if (reader.get() == null) {
            return;
        }
        card = qr;
        read(AccessKey.of(qr).orElse(null));
    }

    /** "Đọc chip": the expiry the volunteer typed. */
    public void useTypedExpiry() {
        String digits = expiryText.get() == null ? "" : expiryText.get().replaceAll("[^0-9]", "");
        String yyMMdd = digits.length() == 8 ? digits.substring(6) + digits.substring(2, 4) + digits.substring(0, 2)
                : digits;
        if (card == null || !AccessKey.isMrzDate(yyMMdd)) {
            message.set("identity.chip.badExpiry");
            return;
        }
        message.set(null);
        read(AccessKey.withExpiry(card, yyMMdd));
    }

    /** "Đọc lại chip" after a failure. */
    public void retry() {
        if (key != null && card != null) {
            message.set(null);
            read(key);
        }
    }

    /** The volunteer's decision when QR and chip differ: the chip's data, or none of them. */
    public void decide(boolean useChip) {
        if (state.get() != State.DIFFERENT) {
            return;
        }
        if (useChip) {
            state.set(State.READ);
        } else {
            reading.set(null);
            message.set("identity.chip.notUsed");
            state.set(State.FAILED);
        }
        differences.clear();
    }

    /** What the chip fills, by prefill name (empty unless read, checked and agreed). */
    public Map<String, String> values() {
        return state.get() == State.READ && reading.get() != null ? reading.get().prefillValues() : Map.of();
    }

    /** Forgets the chip: a rescan, the form, the session's end. Stops waiting for the card. */
    public void reset() {
        if (task != null) {
            task.cancel();
            task = null;
        }
        card = null;
        key = null;
        reading.set(null); // the portrait goes with it
        differences.clear();
        expiryText.set("");
        message.set(null);
        progress.set(0);
        state.set(State.OFF);
    }

    private void ask(String why) {
        message.set(why);
        state.set(State.NEED_EXPIRY);
    }

    /**
     * Off the UI thread: is a reader there (asking PC/SC is a native call), then with a key wait for
     * the card and read it; without one, ask the volunteer for the expiry. The task's messages move
     * the state, so nothing about a chip shows on a kiosk without a reader.
     */
    private void read(AccessKey accessKey) {
        if (task != null) {
            task.cancel();
        }
        key = accessKey;
        ChipReader chip = reader.get();
        Task<ChipReading> t = new Task<>() {
            @Override
            protected ChipReading call() throws Exception {
                if (!chip.connected()) {
                    updateMessage("off");
                    return null;
                }
                if (accessKey == null) {
                    updateMessage("needExpiry");
                    return null;
                }
                updateMessage("waiting");
                while (!chip.awaitCard(LOOK)) {
                    if (isCancelled()) {
                        return null;
                    }
                }
                updateProgress(0, 1);
                updateMessage("reading");
                return chip.read(accessKey, (step, fraction) ->
                        updateProgress((step.ordinal() + fraction) / ChipReader.Step.values().length, 1));
            }
        };
        task = t;
        progress.set(0);
        t.messageProperty().addListener((obs, was, is) -> {
            if (task != t || is == null) {
                return;
            }
            switch (is) {
                case "off" -> state.set(State.OFF);
                case "needExpiry" -> ask("identity.chip.expiryUnknown");
                case "waiting" -> state.set(State.WAITING);
                case "reading" -> state.set(State.READING);
                default -> { }
            }
        });
        t.progressProperty().addListener((obs, was, is) -> {
            if (task == t) {
                progress.set(Math.max(0, is.doubleValue()));
            }
        });
        t.setOnSucceeded(e -> {
            if (task == t && t.getValue() != null) {
                read(t.getValue());
            }
        });
        t.setOnFailed(e -> {
            if (task == t) {
                failed(t.getException());
            }
        });
        worker.execute(t);
    }

    private void read(ChipReading r) {
        reading.set(r);
        message.set(null);
        differences.setAll(compare(card, r));
        state.set(differences.isEmpty() ? State.READ : State.DIFFERENT);
    }

    private void failed(Throwable e) {
        if (e instanceof CardRemovedException removed) {
            message.set(removed.messageKey());
            read(key); // waits for the card again and starts over: nothing to press
        } else if (e instanceof AccessKeyRefusedException refused) {
            ask(refused.messageKey());
        } else {
            message.set(e instanceof ChipException c ? c.messageKey() : "identity.chip.unreadable");
            state.set(State.FAILED);
        }
    }

    /** ID number, name and birth date: the three the chip must agree on with the QR. */
    static List<Difference> compare(IdCard qr, ChipReading chip) {
        List<Difference> out = new ArrayList<>();
        String chipId = chip.citizen().get(Dg13.Field.ID_NUMBER).orElse("");
        if (!qr.idNumber().equals(chipId)) {
            out.add(new Difference("applicant.id", qr.idNumber(), chipId));
        }
        String chipName = chip.citizen().get(Dg13.Field.FULL_NAME).orElse("");
        if (!sameName(qr.fullName(), chipName)) {
            out.add(new Difference("applicant.name", qr.fullName(), chipName));
        }
        LocalDate chipBirth = chip.date(Dg13.Field.BIRTH_DATE).orElse(null);
        if (!Objects.equals(qr.birthDate(), chipBirth)) {
            out.add(new Difference("applicant.birthDate", day(qr.birthDate()),
                    chip.citizen().get(Dg13.Field.BIRTH_DATE).orElse("")));
        }
        return out;
    }

    private static boolean sameName(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String day(LocalDate d) {
        return d == null ? "" : String.format("%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
