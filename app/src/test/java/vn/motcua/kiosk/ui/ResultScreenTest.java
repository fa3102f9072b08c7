// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.receipt.ExternalTools;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * "Nhận kết quả" on screen: the citizen proves the dossier with its code and four phone digits,
 * the e-result comes from the real training portal and goes to the private CUPS (cups-pdf).
 */
class ResultScreenTest extends PortalShellFixture {
    private static String code;
    private Path out;

    @BeforeAll
    static void fileADossier() throws Exception {
        code = portal.file(new PortalClient(portal.endpoint()), "lltp-self", "000.00.14.H56", "idCard", "0987655678", portalData).code();
    }

    @BeforeEach
    void connect() throws Exception {
        out = ExternalTools.requireCups();
        services.portal().start();
    }

    private String feedback(FxRobot robot) {
        return ((Label) find(robot, "result-feedback")).getText();
    }

    private Set<Path> printed() {
        return ExternalTools.printed(out);
    }

    @Test
    void aFinishedDossiersResultIsPrintedOnceTheCitizenProvesIt(FxRobot robot) throws Exception {
        robot.clickOn("#result");
        typeInto(robot, "result-code", code);
        typeInto(robot, "result-last4", "5678");
        press(robot, "result-fetch");
        // Not done yet: the due date, no print button.
        await(() -> feedback(robot).startsWith("Hồ sơ chưa có kết quả"));
        assertThat(feedback(robot)).matches("Hồ sơ chưa có kết quả\\. Ngày hẹn trả: \\d{2}/\\d{2}/\\d{4}\\.");
        assertThat(find(robot, "result-print").isVisible()).isFalse();

        portal.portal.advanceClock(Duration.ofDays(21));
        press(robot, "result-fetch");
        await(() -> find(robot, "result-print").isVisible());
        assertThat(feedback(robot)).contains(code);

        Set<Path> before = printed();
        press(robot, "result-print");
        await(() -> feedback(robot).startsWith("Đã in xong"));
        Set<Path> after = printed();
        after.removeAll(before);
        assertThat(after).as("one job out of the printer").hasSize(1);
        assertThat(Files.size(after.iterator().next())).isPositive();
        assertThat(find(robot, "result-print").isVisible()).isFalse();
    }

    @Test
    void aTamperedResultIsNeverPrintedAndStaffSeeWhyAGenuineOneNamesItsSigner(FxRobot robot) throws Exception {
        // Its own dossier, made DONE by the trainer: the portal clock stays where the other test expects it.
        String done = portal.file(new PortalClient(portal.endpoint()), "lltp-self", "000.00.14.H56", "idCard", "0987651234", portalData).code();
        portal.forceStatus(done, "DONE");
        robot.clickOn("#result");
        typeInto(robot, "result-code", done);
        typeInto(robot, "result-last4", "1234");

        // A byte of the signed result changed after signing: not offered, not printed, the citizen goes to staff.
        portal.faults("{\"rules\":[{\"endpoint\":\"getLookupResult\",\"kind\":\"TAMPERED_RESULT\"}]}");
        Set<Path> before = printed();
        press(robot, "result-fetch");
        await(() -> !feedback(robot).startsWith("Đang hỏi"));
        assertThat(find(robot, "result-print").isVisible()).as("a tampered result offered for printing").isFalse();
        assertThat(feedback(robot)).startsWith("Máy không in bản kết quả này").contains("hỏi cán bộ");
        assertThat(showing(robot, "result-signer")).isFalse();
        assertThat(printed()).isEqualTo(before);
        assertThat(services.events().recent(5)).anySatisfy(e -> {
            assertThat(e.type().name()).isEqualTo("RESULT_REFUSED");
            assertThat(e.detail()).contains("problem=ALTERED").doesNotContain(done).doesNotContain("1234");
        });
        robot.clickOn("#staff-open");
        for (char c : TestKiosk.PIN.toCharArray()) {
            robot.clickOn("#staff-key-" + c);
        }
        robot.clickOn("#staff-pin-ok");
        await(() -> showing(robot, "staff-result-trouble"));
        assertThat(((Label) find(robot, "staff-result-trouble")).getText())
                .isEqualTo("Một bản kết quả điện tử đã không được in: tệp đã bị sửa sau khi ký (chữ ký không khớp nội dung)."
                        + " Hãy hỏi lại Cổng dịch vụ công trước khi trả giấy cho công dân.");
        press(robot, "staff-close");

        // The genuine result: offered, with who signed it and when.
        portal.noFaults();
        press(robot, "result-fetch");
        await(() -> find(robot, "result-print").isVisible());
        assertThat(((Label) find(robot, "result-signer")).getText())
                .matches("Chữ ký số hợp lệ của Sở Tư pháp tỉnh Khánh Hòa \\(TẬP HUẤN\\), ký lúc \\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}\\.");
        assertThat(printed()).isEqualTo(before);
    }

    @Test
    void wrongDigitsFindNothingAndWalkingAwayForgetsWhatWasTyped(FxRobot robot) {
        robot.clickOn("#result");
        typeInto(robot, "result-code", code);
        typeInto(robot, "result-last4", "0000");
        press(robot, "result-fetch");
        await(() -> feedback(robot).startsWith("Không tìm thấy hồ sơ"));
        // Walked away: the idle reset goes home and forgets what was typed.
        clock.advance(java.time.Duration.ofSeconds(125));
        robot.interact(vm::tick);
        await(() -> showing(robot, "file"));
        robot.clickOn("#result");
        assertThat(((javafx.scene.control.TextField) find(robot, "result-code")).getText()).isEmpty();
        assertThat(((javafx.scene.control.TextField) find(robot, "result-last4")).getText()).isEmpty();
        assertThat(feedback(robot)).isEmpty();
        press(robot, "result-home");
        await(() -> showing(robot, "file"));
    }
}
