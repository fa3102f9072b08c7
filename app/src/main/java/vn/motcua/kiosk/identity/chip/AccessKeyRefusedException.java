// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

/** The chip refused the access key: the expiry worked out from the QR is not the card's, or the QR is not this card's; the volunteer types the expiry from the MRZ. */
public final class AccessKeyRefusedException extends ChipException {
    public AccessKeyRefusedException(String message) {
        super(message);
    }

    public AccessKeyRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String messageKey() {
        return "identity.chip.keyRefused";
    }
}
