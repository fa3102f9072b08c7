// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * ICAO 9303 passive authentication: the document security object (EF.SOD, a CMS SignedData over
 * the hashes of the data groups) is signed by a document signer, whose certificate the issuing
 * state's CSCA signed. A forged QR can say anything; a forged chip cannot pass this. Always
 * checked: the SOD's signature and the hash of every group read. Checked when the kiosk has
 * CSCA certificates configured: the signer's chain to one of them. Certificate dates are not
 * checked: a document signer's certificate outlives its signing period by the cards' lifetime,
 * and the kiosk may be offline with a wrong clock.
 */
public final class PassiveAuthentication {
    /** How far the signature was followed. */
    public enum Trust {
        /** The document signer chains to a configured CSCA. */
        CSCA_VERIFIED,
        /** No CSCA configured: the data match the SOD's signature, whose signer is not checked. */
        NO_CSCA_CONFIGURED
    }

    private final List<X509Certificate> cscas;

    public PassiveAuthentication(List<X509Certificate> cscas) {
        this.cscas = List.copyOf(cscas);
    }

    /**
     * @param sod    EF.SOD as read (tag 0x77)
     * @param groups the data groups read, by number, as read (every one must have its hash in the SOD)
     */
    public Trust check(byte[] sod, Map<Integer, byte[]> groups) throws ChipException {
        CMSSignedData signed;
        LDSSecurityObject lds;
        try {
            signed = new CMSSignedData(Tlv.content(sod, 0x77));
            lds = LDSSecurityObject.getInstance(signed.getSignedContent().getContent());
        } catch (CMSException | RuntimeException e) {
            throw new ChipDataException("EF.SOD does not parse: " + e.getClass().getSimpleName());
        }
        X509Certificate signer = verifySignature(signed);
        checkHashes(lds, groups);
        if (cscas.isEmpty()) {
            return Trust.NO_CSCA_CONFIGURED;
        }
        for (X509Certificate csca : cscas) {
            if (csca.getSubjectX500Principal().equals(signer.getIssuerX500Principal())) {
                try {
                    signer.verify(csca.getPublicKey());
                    return Trust.CSCA_VERIFIED;
                } catch (GeneralSecurityException e) {
                    // Same name, other key (a CSCA renewed its key): try the next certificate.
                }
            }
        }
        throw new ChipSignatureException(ChipSignatureException.Kind.UNKNOWN_CSCA, "document signer not issued by a configured CSCA");
    }

    private static X509Certificate verifySignature(CMSSignedData signed) throws ChipException {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new ChipDataException("EF.SOD has " + signers.size() + " signers");
        }
        SignerInformation info = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certs = signed.getCertificates().getMatches(info.getSID());
        if (certs.isEmpty()) {
            throw new ChipDataException("EF.SOD carries no document signer certificate");
        }
        try {
            X509CertificateHolder holder = certs.iterator().next();
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
                throw new ChipSignatureException(ChipSignatureException.Kind.MISMATCH, "SOD signature does not verify");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CMSException | OperatorCreationException | GeneralSecurityException e) {
            throw new ChipSignatureException(ChipSignatureException.Kind.MISMATCH, "SOD signature does not verify: "
                    + e.getClass().getSimpleName());
        }
    }

    private static void checkHashes(LDSSecurityObject lds, Map<Integer, byte[]> groups) throws ChipException {
        Map<Integer, byte[]> expected = new HashMap<>();
        for (DataGroupHash h : lds.getDatagroupHash()) {
            expected.put(h.getDataGroupNumber(), h.getDataGroupHashValue().getOctets());
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(lds.getDigestAlgorithmIdentifier().getAlgorithm().getId());
        } catch (GeneralSecurityException e) {
            throw new ChipDataException("EF.SOD names an unknown hash: " + lds.getDigestAlgorithmIdentifier().getAlgorithm());
        }
        for (Map.Entry<Integer, byte[]> g : groups.entrySet()) {
            byte[] want = expected.get(g.getKey());
            if (want == null || !MessageDigest.isEqual(want, digest.digest(g.getValue()))) {
                throw new ChipSignatureException(ChipSignatureException.Kind.MISMATCH, "DG" + g.getKey() + " does not match the SOD");
            }
        }
    }
}
