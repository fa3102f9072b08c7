// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

/**
 * Passive authentication failed: nothing from this chip may fill a form. Either a data group does
 * not hash to what the document security object (SOD) says, or the SOD's signature does not
 * verify, or its signer does not chain to a configured CSCA.
 */
public final class ChipSignatureException extends ChipException {
    public enum Kind {
        /** A data group's hash differs from the SOD's, or the SOD's own signature is broken. */
        MISMATCH,
        /** The document signer was not issued by any CSCA in the kiosk's configuration. */
        UNKNOWN_CSCA
    }

    private final Kind kind;

    public ChipSignatureException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String messageKey() {
        return kind == Kind.MISMATCH ? "identity.chip.mismatch" : "identity.chip.unknownCsca";
    }
}
