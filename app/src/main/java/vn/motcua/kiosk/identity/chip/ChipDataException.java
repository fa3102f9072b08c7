// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

/** The card answered, but not as a CCCD chip does (no ICAO application, or a file that does not parse). */
public final class ChipDataException extends ChipException {
    public ChipDataException(String message) {
        super(message);
    }

    public ChipDataException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String messageKey() {
        return "identity.chip.unreadable";
    }
}
