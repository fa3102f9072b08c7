package vn.motcua.kiosk.signing.pades;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.kiosk.signing.CertificateInfo;

/**
 * The project's own check of a signed PDF, for the review screen ("Đã ký", signer, time) and the
 * e-results: is each signature intact, and does the last one cover the whole file (nothing
 * appended after it)? It does not judge trust in the CA: the portal does that for what the kiosk
 * signs, {@link ResultVerifier} for the e-results the kiosk prints.
 */
public final class PadesVerifier {

    /**
     * One signature. {@code timestamped}: a timestamp token (PAdES B-T) is embedded, and then
     * {@code signingTime} is the authority's time ({@code timestampTime}, also given on its own) and
     * {@code timestampAuthority} the name in the authority's certificate; otherwise both are null and
     * {@code signingTime} is the time the signer's computer claimed. {@code intact} covers the
     * timestamp too: its imprint must match the signature and its own signature must verify with a
     * certificate meant for timestamping. {@code certificates}: the signing certificate first, then
     * the others the signature carries (empty when it could not be read).
     */
    public record SignatureReport(String field, String signerName, Instant signingTime, boolean intact,
                                  boolean coversWholeDocument, boolean timestamped, Instant timestampTime,
                                  String timestampAuthority, String problem, List<X509Certificate> certificates) {
        public SignatureReport {
            certificates = List.copyOf(certificates);
        }
    }

    private static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

    /** The whole file: signed and unaltered only if every signature is intact and the last covers all. */
    public record Report(List<SignatureReport> signatures) {
        public Report {
            signatures = List.copyOf(signatures);
        }

        public boolean signed() {
            return !signatures.isEmpty();
        }

        public boolean altered() {
            return signatures.stream().anyMatch(s -> !s.intact())
                    || (signed() && !signatures.get(signatures.size() - 1).coversWholeDocument());
        }

        public Optional<SignatureReport> last() {
            return signatures.isEmpty() ? Optional.empty() : Optional.of(signatures.get(signatures.size() - 1));
        }
    }

    /** Never throws for a damaged file: a PDF that cannot be read is reported as altered. */
    public Report verify(Path pdf) {
        return verify(() -> new PdfReader(pdf.toFile()));
    }

    /** The same for a PDF held in memory only (an e-result is never written to the shared machine). */
    public Report verify(byte[] pdf) {
        return verify(() -> new PdfReader(new ByteArrayInputStream(pdf)));
    }

    private interface Source {
        PdfReader open() throws IOException;
    }

    private static Report verify(Source source) {
        List<SignatureReport> out = new ArrayList<>();
        try (PdfDocument doc = new PdfDocument(source.open())) {
            SignatureUtil util = new SignatureUtil(doc);
            for (String name : util.getSignatureNames()) {
                out.add(check(util, name));
            }
        } catch (Exception e) {
            out.add(new SignatureReport("-", "", null, false, false, false, null, null, "unreadable: " + e.getMessage(), List.of()));
        }
        return new Report(out);
    }

    private static SignatureReport check(SignatureUtil util, String name) {
        boolean covers = false;
        try {
            covers = util.signatureCoversWholeDocument(name);
            PdfPKCS7 pkcs7 = util.readSignatureData(name);
            boolean intact = pkcs7.verifySignatureIntegrityAndAuthenticity();
            boolean timestamped = pkcs7.getTimeStampTokenInfo() != null;
            String problem = intact ? null : "signature does not match the signed bytes";
            Instant tsTime = null;
            String tsAuthority = null;
            if (timestamped) {
                tsTime = pkcs7.getTimeStampDate().toInstant();
                PdfPKCS7 token = pkcs7.getTimestampSignatureContainer();
                X509Certificate tsa = token.getSigningCertificate();
                tsAuthority = tsa == null ? "" : CertificateInfo.of(tsa).holderName();
                if (!pkcs7.verifyTimestampImprint()) {
                    problem = "timestamp is not over this signature";
                } else if (!token.verifySignatureIntegrityAndAuthenticity()) {
                    problem = "timestamp's own signature does not verify";
                } else if (tsa == null || tsa.getExtendedKeyUsage() == null
                        || !tsa.getExtendedKeyUsage().contains(TIME_STAMPING)) {
                    problem = "timestamp made with a certificate not meant for timestamping";
                }
                intact &= problem == null;
            }
            X509Certificate cert = pkcs7.getSigningCertificate();
            Instant time = timestamped ? tsTime : pkcs7.getSignDate().toInstant();
            List<X509Certificate> certificates = new ArrayList<>(List.of(cert));
            for (java.security.cert.Certificate c : pkcs7.getCertificates()) {
                if (c instanceof X509Certificate x && !x.equals(cert)) {
                    certificates.add(x);
                }
            }
            return new SignatureReport(name, CertificateInfo.of(cert).holderName(), time, intact, covers, timestamped,
                    tsTime, tsAuthority, problem, certificates);
        } catch (Exception e) {
            return new SignatureReport(name, "", null, false, covers, false, null, null, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    List.of());
        }
    }
}
