// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.sf.scuba.data.Gender;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jmrtd.BACKey;
import org.jmrtd.lds.CardAccessFile;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.icao.MRZInfo;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;

/**
 * A synthetic citizen's chip ID card (CCCD, ICAO 9303 eMRTD with a TD1 MRZ) as the files the virtual
 * card serves ({@link VirtualChipCard}, scripts/services/vicc-icao.py): EF.COM, DG1 (MRZ), DG2 (a
 * generated JPEG face), DG13 (caller's bytes), EF.CardAccess when it offers PACE, and EF.SOD, signed over those data groups with SHA-256
 * by a document signer that a test CSCA issued. Keys are made per card (EC P-256) and live only in
 * memory; {@link #writeTo} writes the card's files (certificates, no keys) where the test says.
 *
 * <pre>{@code
 * TestChip chip = TestChip.builder().dg13(myDg13).build();
 * try (VirtualChipCard card = new VirtualChipCard(tempDir)) {
 *     card.insert(chip.writeTo(tempDir.resolve("card")), 0);
 *     ... new BACKey(chip.documentNumber(), chip.dateOfBirth(), chip.dateOfExpiry()) ...
 * }
 * }</pre>
 */
public final class TestChip {
    /** File identifiers, as the card names its files. */
    public static final short EF_COM = 0x011E;
    public static final short EF_DG1 = 0x0101;
    public static final short EF_DG2 = 0x0102;
    public static final short EF_DG13 = 0x010D;
    public static final short EF_SOD = 0x011D;
    /** At MF level, outside the LDS application: present only on a {@link Builder#pace()} card. */
    public static final short EF_CARD_ACCESS = 0x011C;

    /** The PACE suite a {@link Builder#pace()} card offers: generic mapping, ECDH, AES-128 with CMAC. */
    public static final String PACE_OID = PACEInfo.ID_PACE_ECDH_GM_AES_CBC_CMAC_128;
    /** Standardized domain parameters 12: NIST P-256 (ICAO 9303-11, 9.5.1). */
    public static final int PACE_PARAMETER_ID = PACEInfo.PARAM_ID_ECP_NIST_P256_R1;

    /**
     * The MRZ's date of expiry for a card that never expires (a CCCD issued after 60): six filler
     * characters. JMRTD's MRZInfo accepts and round-trips it; its check digit is 0, and BAC takes it
     * as it is printed. A real card's choice may differ: check against one before relying on it.
     */
    public static final String NO_EXPIRY = "<<<<<<";

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final MRZInfo mrz;
    private final String idNumber;
    private final byte[] faceJpeg;
    private final byte[] dg13;
    private final Csca csca;
    private final X509Certificate documentSigner;
    private final Map<Short, byte[]> files;

