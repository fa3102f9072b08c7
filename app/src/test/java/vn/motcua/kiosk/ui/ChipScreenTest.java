// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.identity.chip.AccessKey;
import vn.motcua.kiosk.identity.chip.AccessKeyRefusedException;
import vn.motcua.kiosk.identity.chip.CardRemovedException;
import vn.motcua.kiosk.identity.chip.ChipException;
import vn.motcua.kiosk.identity.chip.ChipReader;
import vn.motcua.kiosk.identity.chip.ChipReading;
import vn.motcua.kiosk.identity.chip.ChipSignatureException;
import vn.motcua.kiosk.identity.chip.Dg13;
import vn.motcua.kiosk.identity.chip.Dg13Encoder;
import vn.motcua.kiosk.identity.chip.PassiveAuthentication;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.ui.applicant.ChipViewModel;

/**
 * The chip on the applicant screen, in the whole shell, with a reader the test scripts: each
 * outcome (a reading, or a failure) is handed over by the test, and the card is "placed" by the
 * test, so nothing depends on timing. The real PC/SC path is {@code ChipReadingTest}'s.
 */
class ChipScreenTest extends ShellFixture {
    private final ScriptedReader reader = new ScriptedReader();

    @Override
    protected void beforeShell(KioskServices services) {
        services.useChipReader(reader);
    }

