// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;

/**
 * Signs the training e-result as a portal signs a real one: PAdES (ETSI.CAdES.detached, with the
 * ESS signing-certificate-v2 attribute and no CMS signing-time, as PAdES B-B asks), over the whole
 * file, with the signer's and the CA's certificates embedded.
 *
 * <p>TRAINING ONLY: the key and certificates are fixed resources of this module
 * ({@code result-signer/}), so anyone can sign with them; the training kiosk configuration trusts
 * their CA ({@code kiosk-config/result-signers/training-ca.pem}) so that the training kiosk prints
 * its results out of the box. A fixed pair rather than one generated at start-up because the
 * kiosk's trust is data in its configuration folder, read before any portal runs.
 */
final class ResultSigner {
    private static final String RESOURCES = "vn/motcua/portal/training/result-signer/";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private ResultSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /** The training signer, from this module's resources. */
    static ResultSigner training() {
        try {
            byte[] der = pem(read("signer-key.pem")).get(0);
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (String file : List.of("signer.pem", "ca.pem")) {
                for (byte[] c : pem(read(file))) {
                    chain.add((X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(c)));
                }
            }
            return new ResultSigner(key, chain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("training result signer unreadable", e);
        }
    }

    /** The signer's name as its certificate gives it (CN). */
    String signerName() {
        String dn = chain.get(0).getSubjectX500Principal().getName(X500Principal.RFC2253);
        Matcher m = Pattern.compile("CN=((?:\\\\,|[^,])+)").matcher(dn);
        return m.find() ? m.group(1).replace("\\,", ",") : dn;
    }

    /** {@code pdf} signed by the training signer at {@code when}, as an incremental update. */
    byte[] sign(byte[] pdf, Instant when, String reason) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            sig.setName(signerName());
            sig.setReason(reason);
            Calendar at = GregorianCalendar.from(when.atZone(PortalClock.VIETNAM));
            sig.setSignDate(at);
            doc.addSignature(sig, this::cms);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] cms(InputStream content) throws IOException {
        try {
            byte[] signedBytes = content.readAllBytes();
            X509Certificate signer = chain.get(0);
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
            Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(certHash))));
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(
                    new AttributeTable(signingCertificate));
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    // PAdES: the time is the signature dictionary's /M, not a CMS signing-time.
                    .setSignedAttributeGenerator(params -> defaults.getAttributes(params).remove(CMSAttributes.signingTime))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), new JcaX509CertificateHolder(signer)));
            gen.addCertificates(new JcaCertStore(chain));
            return gen.generate(new CMSProcessableByteArray(signedBytes), false).getEncoded();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot sign the training result", e);
        }
    }

    /** A signed result altered afterwards: one byte of the signed part changed (the Producer). */
    static byte[] tampered(byte[] signed) {
        byte[] out = signed.clone();
        byte[] marker = "Mot Cua training portal".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(out, marker);
        if (at < 0) {
            throw new IllegalStateException("the result has no Producer to alter");
        }
        out[at] = 'N'; // "Not Cua…": still a readable PDF, no longer the signed bytes
        return out;
    }

    /** A signed result with a page added after signing, as an incremental update the signature does not cover. */
    static byte[] appended(byte[] signed) {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDPage page = new PDPage();
            doc.addPage(page);
            page.getCOSObject().setNeedToBeUpdated(true);
            doc.getPages().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String read(String file) throws IOException {
        try (InputStream in = ResultSigner.class.getClassLoader().getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IOException("missing training resource " + RESOURCES + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static List<byte[]> pem(String text) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            out.add(Base64.getMimeDecoder().decode(m.group(2)));
        }
        return out;
    }
}
