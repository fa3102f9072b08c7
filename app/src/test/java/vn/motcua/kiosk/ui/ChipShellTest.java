// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.identity.chip.Dg13Encoder;
import vn.motcua.kiosk.identity.chip.PassiveAuthentication;
import vn.motcua.kiosk.identity.chip.PcscChipReader;
import vn.motcua.kiosk.identity.chip.TestChip;
import vn.motcua.kiosk.identity.chip.VirtualChipCard;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.ui.applicant.ChipViewModel;

/**
 * The chip on the whole shell over the real PC/SC path: the private pcscd, the virtual reader and
 * a virtual CCCD whose data groups the test signed under a test CSCA the kiosk is given. The QR
 * is typed in as a desk reader does; the card lies on the chip reader; nobody types the key.
 */
class ChipShellTest extends ShellFixture {
    private VirtualChipCard card;
    private TestChip chip;
    private Path files;

    @Override
    protected void beforeShell(KioskServices services) {
        card = new VirtualChipCard(dataDir);
        chip = TestChip.builder().idNumber("001095012345").name("NGUYEN", "VAN AN").dateOfBirth("950815")
                .dateOfExpiry("350815").dg13(Dg13Encoder.citizen().encode()).faceJpeg(TestChip.face(3)).build();
        services.useChipReader(PcscChipReader.system(List.of(VirtualChipCard.requireChipReader()),
                new PassiveAuthentication(List.of(chip.cscaCertificate()))));
    }

    @AfterEach
    void liftTheCard() {
        if (card != null) {
            card.close();
        }
    }

    @Test
    void cardOnTheReaderThenTheQrFillsTheParentsVerifiedToTheCsca(FxRobot robot) throws Exception {
        files = chip.writeTo(Files.createDirectories(dataDir.resolve("card")));
        card.insert(files, 0);
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#procedure-lltp-self");
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        await(() -> vm.applicant().chip().stateProperty().get() == ChipViewModel.State.READ);

        assertThat(ShellFixture.<Label>find(robot, "chip-status").getText()).contains("đã đối chiếu chứng thư CSCA");
        assertThat(ShellFixture.<Label>find(robot, "chip-value-MOTHER_NAME").getText()).isEqualTo("Trần Thị Cúc");
        assertThat(ShellFixture.<ImageView>find(robot, "chip-photo").getImage().getWidth()).isPositive();
        robot.clickOn("#applicant-confirm");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);
        Map<String, String> answers = services.sessions().current().orElseThrow().answers();
        assertThat(answers).containsEntry("father.name", "NGUYỄN VĂN BÌNH").containsEntry("mother.name", "TRẦN THỊ CÚC")
                .containsEntry("idNumber", "001095012345");
    }

    @Test
    void aCardLiftedMidReadIsReadWhenPutBack(FxRobot robot) throws Exception {
        files = chip.writeTo(Files.createDirectories(dataDir.resolve("card")));
        card.insert(files, 1);
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#procedure-lltp-self");
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        await(() -> "identity.chip.removed".equals(vm.applicant().chip().messageProperty().get()));
        assertThat(ShellFixture.<Label>find(robot, "chip-message").getText()).contains("Xin đặt lại thẻ");

        card.insert(files, 0);
        await(() -> vm.applicant().chip().stateProperty().get() == ChipViewModel.State.READ);
        assertThat(ShellFixture.<Label>find(robot, "chip-value-FATHER_NAME").getText()).isEqualTo("Nguyễn Văn Bình");
    }

    @Test
    void aChangedDataGroupFillsNothingAndSaysWhy(FxRobot robot) throws Exception {
        TestChip tampered = TestChip.builder().idNumber("001095012345").name("NGUYEN", "VAN AN").dateOfBirth("950815")
                .dateOfExpiry("350815").dg13(Dg13Encoder.citizen().encode()).tamperDg13AfterSigning().build();
        services.useChipReader(PcscChipReader.system(List.of(VirtualChipCard.requireChipReader()),
                new PassiveAuthentication(List.of(tampered.cscaCertificate()))));
        card.insert(tampered.writeTo(Files.createDirectories(dataDir.resolve("tampered"))), 0);
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#procedure-lltp-self");
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        await(() -> vm.applicant().chip().stateProperty().get() == ChipViewModel.State.FAILED);
        assertThat(ShellFixture.<Label>find(robot, "chip-message").getText()).contains("Dữ liệu chip không khớp chữ ký");
        robot.clickOn("#applicant-confirm");
        assertThat(services.sessions().current().orElseThrow().answers()).containsEntry("idNumber", "001095012345")
                .doesNotContainKey("father.name");
    }
}
