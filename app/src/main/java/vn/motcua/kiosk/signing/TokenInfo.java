package vn.motcua.kiosk.signing;

import java.util.List;

/**
 * A token found in a slot of a driver. {@code slotListIndex} is the slot's position in the
 * driver's slot list, which is how SunPKCS11 is told which slot to use (raw slot ids are random
 * for some drivers). Found without a PIN: only public certificate objects are listed.
 */
public record TokenInfo(String vendor, String library, int slotListIndex, String label, String manufacturer,
                        String model, String serial, PinState pinState, Integer userPinTries,
                        List<CertificateInfo> certificates) {

    /** What the token's flags say about its user PIN. */
    public enum PinState { OK, COUNT_LOW, FINAL_TRY, LOCKED }

    public TokenInfo {
        certificates = List.copyOf(certificates);
    }

    /** Certificates whose key usage allows signing (a token may also hold CA or encryption certificates). */
    public List<CertificateInfo> signingCertificates() {
        return certificates.stream().filter(CertificateInfo::signingUsage).toList();
    }

    @Override
    public String toString() {
        return "TokenInfo[" + vendor + ", slot index " + slotListIndex + ", " + label + ", pin " + pinState
                + ", " + certificates.size() + " certificate(s)]";
    }
}