    @Test
    void theChipFillsWhatTheQrCannotWithoutATouch(FxRobot robot) throws Exception {
        toApplicant(robot);
        reader.place();
        reader.next(reading(Dg13Encoder.citizen()));
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        awaitChip(ChipViewModel.State.READ);

        AccessKey key = reader.keys.get(0);
        assertThat(key.documentNumber()).isEqualTo("095012345");
        assertThat(key.birthDate()).isEqualTo("950815");
        assertThat(key.expiryDate()).as("worked out from birth and issue dates").isEqualTo("350815");
        assertThat(ShellFixture.<Label>find(robot, "chip-status").getText()).contains("chưa đối chiếu chứng thư CSCA");
        assertThat(ShellFixture.<Label>find(robot, "chip-value-FATHER_NAME").getText()).isEqualTo("Nguyễn Văn Bình");
        assertThat(ShellFixture.<Label>find(robot, "chip-value-PLACE_OF_ORIGIN").getText()).isEqualTo("Xã Hải Hậu, Ninh Bình");
        assertThat(ShellFixture.<ImageView>find(robot, "chip-photo").getImage()).as("the portrait for the volunteer").isNotNull();

        robot.clickOn("#applicant-confirm");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);
        Map<String, String> answers = services.sessions().current().orElseThrow().answers();
        assertThat(answers).containsEntry("fullName", "NGUYỄN VĂN AN").containsEntry("father.name", "NGUYỄN VĂN BÌNH")
                .containsEntry("mother.name", "TRẦN THỊ CÚC").containsEntry("ethnicity", "Kinh")
                .containsEntry("nationality", "Việt Nam").doesNotContainKey("spouse.name");
        assertThat(vm.applicant().chip().readingProperty().get()).as("the chip's data and portrait are let go").isNull();
    }

    @Test
    void aCardLiftedMidReadIsReadAgainOnceItIsBack(FxRobot robot) throws Exception {
        toApplicant(robot);
        reader.place();
        reader.next(new CardRemovedException("test: lifted"));
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        await(() -> "identity.chip.removed".equals(vm.applicant().chip().messageProperty().get())
                && vm.applicant().chip().stateProperty().get() == ChipViewModel.State.WAITING);
        assertThat(ShellFixture.<Label>find(robot, "chip-message").getText()).contains("đặt lại thẻ");

        reader.next(reading(Dg13Encoder.citizen()));
        reader.place();
        awaitChip(ChipViewModel.State.READ);
        assertThat(reader.keys).hasSize(2);
    }

    @Test
    void aRefusedKeyAsksTheVolunteerForThePrintedExpiry(FxRobot robot) throws Exception {
        toApplicant(robot);
        reader.place();
        reader.next(new AccessKeyRefusedException("test: refused"));
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        awaitChip(ChipViewModel.State.NEED_EXPIRY);
        assertThat(showing(robot, "chip-expiry")).isTrue();

        typeInto(robot, "chip-expiry", "31/02/2036");
        press(robot, "chip-read");
        assertThat(ShellFixture.<Label>find(robot, "chip-message").getText()).contains("Ngày hết hạn chưa đúng");
        assertThat(vm.applicant().chip().stateProperty().get()).isEqualTo(ChipViewModel.State.NEED_EXPIRY);

        reader.next(reading(Dg13Encoder.citizen()));
        reader.place();
        typeInto(robot, "chip-expiry", "15/08/2036");
        press(robot, "chip-read");
        awaitChip(ChipViewModel.State.READ);
        assertThat(reader.keys.get(1).expiryDate()).isEqualTo("360815");
    }

    @Test
    void aCardThatNeverExpiresAsksBeforeAnyRead(FxRobot robot) throws Exception {
        toApplicant(robot);
        CitizenPathTest.scan(robot, "001060012345||Lê Thị Ba|01011960|Nữ|Số 1 Phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội|01062021");
        awaitChip(ChipViewModel.State.NEED_EXPIRY);
        assertThat(vm.applicant().chip().messageProperty().get()).isEqualTo("identity.chip.expiryUnknown");
        assertThat(reader.keys).isEmpty();
        reader.next(reading(Dg13Encoder.citizen().put(1, "001060012345").put(2, "Lê Thị Ba").put(3, "01/01/1960")));
        reader.place();
        typeInto(robot, "chip-expiry", "991231");
        press(robot, "chip-read");
        awaitChip(ChipViewModel.State.READ);
        assertThat(reader.keys.get(0).expiryDate()).isEqualTo("991231");
    }

    @Test
    void dataThatDoNotMatchTheirSignatureFillNothing(FxRobot robot) throws Exception {
        toApplicant(robot);
        reader.place();
        reader.next(new ChipSignatureException(ChipSignatureException.Kind.MISMATCH, "test: DG13 changed"));
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        awaitChip(ChipViewModel.State.FAILED);
        assertThat(ShellFixture.<Label>find(robot, "chip-message").getText()).contains("Dữ liệu chip không khớp chữ ký");

        robot.clickOn("#applicant-confirm");
        Map<String, String> answers = services.sessions().current().orElseThrow().answers();
        assertThat(answers).containsEntry("fullName", "NGUYỄN VĂN AN").doesNotContainKey("father.name");
    }

    @Test
    void whenQrAndChipDisagreeTheVolunteerDecides(FxRobot robot) throws Exception {
        toApplicant(robot);
        reader.place();
        reader.next(reading(Dg13Encoder.citizen().put(2, "Nguyễn Văn Anh")));
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        awaitChip(ChipViewModel.State.DIFFERENT);
        assertThat(robot.lookup("#chip-differences .label").queryAll()).extracting(n -> ((Label) n).getText())
                .containsExactly("Họ và tên: mã QR «Nguyễn Văn An» — chip «Nguyễn Văn Anh»");
        assertThat(ShellFixture.<ButtonBase>find(robot, "applicant-confirm").isDisabled()).as("decide first").isTrue();

        press(robot, "chip-use-qr");
        assertThat(vm.applicant().chip().stateProperty().get()).isEqualTo(ChipViewModel.State.FAILED);
        robot.clickOn("#applicant-confirm");
        assertThat(services.sessions().current().orElseThrow().answers()).containsEntry("fullName", "NGUYỄN VĂN AN")
                .doesNotContainKey("father.name");
    }

    @Test
    void whenTheVolunteerTakesTheChipItsNameFills(FxRobot robot) throws Exception {
        toApplicant(robot);
        reader.place();
        reader.next(reading(Dg13Encoder.citizen().put(2, "Nguyễn Văn Anh")));
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        awaitChip(ChipViewModel.State.DIFFERENT);
        press(robot, "chip-use");
        robot.clickOn("#applicant-confirm");
        assertThat(services.sessions().current().orElseThrow().answers()).containsEntry("fullName", "NGUYỄN VĂN ANH")
                .containsEntry("father.name", "NGUYỄN VĂN BÌNH");
    }

    @Test
    void withoutAReaderTheQrAloneFillsAndNothingIsSaidOfAChip(FxRobot robot) throws Exception {
        reader.connected = false;
        toApplicant(robot);
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        settleChip(); // the reader is asked off the UI thread
        assertThat(reader.asked.get()).isPositive();
        assertThat(vm.applicant().chip().stateProperty().get()).isEqualTo(ChipViewModel.State.OFF);
        assertThat(showing(robot, "chip")).isFalse();
        robot.clickOn("#applicant-confirm");
        assertThat(services.sessions().current().orElseThrow().answers()).containsEntry("fullName", "NGUYỄN VĂN AN");
    }

    @Test
    void leavingTheScreenStopsWaitingForTheCard(FxRobot robot) {
        toApplicant(robot);
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        awaitChip(ChipViewModel.State.WAITING);
        robot.clickOn("#applicant-confirm");
        assertThat(vm.applicant().chip().stateProperty().get()).isEqualTo(ChipViewModel.State.OFF);
        reader.place(); // a card laid down later is not read
        assertThat(reader.keys).isEmpty();
    }

    private void toApplicant(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#procedure-lltp-self");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.APPLICANT);
    }

    private void awaitChip(ChipViewModel.State state) {
        await(() -> vm.applicant().chip().stateProperty().get() == state);
    }

    static ChipReading reading(Dg13Encoder dg13) throws Exception {
        BufferedImage face = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(face, "jpeg", jpeg);
        return new ChipReading(Dg13.parse(dg13.encode()), jpeg.toByteArray(), "image/jpeg",
                PassiveAuthentication.Trust.NO_CSCA_CONFIGURED, ChipReading.Protocol.BAC);
    }

    /** A reader whose card the test lays down and whose every read the test answers. */
    static final class ScriptedReader implements ChipReader {
        final List<AccessKey> keys = new CopyOnWriteArrayList<>();
        private final BlockingQueue<Object> outcomes = new LinkedBlockingQueue<>();
        private final Semaphore cards = new Semaphore(0);
        volatile boolean connected = true;
        final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        void place() {
            cards.release();
        }

        void next(Object readingOrFailure) {
            outcomes.add(readingOrFailure);
        }

        @Override
        public boolean connected() {
            asked.incrementAndGet();
            return connected;
        }

        @Override
        public boolean awaitCard(Duration timeout) throws InterruptedException {
            return cards.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public ChipReading read(AccessKey key, Progress progress) throws ChipException {
            keys.add(key);
            Object o;
            try {
                o = outcomes.poll(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CardRemovedException("interrupted");
            }
            if (o instanceof ChipException e) {
                throw e;
            }
            if (o == null) {
                throw new AssertionError("the test gave no outcome for this read");
            }
            return (ChipReading) o;
        }
    }
}
