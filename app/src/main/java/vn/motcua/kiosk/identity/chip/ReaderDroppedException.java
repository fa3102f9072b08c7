// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

/** The reader itself went away (unplugged, or pcscd stopped) while reading. */
public final class ReaderDroppedException extends ChipException {
    public ReaderDroppedException(String message) {
        super(message);
    }

    public ReaderDroppedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String messageKey() {
        return "identity.chip.readerDropped";
    }
}
