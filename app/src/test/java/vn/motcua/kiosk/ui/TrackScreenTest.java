// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.outbox.TrainingPortalFixture;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.testing.TestKiosk;

/** "Tra cứu hồ sơ" on screen, against the real training portal over HTTP. */
class TrackScreenTest extends ShellFixture {
    private static Path portalData;
    private static TrainingPortalFixture portal;
    private static String code;

    @BeforeAll
    static void fileADossier() throws Exception {
        portalData = Files.createTempDirectory("track-portal");
        portal = new TrainingPortalFixture(portalData);
        code = portal.file(new PortalClient(portal.endpoint()), "lltp-self", "000.00.14.H56", "idCard", "0987655678", portalData).code();
    }

    @AfterAll
    static void stopPortal() {
        portal.close();
    }

    @Override
    protected KioskConfig config() {
        return TestKiosk.withPortal(URI.create(portal.portal.apiUrl()), "auto");
    }

    @BeforeEach
    void connect() throws Exception {
        services.portal().start();
        portal.noFaults();
    }

    private String text(FxRobot robot, String id) {
        return ((Label) find(robot, id)).getText();
    }

    private void search(FxRobot robot, String typedCode, String last4) {
        typeInto(robot, "track-code", typedCode);
        typeInto(robot, "track-last4", last4);
        press(robot, "track-search");
    }

    @Test
    void aCitizenFindsTheirDossierWithTheCodeAndFourPhoneDigits(FxRobot robot) {
        robot.clickOn("#track");
        // Typed in lower case with spaces around: still found.
        search(robot, " " + code.toLowerCase() + " ", "5678");
        await(() -> showing(robot, "track-status"));
        assertThat(text(robot, "track-found-code")).isEqualTo(code);
        assertThat(text(robot, "track-status")).isEqualTo("Đã tiếp nhận");
        assertThat(text(robot, "track-timing")).isEqualTo("Đúng hạn");
        assertThat(text(robot, "track-dates")).contains("Ngày tiếp nhận:").contains("Ngày hẹn trả kết quả:").doesNotContain("—");
        assertThat(text(robot, "track-payment")).isEqualTo("Chưa nộp phí, lệ phí");

        // Three weeks on, the portal's clock says done: the screen says so, with the history.
        portal.portal.advanceClock(Duration.ofDays(21));
        press(robot, "track-search");
        await(() -> showing(robot, "track-status") && text(robot, "track-status").equals("Đã có kết quả"));
        assertThat(((javafx.scene.layout.VBox) find(robot, "track-history")).getChildren()).hasSize(4); // title + 3 steps
        assertThat(showing(robot, "track-result-ready")).isTrue();

        robot.clickOn("#language");
        await(() -> text(robot, "track-status").equals("Result ready"));
    }

    @Test
    void wrongDigitsMalformedCodesAndAnOfflinePortalAreExplainedAndNothingTypedIsLost(FxRobot robot) throws Exception {
        robot.clickOn("#track");
        search(robot, code, "1111");
        await(() -> text(robot, "track-feedback").startsWith("Không tìm thấy hồ sơ"));
        assertThat(((TextField) find(robot, "track-code")).getText()).isEqualTo(code);
        assertThat(((TextField) find(robot, "track-last4")).getText()).isEqualTo("1111");

        search(robot, "000.00.14.H56-26112", "5678");
        assertThat(text(robot, "track-feedback")).startsWith("Mã hồ sơ chưa đúng dạng");
        search(robot, code, "56");
        assertThat(text(robot, "track-feedback")).startsWith("Vui lòng nhập đúng 4 chữ số");

        portal.faults("{\"rules\":[{\"endpoint\":\"lookupDossier\",\"kind\":\"DROP_CONNECTION\"}]}");
        search(robot, code, "5678");
        await(() -> text(robot, "track-feedback").startsWith("Chưa kết nối được với Cổng dịch vụ công"));
        assertThat(showing(robot, "track-status")).isFalse();

        portal.noFaults();
        press(robot, "track-search");
        await(() -> showing(robot, "track-status"));

        // Leaving forgets the code and digits: the next citizen starts empty.
        press(robot, "track-home");
        robot.clickOn("#track");
        assertThat(((TextField) find(robot, "track-code")).getText()).isEmpty();
        assertThat(((TextField) find(robot, "track-last4")).getText()).isEmpty();
    }
}
