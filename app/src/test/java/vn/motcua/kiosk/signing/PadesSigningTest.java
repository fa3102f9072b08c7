package vn.motcua.kiosk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.signing.DossierSigner.Document;
import vn.motcua.kiosk.signing.DossierSigner.Request;
import vn.motcua.kiosk.signing.pades.PadesSigner;
import vn.motcua.kiosk.signing.pades.PadesVerifier;

/** Signing real PDFs with real SoftHSM2 keys; pdfsig and the project's verifier judge the result. */
class PadesSigningTest {
    private final PadesSigner signer = new PadesSigner(Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")), Optional.empty(),
            PadesSigner.AppearanceWords.VIETNAMESE);
    private final PadesVerifier verifier = new PadesVerifier();

    @TempDir
    Path dir;

    @Test
    void rsaTokenSignsEveryPdfOfTheDossierWithOnePin() throws Exception {
        List<Path> signed = signDossier(SoftHsm.RSA, 3);
        assertThat(signed).hasSize(3);
        for (Path pdf : signed) {
            assertValid(pdf, "Nguyễn Văn An");
        }
        // The visible signature is on the last page, in Vietnamese, with the holder's name in NFC.
        try (PdfDocument doc = new PdfDocument(new PdfReader(signed.get(0).toFile()))) {
            var acro = com.itextpdf.forms.PdfAcroForm.getAcroForm(doc, false);
            var field = acro.getField(new com.itextpdf.signatures.SignatureUtil(doc).getSignatureNames().get(0));
            var widget = field.getWidgets().get(0);
            assertThat(doc.getPageNumber(widget.getPage())).isEqualTo(doc.getNumberOfPages());
            assertThat(widget.getNormalAppearanceObject()).isNotNull();
        }
        // The Unicode font is embedded (a subset, prefixed like ABCDEF+NotoSans-Regular).
        assertThat(new String(Files.readAllBytes(signed.get(0)), java.nio.charset.StandardCharsets.ISO_8859_1))
                .containsPattern("/[A-Z]{6}\\+NotoSans-Regular");
    }

    @Test
    void ecTokenSignsAndPdfsigAgrees() throws Exception {
        List<Path> signed = signDossier(SoftHsm.EC, 1);
        assertValid(signed.get(0), "Trần Thị Bình");
    }

    @Test
    void pdfAlteredAfterSigningIsReportedAsAltered() throws Exception {
        Path signed = signDossier(SoftHsm.RSA, 1).get(0);

        // 1. A byte changed inside the signed range: the signature no longer matches.
        byte[] bytes = Files.readAllBytes(signed);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/MediaBox");
        assertThat(at).isPositive();
        bytes[at + 1] = (byte) 'm'; // "/mediaBox": still parses, no longer the signed bytes
        Path tampered = Files.write(dir.resolve("tampered.pdf"), bytes);
        PadesVerifier.Report report = verifier.verify(tampered);
        assertThat(report.altered()).isTrue();
        assertThat(report.signatures()).anyMatch(s -> !s.intact());
        assertThat(Pdfs.pdfsig(tampered)).doesNotContain("Signature is Valid");

        // 2. A page added after signing, as an incremental update: the signature is intact but no
        //    longer covers the whole file.
        Path appended = dir.resolve("appended.pdf");
        try (PdfDocument doc = new PdfDocument(new PdfReader(signed.toFile()), new PdfWriter(appended.toFile()),
                new StampingProperties().useAppendMode())) {
            doc.addNewPage();
        }
        PadesVerifier.Report after = verifier.verify(appended);
        assertThat(after.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.coversWholeDocument()).isFalse();
        });
        assertThat(after.altered()).isTrue();
        assertThat(Pdfs.pdfsig(appended)).doesNotContain("Total document signed");
    }

    @Test
    void unsignedPdfIsReportedAsNotSigned() throws Exception {
        PadesVerifier.Report r = verifier.verify(Pdfs.make(dir.resolve("plain.pdf"), 1));
        assertThat(r.signed()).isFalse();
        assertThat(r.altered()).isFalse();
    }

    private List<Path> signDossier(String label, int count) throws Exception {
        TokenInfo token = SoftHsm.token(label, null);
        List<Document> docs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Path src = Pdfs.make(dir.resolve(label + "-" + i + ".pdf"), i + 1);
            docs.add(new Document(src, dir.resolve(label + "-" + i + "-signed.pdf")));
        }
        List<Integer> progress = new ArrayList<>();
        char[] pin = SoftHsm.pin();
        List<Path> out = signer.signDossier(new Request(token, token.certificates().get(0).fingerprint(), docs,
                "Nộp hồ sơ trực tuyến", "Bộ phận Một cửa"), pin, (done, total) -> progress.add(done));
        assertThat(pin).as("PIN wiped").containsOnly('\0');
        assertThat(progress).hasSize(count);
        return out;
    }

    private void assertValid(Path pdf, String holder) throws Exception {
        String report = Pdfs.pdfsig(pdf);
        assertThat(report).contains("Signature is Valid").contains("Total document signed")
                .contains("SHA-256").contains("ETSI.CAdES.detached");
        PadesVerifier.Report own = verifier.verify(pdf);
        assertThat(own.altered()).isFalse();
        assertThat(own.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.coversWholeDocument()).isTrue();
            assertThat(s.signerName()).isEqualTo(holder);
            assertThat(s.signingTime()).isNotNull();
        });
        try (PdfDocument doc = new PdfDocument(new PdfReader(pdf.toFile()))) {
            assertThat(PdfTextExtractor.getTextFromPage(doc.getPage(1))).contains("Ho so thu nghiem");
        }
    }
}
