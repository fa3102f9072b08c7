package vn.motcua.kiosk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.motcua.kiosk.signing.DossierSigner;
import vn.motcua.kiosk.signing.SigningProgress;
import vn.motcua.kiosk.signing.TokenInfo;
import vn.motcua.kiosk.signing.DriverCatalogue;
import vn.motcua.kiosk.signing.pades.PadesSigner;
import vn.motcua.kiosk.signing.pkcs11.TokenDiscovery;
import vn.motcua.kiosk.signing.pkcs11.TokenLogin;

/**
 * Time to a signed 50-page dossier PDF (PIN entry excluded: one login, then N signatures) with the
 * kiosk's iText signer, against the same CAdES-detached signature made with PDFBox + BouncyCastle
 * CMS in the same run, the key in the same SoftHSM token. Usage:
 * SigningBench LIBRARY TOKEN_LABEL RUNS OUTDIR  (PIN from KIOSK_TEST_PIN).
 */
public final class SigningBench {
    public static void main(String[] args) throws Exception {
        String library = args[0];
        String label = args[1];
        int runs = Integer.parseInt(args[2]);
        Path out = Files.createDirectories(Path.of(args[3]));
        Path input = makePdf(out.resolve("dossier-50p.pdf"), 50);

        TokenInfo token = new TokenDiscovery().scan(new DriverCatalogue.PresentDriver("bench", library, null)).stream()
                .filter(t -> t.label().equals(label)).findFirst().orElseThrow(() -> new IllegalStateException("no token " + label));
        PadesSigner itext = new PadesSigner(Clock.systemDefaultZone(), Optional.empty(), PadesSigner.AppearanceWords.VIETNAMESE);
        List<Double> itextMs = new ArrayList<>();
        List<Double> pdfboxMs = new ArrayList<>();
        try (TokenLogin login = TokenLogin.open(token, token.certificates().get(0).fingerprint(),
                System.getenv("KIOSK_TEST_PIN").toCharArray(), Clock.systemUTC())) {
            // Warm-up of both paths (class loading, JIT), not counted.
            for (int i = 0; i < 3; i++) {
                signItext(itext, login, token, input, out.resolve("warm-itext.pdf"));
                signPdfbox(login, input, out.resolve("warm-pdfbox.pdf"));
            }
            // Interleaved so that machine noise hits both alike.
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                signItext(itext, login, token, input, out.resolve("itext-signed.pdf"));
                long t1 = System.nanoTime();
                signPdfbox(login, input, out.resolve("pdfbox-signed.pdf"));
                long t2 = System.nanoTime();
                itextMs.add((t1 - t0) / 1e6);
                pdfboxMs.add((t2 - t1) / 1e6);
            }
        }
        double mi = median(itextMs);
        double mp = median(pdfboxMs);
        System.out.printf("input: %s (%d pages, %d bytes), key: %s, runs: %d%n", input.getFileName(), 50, Files.size(input),
                token.certificates().get(0).certificate().getPublicKey().getAlgorithm(), runs);
        System.out.printf("iText 9 PAdES B-B (visible signature, embedded font): median %.1f ms  %s%n", mi, itextMs);
        System.out.printf("PDFBox 3 + BC CMS (invisible signature):             median %.1f ms  %s%n", mp, pdfboxMs);
        System.out.printf("ratio iText / PDFBox: %.2f%n", mi / mp);
    }

    private static void signItext(PadesSigner signer, TokenLogin login, TokenInfo token, Path in, Path target) throws Exception {
        signer.signAll(login, new DossierSigner.Request(token, login.certificate().fingerprint(),
                List.of(new DossierSigner.Document(in, target)), "Nộp hồ sơ trực tuyến", "Bộ phận Một cửa"), SigningProgress.NONE);
    }

    /** The PDFBox way: an incremental save with a CAdES-detached CMS made by BouncyCastle over SunPKCS11. */
    private static void signPdfbox(TokenLogin login, Path in, Path target) throws Exception {
        try (PDDocument doc = Loader.loadPDF(in.toFile()); OutputStream os = Files.newOutputStream(target)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            sig.setName(login.certificate().holderName());
            sig.setReason("Nộp hồ sơ trực tuyến");
            sig.setLocation("Bộ phận Một cửa");
            sig.setSignDate(Calendar.getInstance());
            doc.addSignature(sig, content -> cms(login, content));
            doc.saveIncremental(os);
        }
    }

    private static byte[] cms(TokenLogin login, InputStream content) throws IOException {
        try {
            byte[] data = content.readAllBytes();
            X509Certificate cert = (X509Certificate) login.chain()[0];
            String alg = "EC".equals(login.key().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            // PAdES B-B needs the signing-certificate-v2 attribute, as iText adds it.
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                    MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
            Attribute scv2 = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(scv2)))
                    .build(new JcaContentSignerBuilder(alg).setProvider(login.provider()).build(login.key()), cert));
            gen.addCertificates(new JcaCertStore(List.of(login.chain())));
            return gen.generate(new CMSProcessableByteArray(data), false).getEncoded();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static Path makePdf(Path file, int pages) throws IOException {
        Files.deleteIfExists(file);
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.newLineAtOffset(60, 780);
                    for (int line = 0; line < 50; line++) {
                        cs.showText("Trang " + i + " dong " + line + ": to khai, giay to kem theo, noi dung ho so thu nghiem.");
                        cs.newLineAtOffset(0, -14);
                    }
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
