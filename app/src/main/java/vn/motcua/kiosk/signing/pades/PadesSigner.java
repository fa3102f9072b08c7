package vn.motcua.kiosk.signing.pades;

import com.itextpdf.forms.form.element.SignatureFieldAppearance;
import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.font.PdfFontFactory.EmbeddingStrategy;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.BouncyCastleDigest;
import com.itextpdf.signatures.ITSAClient;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.SignerProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.signing.DocumentException;
import vn.motcua.kiosk.signing.DossierSigner;
import vn.motcua.kiosk.signing.DriverException;
import vn.motcua.kiosk.signing.SigningException;
import vn.motcua.kiosk.signing.SigningProgress;
import vn.motcua.kiosk.signing.TokenRemovedException;
import vn.motcua.kiosk.signing.pkcs11.Pkcs11Errors;
import vn.motcua.kiosk.signing.pkcs11.TokenLogin;

/**
 * PAdES baseline B-B (B-T with a timestamp authority) with SHA-256 through iText, the key staying
 * in the token. A visible signature on the last page shows the holder's name, the time and the
 * reason in an embedded Noto Sans, which covers Vietnamese.
 */
public final class PadesSigner implements DossierSigner {
    private static final Logger LOG = LoggerFactory.getLogger(PadesSigner.class);
    private static final String FONT = "/fonts/NotoSans-Regular.ttf";
    // Room for the CMS container: a 4096-bit chain plus a timestamp token fits with margin.
    private static final int SIGNATURE_SIZE_TSA = 24_000;

    /** The words of the visible signature (Vietnamese on a Vietnamese kiosk); {0} is the name/time. */
    public record AppearanceWords(String signedBy, String time, String reason) {
        public static final AppearanceWords VIETNAMESE = new AppearanceWords("Ký bởi: {0}", "Thời gian: {0}", "Lý do: {0}");

        public static AppearanceWords from(vn.motcua.kiosk.i18n.Messages m) {
            return new AppearanceWords(m.get("signing.appearance.signed-by", "{0}"), m.get("signing.appearance.time", "{0}"),
                    m.get("signing.appearance.reason", "{0}"));
        }
    }

    private final Clock clock;
    private final Optional<String> tsaUrl;
    private final AppearanceWords words;
    private final byte[] font;

    public PadesSigner(Clock clock, Optional<String> tsaUrl, AppearanceWords words) {
        this.clock = clock;
        this.tsaUrl = tsaUrl;
        this.words = words;
        try (InputStream in = PadesSigner.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " missing from the application");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Path> signDossier(Request request, char[] pin, SigningProgress progress) throws SigningException {
        // TokenLogin wipes the PIN whatever happens; one login signs every document.
        try (TokenLogin login = TokenLogin.open(request.token(), request.fingerprint(), pin, clock)) {
            return signAll(login, request, progress);
        }
    }

    /** Signs with an open login (the benchmark measures this part, PIN excluded). */
    public List<Path> signAll(TokenLogin login, Request request, SigningProgress progress) throws SigningException {
        List<Path> done = new ArrayList<>();
        int total = request.documents().size();
        for (Document doc : request.documents()) {
            try {
                signOne(login, doc, request.reason(), request.location());
            } catch (SigningException e) {
                throw e instanceof TokenRemovedException r ? r.withSignedBefore(done.size()) : e;
            }
            done.add(doc.target());
            progress.signed(done.size(), total);
        }
        LOG.info("signed {} document(s) ({})", total, tsaUrl.isPresent() ? "PAdES B-T" : "PAdES B-B");
        return done;
    }

    private void signOne(TokenLogin login, Document doc, String reason, String location) throws SigningException {
        String name = doc.source().getFileName().toString();
        Path partial = doc.target().resolveSibling(doc.target().getFileName() + ".part");
        try {
            // Written beside the target and moved at the end: a token pulled mid-way leaves no half-signed file.
            try (PdfReader reader = new PdfReader(doc.source().toFile());
                 OutputStream out = Files.newOutputStream(partial)) {
                PdfSigner signer = new PdfSigner(reader, out, new StampingProperties().useAppendMode());
                int lastPage = signer.getDocument().getNumberOfPages();
                Rectangle page = signer.getDocument().getPage(lastPage).getCropBox();
                Rectangle box = new Rectangle(page.getRight() - 36 - 240, page.getBottom() + 36, 240, 72);

                ZonedDateTime now = ZonedDateTime.now(clock);
                Calendar when = GregorianCalendar.from(now);
                String holder = nfc(login.certificate().holderName());
                SignatureFieldAppearance appearance = new SignatureFieldAppearance(SignerProperties.IGNORED_ID);
                // Our own lines rather than SignedAppearanceText, whose captions are English.
                appearance.setContent(format(words.signedBy(), holder) + "\n"
                        + format(words.time(), String.format("%1$td/%1$tm/%1$tY %1$tH:%1$tM %1$tZ", now)) + "\n"
                        + format(words.reason(), nfc(reason)));
                appearance.setFont(PdfFontFactory.createFont(font, PdfEncodings.IDENTITY_H, EmbeddingStrategy.FORCE_EMBEDDED));
                appearance.setFontSize(8);

                signer.setSignerProperties(new SignerProperties()
                        .setFieldName(signer.getNewSigFieldName())
                        .setPageNumber(lastPage)
                        .setPageRect(box)
                        .setSignatureAppearance(appearance)
                        .setReason(nfc(reason))
                        .setLocation(nfc(location))
                        .setClaimedSignDate(when)
                        .setSignatureCreator("Mot Cua Kiosk"));
                ITSAClient tsa = tsaUrl.map(url -> (ITSAClient) new TimestampClient(url)).orElse(null);
                signer.signDetached(new BouncyCastleDigest(), new Pkcs11Signature(login.key(), login.provider()),
                        login.chain(), null, null, tsa, tsa == null ? 0 : SIGNATURE_SIZE_TSA,
                        PdfSigner.CryptoStandard.CADES);
            }
            Files.move(partial, doc.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (Exception e) {
            deleteQuietly(partial);
            // The TSA is asked after the token has signed: its failure is neither the token's nor the PDF's.
            Optional<TimestampClient.Failure> tsaFailure = TimestampClient.Failure.in(e);
            if (tsaFailure.isPresent()) {
                throw tsaFailure.get().toSigningException();
            }
            Optional<String> ckr = Pkcs11Errors.ckr(e);
            if (ckr.isPresent() && Pkcs11Errors.isRemoval(ckr.get()) || Pkcs11Errors.saysRemoved(e)) {
                throw new TokenRemovedException(0, e);
            }
            if (ckr.isPresent() || e instanceof java.security.ProviderException) {
                throw new DriverException(DriverException.Kind.CRASHED, login.provider().getName(), e);
            }
            throw new DocumentException(name, e);
        }
    }

    private static String format(String pattern, String value) {
        return pattern.replace("{0}", value);
    }

    private static String nfc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover .part file is not a signed document
        }
    }

}
