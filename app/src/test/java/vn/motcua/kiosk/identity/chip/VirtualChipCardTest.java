// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SignatureException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.scuba.smartcards.APDUEvent;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.jmrtd.BACKey;
import org.jmrtd.CardServiceProtocolException;
import org.jmrtd.PassportService;
import org.jmrtd.WrappedAPDUEvent;
import org.jmrtd.lds.CardAccessFile;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SODFile;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.protocol.AESSecureMessagingWrapper;
import org.jmrtd.protocol.DESedeSecureMessagingWrapper;
import org.jmrtd.protocol.PACEResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test-side chip ID card, read through the real private pcscd with JMRTD itself (not the
 * kiosk's reader): BAC with the MRZ key and secure messaging, every file read whole, a wrong key
 * refused, a card pulled out mid-read, and a card put back; PACE on a card that offers it (right key,
 * wrong key, and BAC still accepted). Then the files {@link TestChip} makes:
 * signed as it says, tampered or from an unknown CSCA when asked.
 */
class VirtualChipCardTest {
    /** JMRTD logs the refusals these tests provoke (6982 before BAC) as warnings; the assertions say what failed. */
    private static final Logger JMRTD_LOG = Logger.getLogger("org.jmrtd");

    static {
        JMRTD_LOG.setLevel(Level.SEVERE);
    }

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- through pcscd

    /**
     * Short APDUs with JMRTD's default block (223 bytes), and extended length with 8000-byte blocks;
     * files selected by FID or by short file identifier. (Through javax.smartcardio and pcscd, an
     * answer above about 8 KB fails: a block of 8100 bytes reads, 8200 does not.)
     */
    @ParameterizedTest(name = "max transceive {0}, block {1}, SFI {2}")
    @CsvSource({"256, 223, false", "256, 223, true", "65536, 8000, false", "65536, 8000, true"})
    void theRightKeyReadsEveryFileWhole(int maxTransceive, int maxBlock, boolean sfi) throws Exception {
        TestChip chip = TestChip.builder().build();
        try (VirtualChipCard card = new VirtualChipCard(dir)) {
            card.insert(chip.writeTo(dir.resolve("card")), 0);
            List<APDUEvent> apdus = new CopyOnWriteArrayList<>();
            PassportService passport = open(card, maxTransceive, maxBlock, sfi);
            try {
                passport.doBAC(chip.bacKey());
                passport.addAPDUListener(apdus::add);

                COMFile com = new COMFile(new ByteArrayInputStream(read(passport, TestChip.EF_COM)));
                assertThat(com.getTagList()).containsExactly(0x61, 0x75, 0x6D);
                byte[] dg1 = read(passport, TestChip.EF_DG1);
                assertThat(new DG1File(new ByteArrayInputStream(dg1)).getMRZInfo().toString())
                        .isEqualTo(chip.mrz().toString());
                byte[] dg2 = read(passport, TestChip.EF_DG2);
                assertThat(dg2.length).as("DG2 spans many reads").isGreaterThan(5000);
                FaceImageInfo face = new DG2File(new ByteArrayInputStream(dg2)).getFaceInfos().get(0).getFaceImageInfos().get(0);
                try (InputStream image = face.getImageInputStream()) {
                    assertThat(image.readAllBytes()).isEqualTo(chip.faceJpeg());
                }
                assertThat(read(passport, TestChip.EF_DG13)).isEqualTo(chip.dg13());
                byte[] sod = read(passport, TestChip.EF_SOD);
                assertThat(sod).isEqualTo(chip.file(TestChip.EF_SOD));
                assertThat(new SODFile(new ByteArrayInputStream(sod)).getDataGroupHashes().get(2))
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(dg2));
            } finally {
                passport.close();
            }
            // On the wire (not JMRTD's unwrapped view), everything after BAC went through secure
            // messaging: command and response MACs checked both ways.
            List<APDUEvent> wire = apdus.stream().filter(e -> !(e instanceof WrappedAPDUEvent)).toList();
            assertThat(wire).as("APDUs after BAC").isNotEmpty()
                    .allMatch(e -> (e.getCommandAPDU().getCLA() & 0x0C) == 0x0C, "CLA marks secure messaging");
        }
    }

    @Test
    void aWrongKeyFailsBacAndNothingIsReadableWithoutIt() throws Exception {
        TestChip chip = TestChip.builder().build();
        try (VirtualChipCard card = new VirtualChipCard(dir)) {
            card.insert(chip.writeTo(dir.resolve("card")), 0);
            PassportService passport = open(card, PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
                    PassportService.DEFAULT_MAX_BLOCKSIZE, false);
            try {
                assertThatThrownBy(() -> read(passport, TestChip.EF_DG1)).as("DG1 before BAC")
                        .hasStackTraceContaining("6982");
                BACKey wrongBirth = new BACKey(chip.documentNumber(), "900116", chip.dateOfExpiry());
                assertThatThrownBy(() -> passport.doBAC(wrongBirth)).isInstanceOf(CardServiceException.class);
                assertThatThrownBy(() -> read(passport, TestChip.EF_DG1)).as("DG1 after a failed BAC")
                        .hasStackTraceContaining("6982");
                // The same session with the right key reads: the refusals above were the key's doing.
                passport.doBAC(chip.bacKey());
                assertThat(read(passport, TestChip.EF_DG1)).isEqualTo(chip.file(TestChip.EF_DG1));
            } finally {
                passport.close();
            }
        }
    }

    /** A reader tries PACE first: with no EF.CardAccess the card offers none, and BAC still works. */
    @Test
    void withoutCardAccessThereIsNoPaceAndAbsentFilesAreNotFound() throws Exception {
        TestChip chip = TestChip.builder().build();
        try (VirtualChipCard card = new VirtualChipCard(dir)) {
            card.insert(chip.writeTo(dir.resolve("card")), 0);
            PassportService passport = new PassportService(CardService.getInstance(card.terminal()),
                    PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, PassportService.DEFAULT_MAX_BLOCKSIZE, false, true);
            passport.open();
            try {
                assertThatThrownBy(() -> read(passport, PassportService.EF_CARD_ACCESS)).hasStackTraceContaining("6A82");
                passport.sendSelectApplet(false);
                passport.doBAC(chip.bacKey());
                // Under secure messaging too: DG14 (chip authentication) is not on this card.
                assertThatThrownBy(() -> read(passport, PassportService.EF_DG14)).hasStackTraceContaining("6A82");
                assertThat(read(passport, TestChip.EF_DG13)).isEqualTo(chip.dg13());
            } finally {
                passport.close();
            }
        }
    }

    @Test
    void aCardPulledOutMidReadFailsThatRead() throws Exception {
        TestChip chip = TestChip.builder().build();
        try (VirtualChipCard card = new VirtualChipCard(dir)) {
            card.insert(chip.writeTo(dir.resolve("card")), 3);
            List<APDUEvent> answered = new CopyOnWriteArrayList<>();
            PassportService passport = open(card, PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
                    PassportService.DEFAULT_MAX_BLOCKSIZE, false);
            try {
                passport.doBAC(chip.bacKey());
                passport.addAPDUListener(answered::add);
                assertThatThrownBy(() -> read(passport, TestChip.EF_DG2)).as("DG2 (%d bytes) read while the card leaves",
                        chip.file(TestChip.EF_DG2).length).isInstanceOfAny(IOException.class, CardServiceException.class,
                                RuntimeException.class);
            } finally {
                passport.close();
            }
            assertThat(answered.stream().filter(e -> !(e instanceof WrappedAPDUEvent) && e.getCommandAPDU().getINS() == 0xB0).count())
                    .as("READ BINARY answered before the card left (vicc log: %s)", card.logText()).isEqualTo(3);
            assertThat(card.inserted()).as("the card took itself out").isFalse();
        }
    }

    @Test
    void aCardPutBackAfterBeingPulledOutReadsWhole() throws Exception {
        TestChip chip = TestChip.builder().build();
        Path files = chip.writeTo(dir.resolve("card"));
        try (VirtualChipCard card = new VirtualChipCard(dir)) {
            card.insert(files, 1);
            PassportService first = open(card, PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, PassportService.DEFAULT_MAX_BLOCKSIZE, false);
            try {
                first.doBAC(chip.bacKey());
                assertThatThrownBy(() -> read(first, TestChip.EF_DG2)).isNotNull();
            } finally {
                first.close();
            }
            card.remove();

            card.insert(files, 0);
            PassportService again = open(card, PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, PassportService.DEFAULT_MAX_BLOCKSIZE, false);
            try {
                again.doBAC(chip.bacKey());
                assertThat(read(again, TestChip.EF_DG2)).isEqualTo(chip.file(TestChip.EF_DG2));
                assertThat(read(again, TestChip.EF_SOD)).isEqualTo(chip.file(TestChip.EF_SOD));
            } finally {
                again.close();
            }
        }
    }

    // ---------------------------------------------------------------- PACE

    /**
     * PACE as the kiosk's reader runs it (PcscChipReader.pace): EF.CardAccess read before the
     * applet is selected, doPACE with its PACEInfo, then the applet selected under the new secure
     * messaging. Then DG1 and DG2 read whole under AES secure messaging, short and extended length.
     */
    @ParameterizedTest(name = "max transceive {0}, block {1}")
    @CsvSource({"256, 223", "65536, 8000"})
    void paceWithTheRightKeyReadsUnderAesSecureMessaging(int maxTransceive, int maxBlock) throws Exception {
        TestChip chip = TestChip.builder().pace().build();
        try (VirtualChipCard card = new VirtualChipCard(dir)) {
            card.insert(chip.writeTo(dir.resolve("card")), 0);
            List<APDUEvent> apdus = new CopyOnWriteArrayList<>();
            PassportService passport = new PassportService(CardService.getInstance(card.terminal()), maxTransceive, maxBlock, false, true);
            passport.open();
            try {
                PACEInfo pace = paceInfo(passport);
                assertThat(pace.getObjectIdentifier()).isEqualTo(TestChip.PACE_OID);
                assertThat(pace.getParameterId()).isEqualTo(BigInteger.valueOf(TestChip.PACE_PARAMETER_ID));
                PACEResult result = passport.doPACE(chip.bacKey(), pace.getObjectIdentifier(),
                        PACEInfo.toParameterSpec(pace.getParameterId()), pace.getParameterId());
                assertThat(result.getMappingType()).isEqualTo(PACEInfo.MappingType.GM);
                assertThat(passport.getWrapper()).isInstanceOf(AESSecureMessagingWrapper.class);
                passport.addAPDUListener(apdus::add);
                passport.sendSelectApplet(true);

                assertThat(read(passport, TestChip.EF_DG1)).isEqualTo(chip.file(TestChip.EF_DG1));
                byte[] dg2 = read(passport, TestChip.EF_DG2);
                assertThat(dg2.length).as("DG2 spans many reads").isGreaterThan(5000);
                assertThat(dg2).isEqualTo(chip.file(TestChip.EF_DG2));
                assertThat(read(passport, TestChip.EF_SOD)).isEqualTo(chip.file(TestChip.EF_SOD));
            } finally {
                passport.close();
            }
            List<APDUEvent> wire = apdus.stream().filter(e -> !(e instanceof WrappedAPDUEvent)).toList();
            assertThat(wire).as("APDUs after PACE").isNotEmpty()
                    .allMatch(e -> (e.getCommandAPDU().getCLA() & 0x0C) == 0x0C, "CLA marks secure messaging");
            assertThat(card.logText()).contains("PACE: done");
        }
    }

    @Test
    void paceWithAWrongKeyFailsAndNothingIsReadableWithoutIt() throws Exception {
        TestChip chip = TestChip.builder().pace().build();
        try (VirtualChipCard card = new VirtualChipCard(dir)) {
            card.insert(chip.writeTo(dir.resolve("card")), 0);
            PassportService passport = new PassportService(CardService.getInstance(card.terminal()),
                    PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, PassportService.DEFAULT_MAX_BLOCKSIZE, false, true);
            passport.open();
            try {
                PACEInfo pace = paceInfo(passport);
                BACKey wrongBirth = new BACKey(chip.documentNumber(), "900116", chip.dateOfExpiry());
                // The card refuses the terminal's authentication token: 6300 at step 4. (JMRTD 0.8.3
                // throws CardServiceProtocolException there; its PACEException is never thrown.)
                CardServiceProtocolException refused = catchThrowableOfType(CardServiceProtocolException.class,
                        () -> passport.doPACE(wrongBirth, pace.getObjectIdentifier(),
                                PACEInfo.toParameterSpec(pace.getParameterId()), pace.getParameterId()));
                assertThat(refused).as("PACE with a wrong key").isNotNull();
                assertThat(refused.getStep()).isEqualTo(4);
                assertThat(refused.getCause()).isInstanceOf(CardServiceException.class);
                assertThat(((CardServiceException) refused.getCause()).getSW()).isEqualTo(0x6300);
                assertThat(card.logText()).contains("authentication token is wrong").doesNotContain("PACE: done");
                passport.sendSelectApplet(false);
                assertThatThrownBy(() -> read(passport, TestChip.EF_DG1)).as("DG1 after a failed PACE")
                        .hasStackTraceContaining("6982");

                // The same session with the right key reads: the refusal above was the key's doing.
                passport.doPACE(chip.bacKey(), pace.getObjectIdentifier(), PACEInfo.toParameterSpec(pace.getParameterId()),
                        pace.getParameterId());
                passport.sendSelectApplet(true);
                // EF.COM first: JMRTD remembers DG1 as selected from the refused read above and would
                // skip its SELECT, but selecting the applet left no file selected on the card (6986).
                assertThat(read(passport, TestChip.EF_COM)).isEqualTo(chip.file(TestChip.EF_COM));
                assertThat(read(passport, TestChip.EF_DG1)).isEqualTo(chip.file(TestChip.EF_DG1));
            } finally {
                passport.close();
            }
        }
    }

    /** ICAO 9303 lets a terminal do BAC on a card that offers PACE: an older reader still reads it. */
    @Test
    void aBacOnlyTerminalStillReadsAPaceCard() throws Exception {
        TestChip chip = TestChip.builder().pace().build();
        try (VirtualChipCard card = new VirtualChipCard(dir)) {
            card.insert(chip.writeTo(dir.resolve("card")), 0);
            PassportService passport = new PassportService(CardService.getInstance(card.terminal()),
                    PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, PassportService.DEFAULT_MAX_BLOCKSIZE, false, true);
            passport.open();
            try {
                assertThat(paceInfo(passport).getObjectIdentifier()).as("the card offers PACE").isEqualTo(TestChip.PACE_OID);
                passport.sendSelectApplet(false);
                passport.doBAC(chip.bacKey());
                assertThat(passport.getWrapper()).isInstanceOf(DESedeSecureMessagingWrapper.class);
                assertThat(read(passport, TestChip.EF_DG1)).isEqualTo(chip.file(TestChip.EF_DG1));
                assertThat(read(passport, TestChip.EF_DG13)).isEqualTo(chip.dg13());
            } finally {
                passport.close();
            }
            assertThat(card.logText()).contains("BAC: done").doesNotContain("PACE:");
        }
    }

    /**
     * The card's PACE arithmetic against ICAO 9303-11 appendix G.1 (scripts/services/test_icao9303.py,
     * Python's unittest): the byte-for-byte check the tests above cannot make, as JMRTD's keys are random.
     */
    @Test
    void theCardsPaceMatchesIcaoWorkedExample() throws Exception {
        VirtualChipCard.requireChipReader(); // where pcsc.sh found /usr/bin/python3 with pycryptodome
        Path services = Path.of("..", "scripts", "services").toAbsolutePath().normalize();
        assertThat(services.resolve("test_icao9303.py")).exists();
        Process python = new ProcessBuilder("/usr/bin/python3", "-B", "-m", "unittest", "-v", "test_icao9303")
                .directory(services.toFile()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as(output).isZero();
        assertThat(output).contains("test_the_chip_answers_each_step_as_the_example_does").endsWith("OK\n");
    }

    // ---------------------------------------------------------------- the files alone

    @Test
    void theSodIsSignedOverEveryDataGroupByASignerTheCscaIssued() throws Exception {
        TestChip chip = TestChip.builder().build();
        SODFile sod = new SODFile(new ByteArrayInputStream(chip.file(TestChip.EF_SOD)));
        assertThat(sod.getDigestAlgorithm()).isEqualTo("SHA-256");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        assertThat(sod.getDataGroupHashes()).containsOnlyKeys(1, 2, 13);
        assertThat(sod.getDataGroupHashes().get(1)).isEqualTo(sha256.digest(chip.file(TestChip.EF_DG1)));
        assertThat(sod.getDataGroupHashes().get(13)).isEqualTo(sha256.digest(chip.dg13()));
        assertThat(signerVerifies(chip)).isTrue();
        chip.documentSignerCertificate().verify(chip.cscaCertificate().getPublicKey());
        assertThat(chip.mrz().toString().replace("\n", "")).as("TD1: 3 lines of 30").hasSize(90)
                .startsWith("IDVNM" + chip.documentNumber());
        assertThat(chip.documentNumber()).isEqualTo(chip.idNumber().substring(3));
        assertThat(chip.mrz().getOptionalData1()).isEqualTo(chip.idNumber());
    }

    @Test
    void aTamperedDg13NoLongerMatchesItsSignedHash() throws Exception {
        TestChip chip = TestChip.builder().tamperDg13AfterSigning().build();
        SODFile sod = new SODFile(new ByteArrayInputStream(chip.file(TestChip.EF_SOD)));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        assertThat(sod.getDataGroupHashes().get(13)).isNotEqualTo(sha256.digest(chip.dg13()));
        assertThat(sod.getDataGroupHashes().get(1)).isEqualTo(sha256.digest(chip.file(TestChip.EF_DG1)));
        assertThat(signerVerifies(chip)).as("the signature itself is intact").isTrue();
        assertThat(ASN1Primitive.fromByteArray(chip.dg13())).as("DG13 still parses").isInstanceOf(ASN1TaggedObject.class);
    }

    @Test
    void anUnknownCscaIssuedTheSignerOfSuchACard() throws Exception {
        TestChip chip = TestChip.builder().signedByUnknownCsca().build();
        assertThat(signerVerifies(chip)).isTrue();
        assertThatThrownBy(() -> chip.documentSignerCertificate().verify(chip.cscaCertificate().getPublicKey()))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void aCardThatNeverExpiresCarriesFillersForItsExpiry() {
        TestChip chip = TestChip.builder().noExpiry().build();
        assertThat(chip.dateOfExpiry()).isEqualTo(TestChip.NO_EXPIRY);
        String line2 = chip.mrz().toString().split("\n")[1];
        assertThat(line2.substring(8, 15)).isEqualTo("<<<<<<0");
    }

    // ---------------------------------------------------------------- helpers

    private static PassportService open(VirtualChipCard card, int maxTransceive, int maxBlock, boolean sfi) throws CardServiceException {
        CardService service = CardService.getInstance(card.terminal());
        PassportService passport = new PassportService(service, maxTransceive, maxBlock, sfi, true);
        passport.open();
        passport.sendSelectApplet(false);
        return passport;
    }

    /** The first PACEInfo of EF.CardAccess, read as PcscChipReader does (before the applet). */
    private static PACEInfo paceInfo(PassportService passport) throws CardServiceException, IOException {
        try (InputStream in = passport.getInputStream(PassportService.EF_CARD_ACCESS, PassportService.DEFAULT_MAX_BLOCKSIZE)) {
            return new CardAccessFile(in).getSecurityInfos().stream().filter(PACEInfo.class::isInstance)
                    .map(PACEInfo.class::cast).findFirst().orElseThrow();
        }
    }

    private static byte[] read(PassportService passport, short fid) throws CardServiceException, IOException {
        try (InputStream in = passport.getInputStream(fid)) {
            return in.readAllBytes();
        }
    }

    /** EF.SOD is tag 77 around a CMS SignedData; its one signer must verify with the DS certificate. */
    private static boolean signerVerifies(TestChip chip) throws Exception {
        ASN1TaggedObject sod = (ASN1TaggedObject) ASN1Primitive.fromByteArray(chip.file(TestChip.EF_SOD));
        CMSSignedData signed = new CMSSignedData(ContentInfo.getInstance(sod.getBaseObject()));
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(chip.documentSignerCertificate()));
    }
}
