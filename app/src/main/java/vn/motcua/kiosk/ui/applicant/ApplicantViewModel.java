package vn.motcua.kiosk.ui.applicant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.motcua.kiosk.identity.IdCard;
import vn.motcua.kiosk.identity.IdCardQrParser;
import vn.motcua.kiosk.identity.QrReading;

/**
 * Design step 4: the ID card's QR, read by a desk reader, shown for the citizen to confirm before
 * it fills the form. A layout the kiosk does not know is shown field by field for the volunteer
 * to say which is which; a text that cannot be right changes nothing and says why.
 */
public final class ApplicantViewModel {
    public enum State { WAITING, CARD, UNKNOWN_LAYOUT }

    /** The prefill names a raw field can be mapped to; "" skips it. */
    public static final List<String> ROLES = List.of("", "id", "oldId", "name", "birthDate", "sex", "address", "issueDate");

    /** One field of an unknown layout and what the volunteer says it is. */
    public static final class RawField {
        private final int number;
        private final String value;
        private final StringProperty role = new SimpleStringProperty("");

        RawField(int number, String value) {
            this.number = number;
            this.value = value;
        }

        public int number() {
            return number;
        }

        public String value() {
            return value;
        }

        public StringProperty roleProperty() {
            return role;
        }
    }

    private final IdCardQrParser parser = new IdCardQrParser();
    private final Consumer<Map<String, String>> onConfirmed;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.WAITING);
    private final ObjectProperty<IdCard> card = new SimpleObjectProperty<>();
    private final ObservableList<RawField> raw = FXCollections.observableArrayList();
    private final ObjectProperty<String> feedback = new SimpleObjectProperty<>();
    private ChipViewModel chip = new ChipViewModel(() -> null, Runnable::run);

    /** @param onConfirmed the values by prefill name (empty when the citizen types everything) */
    public ApplicantViewModel(Consumer<Map<String, String>> onConfirmed) {
        this.onConfirmed = onConfirmed;
    }

    /** Reads the card's chip after its QR (without this, or without a reader, the QR alone fills). */
    public void useChip(ChipViewModel chip) {
        this.chip = chip;
    }

    public ChipViewModel chip() {
        return chip;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public ObjectProperty<IdCard> cardProperty() {
        return card;
    }

    public ObservableList<RawField> raw() {
        return raw;
    }

    /** A message key, or null. */
    public ObjectProperty<String> feedbackProperty() {
        return feedback;
    }

    /** Text from the QR reader. A malformed text leaves what is on screen as it was. */
    public void scanned(String text) {
        QrReading reading = parser.parse(text);
        if (reading instanceof QrReading.Card c) {
            card.set(c.card());
            raw.clear();
            feedback.set(null);
            state.set(State.CARD);
            chip.cardRead(c.card());
        } else if (reading instanceof QrReading.UnknownLayout u) {
            chip.reset();
            card.set(null);
            List<String> fields = u.fields();
            raw.setAll(java.util.stream.IntStream.range(0, fields.size())
                    .mapToObj(i -> new RawField(i + 1, fields.get(i))).toList());
            feedback.set("identity.qr.unknownLayout");
            state.set(State.UNKNOWN_LAYOUT);
        } else if (reading instanceof QrReading.Malformed m) {
            feedback.set(m.messageKey());
        }
    }

    public void confirm() {
        if (state.get() == State.CARD && card.get() != null) {
            if (chip.stateProperty().get() == ChipViewModel.State.DIFFERENT) {
                return; // the volunteer decides first
            }
            Map<String, String> values = new LinkedHashMap<>(card.get().prefillValues());
            values.putAll(chip.values());
            chip.reset(); // the portrait and the chip's data go; the form has what it needs
            onConfirmed.accept(values);
        } else if (state.get() == State.UNKNOWN_LAYOUT) {
            Map<String, String> values = new LinkedHashMap<>();
            raw.stream().filter(f -> !f.roleProperty().get().isEmpty())
                    .forEach(f -> values.put(f.roleProperty().get(), f.value()));
            onConfirmed.accept(values);
        }
    }

    /** "Nhập tay": no card, the citizen types everything. */
    public void typeInstead() {
        chip.reset();
        onConfirmed.accept(Map.of());
    }

    public void rescan() {
        reset();
    }

    /** Forgets the card (end of session, or scanning again). */
    public void reset() {
        chip.reset();
        card.set(null);
        raw.clear();
        feedback.set(null);
        state.set(State.WAITING);
    }
}
