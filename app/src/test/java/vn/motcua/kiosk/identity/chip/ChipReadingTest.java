// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's chip reader on the real PC/SC path: the private pcscd, vsmartcard's virtual reader
 * and our virtual ICAO card (scripts/services/vicc-icao.py) holding a synthetic citizen's data
 * groups, signed by a test document signer under a test CSCA. Every failure the applicant screen
 * explains is made to happen for real: a wrong key, a changed DG13, an unknown CSCA, the card
 * lifted mid-read, the reader gone.
 */
class ChipReadingTest {
    /** The key the QR of {@link #citizen()} gives: ID 001095012345, born 15/08/1995, issued 10/04/2021. */
    static final AccessKey KEY = new AccessKey("095012345", "950815", "350815");

    @TempDir
    Path dir;
    private VirtualChipCard card;
    private String reader;

    @BeforeAll
    static void quietJmrtd() {
        // JMRTD logs a refused APDU (the wrong-key test) as a java.util.logging warning.
        java.util.logging.Logger.getLogger("org.jmrtd").setLevel(java.util.logging.Level.SEVERE);
    }

    @BeforeEach
    void insertNothingYet() {
        card = new VirtualChipCard(dir);
        reader = VirtualChipCard.requireChipReader();
    }

    @AfterEach
    void removeTheCard() {
        card.close();
    }

    /** Nguyễn Văn An of the QR tests, with DG13 as the CCCD lays it out. */
    static TestChip.Builder citizen() {
        return TestChip.builder().idNumber("001095012345").name("NGUYEN", "VAN AN").dateOfBirth("950815")
                .dateOfExpiry("350815").dg13(Dg13Encoder.citizen().encode()).faceJpeg(TestChip.face(7));
    }

    private PcscChipReader reader(List<X509Certificate> cscas) {
        return PcscChipReader.system(List.of(reader), new PassiveAuthentication(cscas));
    }

    private void insert(TestChip chip, int removeAfterReads) {
        card.insert(chip.writeTo(dir.resolve("card-" + System.nanoTime())), removeAfterReads);
    }

    @Test
    void aFullReadChainedToTheConfiguredCsca() throws Exception {
        TestChip chip = citizen().build();
        insert(chip, 0);
        List<String> steps = new CopyOnWriteArrayList<>();
        ChipReading r = reader(List.of(chip.cscaCertificate())).read(KEY, (step, f) -> steps.add(step + " " + f));

        assertThat(r.protocol()).as("no EF.CardAccess: BAC").isEqualTo(ChipReading.Protocol.BAC);
        assertThat(r.trust()).isEqualTo(PassiveAuthentication.Trust.CSCA_VERIFIED);
        assertThat(r.citizen().get(Dg13.Field.FATHER_NAME)).contains("Nguyễn Văn Bình");
        assertThat(r.citizen().get(Dg13.Field.MOTHER_NAME)).contains("Trần Thị Cúc");
        assertThat(r.citizen().get(Dg13.Field.PLACE_OF_ORIGIN)).contains("Xã Hải Hậu, Ninh Bình");
        assertThat(r.faceImage()).isEqualTo(chip.faceJpeg());
        assertThat(r.faceMime()).isEqualTo("image/jpeg");
        assertThat(r.prefillValues()).containsEntry("id", "001095012345").containsEntry("birthDate", "1995-08-15")
                .containsEntry("fatherName", "Nguyễn Văn Bình").containsEntry("ethnicity", "Kinh");
        assertThat(steps.get(0)).isEqualTo("OPENING 0.0");
        assertThat(steps.get(steps.size() - 1)).isEqualTo("CHECKING 1.0");
        assertThat(r.toString()).doesNotContain("Nguyễn");
    }

    @Test
    void aCardOfferingPaceIsOpenedWithPace() throws Exception {
        TestChip chip = citizen().pace().build();
        insert(chip, 0);
        ChipReading r = reader(List.of(chip.cscaCertificate())).read(KEY, ChipReader.Progress.NONE);
        assertThat(r.protocol()).isEqualTo(ChipReading.Protocol.PACE);
        assertThat(r.trust()).isEqualTo(PassiveAuthentication.Trust.CSCA_VERIFIED);
        assertThat(r.citizen().get(Dg13.Field.FATHER_NAME)).contains("Nguyễn Văn Bình");
    }