    private TestChip(Builder b) throws GeneralSecurityException, IOException {
        idNumber = b.idNumber;
        // CCCD: document number = the last 9 digits of the 12-digit ID number, which follows in
        // optional data 1.
        mrz = MRZInfo.createTD1MRZInfo("ID", "VNM", b.idNumber.substring(3), b.idNumber, b.dateOfBirth, b.gender,
                b.dateOfExpiry, "VNM", "", b.surname, b.givenNames);
        faceJpeg = b.faceJpeg != null ? b.faceJpeg.clone() : face(b.idNumber.hashCode());
        byte[] dg13Bytes = b.dg13 != null ? b.dg13.clone() : sampleDg13(b.idNumber, b.surname + " " + b.givenNames);

        Map<Integer, byte[]> dataGroups = new LinkedHashMap<>();
        dataGroups.put(1, new DG1File(mrz).getEncoded());
        dataGroups.put(2, dg2(faceJpeg).getEncoded());
        dataGroups.put(13, dg13Bytes);

        Map<Integer, byte[]> hashes = new LinkedHashMap<>();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        dataGroups.forEach((n, bytes) -> hashes.put(n, sha256.digest(bytes)));

        csca = b.csca != null ? b.csca : Csca.generate("Test CSCA");
        // Unknown CSCA: the card's signer comes from a CSCA the kiosk does not trust; csca() still
        // returns the one a trust file would name.
        Csca issuer = b.unknownCsca ? Csca.generate("Unknown CSCA") : csca;
        KeyPair signerKeys = ecKeyPair();
        documentSigner = issuer.issueDocumentSigner(signerKeys);
        byte[] sod = new SODFile("SHA-256", "SHA256withECDSA", hashes, signerKeys.getPrivate(), documentSigner).getEncoded();

        if (b.tamperDg13) {
            // After signing: the stored hash no longer matches. The last byte is inside the last
            // value, so DG13 still parses.
            byte[] tampered = dataGroups.get(13).clone();
            tampered[tampered.length - 1] ^= 0x01;
            dataGroups.put(13, tampered);
        }
        dg13 = dataGroups.get(13);

        files = new LinkedHashMap<>();
        if (b.pace) {
            files.put(EF_CARD_ACCESS, new CardAccessFile(List.of(new PACEInfo(PACE_OID, 2, PACE_PARAMETER_ID))).getEncoded());
        }
        files.put(EF_COM, new COMFile("1.7", "4.0.0", new int[] {0x61, 0x75, 0x6D}).getEncoded());
        files.put(EF_DG1, dataGroups.get(1));
        files.put(EF_DG2, dataGroups.get(2));
        files.put(EF_DG13, dataGroups.get(13));
        files.put(EF_SOD, sod);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Writes the card's files into dir (made if missing), named by FID in hex; returns dir. */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<Short, byte[]> f : files.entrySet()) {
                Files.write(dir.resolve(String.format("%04X", f.getKey())), f.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BAC input: the MRZ's document number (the last 9 digits of the ID number). */
    public String documentNumber() {
        return mrz.getDocumentNumber();
    }

    /** BAC input: yyMMdd. */
    public String dateOfBirth() {
        return mrz.getDateOfBirth();
    }

    /** BAC input: yyMMdd, or {@link #NO_EXPIRY}. */
    public String dateOfExpiry() {
        return mrz.getDateOfExpiry();
    }

    /** The key a reader derives from the card's printed MRZ. */
    public BACKey bacKey() {
        return new BACKey(documentNumber(), dateOfBirth(), dateOfExpiry());
    }

    public String idNumber() {
        return idNumber;
    }

    public MRZInfo mrz() {
        return mrz;
    }

    public byte[] faceJpeg() {
        return faceJpeg.clone();
    }

    /** DG13 as the card holds it (tampered, if the builder said so). */
    public byte[] dg13() {
        return dg13.clone();
    }

    /** A file's bytes as the card serves them, by FID ({@link #EF_COM}...). */
    public byte[] file(short fid) {
        byte[] f = files.get(fid);
        if (f == null) {
            throw new IllegalArgumentException(String.format("no file %04X", fid));
        }
        return f.clone();
    }

    /** The CSCA a kiosk's trust file would hold (not the signer's issuer under unknownCsca). */
    public X509Certificate cscaCertificate() {
        return csca.certificate();
    }

    public X509Certificate documentSignerCertificate() {
        return documentSigner;
    }

    /** A country signing CA for test cards; several cards may share one. Its key stays in memory. */
    public record Csca(X509Certificate certificate, KeyPair keys) {
        public static Csca generate(String commonName) {
            try {
                KeyPair keys = ecKeyPair();
                X500Name name = new X500Name("C=VN,O=Mot Cua Kiosk tests,CN=" + commonName);
                Instant now = Instant.now();
                JcaX509v3CertificateBuilder cert = new JcaX509v3CertificateBuilder(name,
                        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                        Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
                cert.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                cert.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                return new Csca(sign(cert, keys), keys);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        X509Certificate issueDocumentSigner(KeyPair signer) throws GeneralSecurityException, IOException {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder cert = new JcaX509v3CertificateBuilder(certificate,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))),
                    new X500Name("C=VN,O=Mot Cua Kiosk tests,CN=Test document signer"), signer.getPublic());
            cert.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            return sign(cert, keys);
        }
    }

    /** Options; every one has a synthetic default (no such person). */
    public static final class Builder {
        private String idNumber = "001090012345";
        private String surname = "NGUYEN";
        private String givenNames = "VAN AN";
        private String dateOfBirth = "900115";
        private Gender gender = Gender.MALE;
        private String dateOfExpiry = "350115";
        private byte[] faceJpeg;
        private byte[] dg13;
        private Csca csca;
        private boolean unknownCsca;
        private boolean tamperDg13;
        private boolean pace;

        private Builder() {}

        /** 12 digits; the MRZ's document number is its last 9. */
        public Builder idNumber(String twelveDigits) {
            if (!twelveDigits.matches("\\d{12}")) {
                throw new IllegalArgumentException("a CCCD number has 12 digits: " + twelveDigits);
            }
            idNumber = twelveDigits;
            return this;
        }

        /** As the MRZ writes them: A-Z without diacritics, spaces between words. */
        public Builder name(String surname, String givenNames) {
            this.surname = surname;
            this.givenNames = givenNames;
            return this;
        }

        public Builder dateOfBirth(String yyMMdd) {
            dateOfBirth = yyMMdd;
            return this;
        }

        public Builder gender(Gender gender) {
            this.gender = gender;
            return this;
        }

        public Builder dateOfExpiry(String yyMMdd) {
            dateOfExpiry = yyMMdd;
            return this;
        }

        /** A card that never expires: see {@link #NO_EXPIRY}. */
        public Builder noExpiry() {
            return dateOfExpiry(NO_EXPIRY);
        }

        public Builder faceJpeg(byte[] jpeg) {
            faceJpeg = jpeg.clone();
            return this;
        }

        /** The whole EF.DG13 (tag 6D and its length first); default: {@link #sampleDg13}. */
        public Builder dg13(byte[] file) {
            dg13 = file.clone();
            return this;
        }

        public Builder csca(Csca csca) {
            this.csca = csca;
            return this;
        }

        /** Signed by a document signer from a CSCA other than {@link TestChip#cscaCertificate()}. */
        public Builder signedByUnknownCsca() {
            unknownCsca = true;
            return this;
        }

        /** One byte of DG13 changed after EF.SOD was signed: its hash no longer matches. */
        public Builder tamperDg13AfterSigning() {
            tamperDg13 = true;
            return this;
        }

        /**
         * The card offers PACE with the MRZ password in EF.CardAccess ({@link #PACE_OID}, parameters
         * {@link #PACE_PARAMETER_ID}); it still accepts BAC, as ICAO 9303 lets a terminal choose.
         */
        public Builder pace() {
            pace = true;
            return this;
        }

        public TestChip build() {
            try {
                return new TestChip(this);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A stand-in DG13 (tag 6D around a DER SEQUENCE): the ID number and name, nothing of the real
     * CCCD layout, which the production encoder and decoder own.
     */
    public static byte[] sampleDg13(String idNumber, String name) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new DERPrintableString(idNumber));
        v.add(new DERUTF8String(name));
        try {
            return new DERTaggedObject(true, BERTags.APPLICATION, 13, new DERSequence(v)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A face-sized JPEG of about 10 KB: smooth shapes over seeded noise, so it does not compress to
     * nothing and its bytes depend on the seed only.
     */
    public static byte[] face(long seed) {
        BufferedImage img = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int g = 150 + random.nextInt(60);
                img.setRGB(x, y, new Color(g, g, Math.min(255, g + 20)).getRGB());
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(222, 184, 150));
        g.fillOval(25, 25, 70, 95);
        g.setColor(Color.DARK_GRAY);
        g.fillOval(42, 60, 10, 6);
        g.fillOval(68, 60, 10, 6);
        g.dispose();
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.9f);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, null), p);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DG2File dg2(byte[] jpeg) throws IOException {
        FaceImageInfo image = new FaceImageInfo(Gender.UNSPECIFIED, FaceImageInfo.EyeColor.UNSPECIFIED, 0,
                FaceImageInfo.HAIR_COLOR_UNSPECIFIED, 0, new int[3], new int[3], FaceImageInfo.FACE_IMAGE_TYPE_FULL_FRONTAL,
                FaceImageInfo.IMAGE_COLOR_SPACE_RGB24, FaceImageInfo.SOURCE_TYPE_STATIC_PHOTO_DIGITAL_CAM, 0, 0,
                new FaceImageInfo.FeaturePoint[0], 120, 160, new ByteArrayInputStream(jpeg), jpeg.length,
                FaceImageInfo.IMAGE_DATA_TYPE_JPEG);
        return new DG2File(Arrays.asList(new FaceInfo(Arrays.asList(image))));
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder cert, KeyPair issuer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    cert.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
