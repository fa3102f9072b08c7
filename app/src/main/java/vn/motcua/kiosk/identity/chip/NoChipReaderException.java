// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

/** No contactless reader is connected (or none is configured): the QR path stays. */
public final class NoChipReaderException extends ChipException {
    public NoChipReaderException(String message) {
        super(message);
    }

    public NoChipReaderException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String messageKey() {
        return "identity.chip.noReader";
    }
}