    @Test
    void aWrongKeyRefusedByPaceIsNotTriedAgainOverBac() {
        insert(citizen().pace().build(), 0);
        AccessKey wrong = new AccessKey("095012345", "950815", "400815");
        assertThatThrownBy(() -> reader(List.of()).read(wrong, ChipReader.Progress.NONE))
                .isInstanceOf(AccessKeyRefusedException.class).hasMessage("PACE refused");
        assertThat(card.logText()).as("no BAC (GET CHALLENGE) after PACE refused the key")
                .contains("PACE: the terminal").doesNotContain("C-APDU 00840000");
    }

    @Test
    void withoutACscaTheSignatureIsCheckedButNotItsSigner() throws Exception {
        insert(citizen().signedByUnknownCsca().build(), 0);
        assertThat(reader(List.of()).read(KEY, ChipReader.Progress.NONE).trust())
                .isEqualTo(PassiveAuthentication.Trust.NO_CSCA_CONFIGURED);
    }

    @Test
    void aSignerFromAnotherCscaIsRefused() {
        TestChip chip = citizen().signedByUnknownCsca().build();
        insert(chip, 0);
        assertThatThrownBy(() -> reader(List.of(chip.cscaCertificate())).read(KEY, ChipReader.Progress.NONE))
                .isInstanceOfSatisfying(ChipSignatureException.class,
                        e -> assertThat(e.kind()).isEqualTo(ChipSignatureException.Kind.UNKNOWN_CSCA));
    }

    @Test
    void aChangedDg13IsRefusedEvenWithoutACsca() {
        TestChip chip = citizen().tamperDg13AfterSigning().build();
        insert(chip, 0);
        assertThatThrownBy(() -> reader(List.of()).read(KEY, ChipReader.Progress.NONE))
                .isInstanceOfSatisfying(ChipSignatureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ChipSignatureException.Kind.MISMATCH);
                    assertThat(e.messageKey()).isEqualTo("identity.chip.mismatch");
                });
    }

    @Test
    void aWrongExpiryIsARefusedKey() {
        insert(citizen().build(), 0);
        AccessKey wrong = new AccessKey("095012345", "950815", "400815");
        assertThatThrownBy(() -> reader(List.of()).read(wrong, ChipReader.Progress.NONE))
                .isInstanceOf(AccessKeyRefusedException.class);
    }

    @Test
    void aCardLiftedMidReadSaysSoAndReadsWhenBack() throws Exception {
        TestChip chip = citizen().build();
        insert(chip, 2); // leaves at the third data-group read
        PcscChipReader chipReader = reader(List.of());
        assertThatThrownBy(() -> chipReader.read(KEY, ChipReader.Progress.NONE)).isInstanceOf(CardRemovedException.class);
        assertThat(chipReader.awaitCard(Duration.ofMillis(1))).as("no card now").isFalse();

        insert(chip, 0);
        assertThat(chipReader.awaitCard(Duration.ofSeconds(30))).isTrue();
        assertThat(chipReader.read(KEY, ChipReader.Progress.NONE).citizen().get(Dg13.Field.FULL_NAME)).contains("Nguyễn Văn An");
    }

    @Test
    void aReaderGoneMidReadIsNotACardLifted() {
        insert(citizen().build(), 2);
        // The reader list the kiosk sees: the real one at the start, none once the read has failed.
        AtomicInteger opened = new AtomicInteger();
        PcscChipReader chipReader = new PcscChipReader(() -> opened.getAndIncrement() == 0
                ? TerminalFactory.getInstance("PC/SC", null).terminals() : new NoReaders(), List.of(reader),
                new PassiveAuthentication(List.of()));
        assertThatThrownBy(() -> chipReader.read(KEY, ChipReader.Progress.NONE))
                .isInstanceOfSatisfying(ReaderDroppedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("identity.chip.readerDropped"));
    }

    @Test
    void noMatchingReaderIsNoReader() {
        PcscChipReader none = PcscChipReader.system(List.of("ACS ACR1252 (no such reader here)"), new PassiveAuthentication(List.of()));
        assertThat(none.connected()).isFalse();
        assertThat(none.readerName()).isEmpty();
        assertThatThrownBy(() -> none.read(KEY, ChipReader.Progress.NONE)).isInstanceOf(NoChipReaderException.class);
        assertThat(PcscChipReader.system(List.of(), new PassiveAuthentication(List.of())).connected())
                .as("chip reading off").isFalse();
        assertThat(reader(List.of()).readerName()).contains(reader);
    }

    /** A PC/SC service with no reader plugged in. */
    private static final class NoReaders extends CardTerminals {
        @Override
        public List<javax.smartcardio.CardTerminal> list(State state) {
            return List.of();
        }

        @Override
        public boolean waitForChange(long timeout) {
            return false;
        }
    }
}
