package vn.motcua.kiosk.identity;

import java.util.List;

/** The outcome of reading an ID-card QR text: a card, a layout the kiosk does not know, or nonsense. */
public sealed interface QrReading {

    /** The published 7-field layout (or a longer one that starts with it). */
    record Card(IdCard card) implements QrReading {}

    /**
     * Text split by "|" that does not follow the known layout (e.g. the unpublished 2024 "Thẻ căn
     * cước" layout): shown raw, field by field, for the volunteer to map. Nothing is filled in.
     */
    record UnknownLayout(List<String> fields) implements QrReading {
        public UnknownLayout {
            fields = List.copyOf(fields);
        }

        @Override
        public String toString() {
            return "UnknownLayout[" + fields.size() + " fields]";
        }
    }

    /**
     * The known layout with a field that cannot be right, or text that is no ID-card QR at all.
     * {@code messageKey} says which (in the messages bundle); nothing is filled in.
     */
    record Malformed(String messageKey, int fieldNumber) implements QrReading {}
}
