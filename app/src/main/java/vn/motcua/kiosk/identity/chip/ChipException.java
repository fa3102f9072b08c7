// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

/**
 * Reading the chip failed in a way the applicant screen explains (its message key); the QR's
 * data stay as they are. Messages carry no personal data.
 */
public abstract sealed class ChipException extends Exception
        permits NoChipReaderException, CardRemovedException, AccessKeyRefusedException, ChipSignatureException,
        ReaderDroppedException, ChipDataException {

    ChipException(String message) {
        super(message);
    }

    ChipException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message for the volunteer, in the kiosk's bundles. */
    public abstract String messageKey();
}
