// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.signing.pades;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import vn.motcua.kiosk.signing.TrustedSigners;

/**
 * Is an e-result genuine before it is printed as one? Signed, every signature intact, the last
 * one over the whole file, and made with a certificate that chains to one of the
 * {@link TrustedSigners} and was valid when it signed. Revocation is not checked: the kiosk may be
 * offline, and the portal it fetched the result from is the one that vouches for its officers.
 */
public final class ResultVerifier {
    /** Why a result is not genuine (null in a genuine {@link Verdict}). */
    public enum Problem {
        /** no signature at all */
        UNSIGNED,
        /** a signature does not match the bytes it signed (changed after signing), or the file is unreadable */
        ALTERED,
        /** intact, but something was added after the last signature */
        NOT_WHOLE_FILE,
        /** intact, but signed by a certificate this kiosk has no reason to trust */
        UNTRUSTED
    }

    /**
     * The check of one result: {@code problem} null when genuine. {@code signerName} and
     * {@code signedAt} come from the last signature when there is one. {@code detail} says what
     * failed for the staff log (technical, never the citizen's data).
     */
    public record Verdict(Problem problem, String signerName, Instant signedAt, String detail) {
        public boolean genuine() {
            return problem == null;
        }
    }

    private final PadesVerifier pades;
    private final TrustedSigners trusted;
    private final Clock clock;

    public ResultVerifier(PadesVerifier pades, TrustedSigners trusted, Clock clock) {
        this.pades = pades;
        this.trusted = trusted;
        this.clock = clock;
    }

    public Verdict check(byte[] pdf) {
        PadesVerifier.Report report = pades.verify(pdf);
        if (!report.signed()) {
            return new Verdict(Problem.UNSIGNED, null, null, "no signature");
        }
        PadesVerifier.SignatureReport last = report.last().orElseThrow();
        for (PadesVerifier.SignatureReport s : report.signatures()) {
            if (!s.intact()) {
                return new Verdict(Problem.ALTERED, last.signerName(), last.signingTime(), s.field() + ": " + s.problem());
            }
        }
        if (!last.coversWholeDocument()) {
            return new Verdict(Problem.NOT_WHOLE_FILE, last.signerName(), last.signingTime(), last.field() + ": bytes after the signature");
        }
        String untrusted = untrusted(last);
        if (untrusted != null) {
            return new Verdict(Problem.UNTRUSTED, last.signerName(), last.signingTime(), last.field() + ": " + untrusted);
        }
        return new Verdict(null, last.signerName(), last.signingTime(), null);
    }

    /** Why the signer's certificate does not chain to a trusted CA at signing time; null when it does. */
    private String untrusted(PadesVerifier.SignatureReport s) {
        if (s.certificates().isEmpty()) {
            return "no signing certificate";
        }
        X509Certificate signer = s.certificates().get(0);
        boolean[] usage = signer.getKeyUsage();
        if (usage != null && !(usage[0] || (usage.length > 1 && usage[1]))) {
            return "certificate not meant for signing";
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(trusted.anchors(), target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(s.signingTime() == null ? clock.instant() : s.signingTime()));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(s.certificates())));
            CertPathBuilder.getInstance("PKIX").build(params);
            return null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return "no trusted chain (" + e.getClass().getSimpleName() + ")";
        }
    }
}
