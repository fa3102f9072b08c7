// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

/** The card left the reader before everything was read: put it back and the reading starts again. */
public final class CardRemovedException extends ChipException {
    public CardRemovedException(String message) {
        super(message);
    }

    public CardRemovedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String messageKey() {
        return "identity.chip.removed";
    }
}
