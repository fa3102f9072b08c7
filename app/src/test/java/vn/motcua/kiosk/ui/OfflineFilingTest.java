// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.portal.Connectivity;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.testing.TestKiosk;
import vn.motcua.portal.training.TrainingPortal;

/**
 * Network down at the counter: the citizen still finishes — "Nộp hồ sơ" stores the dossier, the
 * screen and the receipt say "đang chờ gửi" with the local reference, no fee screen (nothing to pay
 * yet online) — and when the portal comes back the outbox sends it, under that reference.
 */
class OfflineFilingTest extends ShellFixture {
    private static int port;
    private Path usb;

    @BeforeAll
    static void aPortWithNobodyOnIt() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
    }

    @Override
    protected KioskConfig config() {
        return TestKiosk.withPortal(URI.create("http://127.0.0.1:" + port + "/api/v1"), "KioskPDF");
    }

    @BeforeEach
    void offline() throws Exception {
        usb = Files.createDirectories(dataDir.resolve("usb-stick"));
        services.useRemovableMedia(List.of(usb));
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(usb.resolve("cccd.pdf").toFile());
        }
        services.portal().start();
        await(() -> vm.portalProperty().get() == Connectivity.State.OFFLINE);
    }

    private String text(FxRobot robot, String id) {
        return ((Label) find(robot, id)).getText();
    }

    /** The extract request filed with the portal down, up to "Nộp hồ sơ"; the phone on the form is 0905123456. */
    private void fileUpToSubmit(FxRobot robot) {
        FilingJourneyTest.startExtractRequest(robot, this);
        await(() -> text(robot, "paper-state-declaration").startsWith("Kiosk đã tạo"));
        press(robot, "paper-usb-idCard");
        await(() -> showing(robot, "usb-file-cccd_pdf"));
        press(robot, "usb-file-cccd_pdf");
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: 1 trang"));
        press(robot, "papers-next");
        await(() -> showing(robot, "review"));
        press(robot, "review-continue");
        press(robot, "submit-go");
    }

    /** Files offline to the end: the citizen leaves with the queued receipt; its local reference. */
    private String fileOffline(FxRobot robot) {
        fileUpToSubmit(robot);
        await(() -> text(robot, "submit-state").startsWith("Hồ sơ đã được lưu và đang chờ gửi"));
        Outbox.QueueItem waiting = services.portal().items().get(0);
        assertThat(waiting.state()).isEqualTo(Outbox.Status.WAITING);
        assertThat(waiting.localRef()).matches("CG-\\d{6}-[A-Z2-9]{6}");
        assertThat(waiting.documents()).isEqualTo(2);
        assertThat(text(robot, "submit-state")).contains(waiting.localRef());

        // No fee screen offline: straight to the receipt, which says it waits.
        press(robot, "submit-next");
        await(() -> showing(robot, "outcome-title"));
        assertThat(vm.stepProperty().get()).isEqualTo(Step.RECEIPT);
        assertThat(text(robot, "outcome-title")).isEqualTo("Hồ sơ đang chờ gửi");
        assertThat(text(robot, "outcome-code")).isEqualTo(waiting.localRef());
        press(robot, "outcome-end");
        assertThat(services.sessions().current()).isEmpty();
        return waiting.localRef();
    }

    /**
     * The training portal on the configured address: the outbox sends what waited. Call it from
     * Welcome: the kiosk's clock moves past the outbox's longest backoff (its retries wait on that
     * clock), which would idle-reset any other screen.
     */
    private TrainingPortal portalComesBack() throws Exception {
        TrainingPortal portal = TrainingPortal.start(new TrainingPortal.Options(port, dataDir.resolve("portal"), 1, Duration.ofMinutes(15)));
        try {
            clock.advance(Duration.ofMinutes(6));
            services.portal().wakeWorker();
            await(() -> services.portal().items().get(0).state() == Outbox.Status.SENT);
            return portal;
        } catch (RuntimeException | Error e) {
            portal.close(); // the next test needs the port free again
            throw e;
        }
    }

    @Test
    void theCitizenLeavesWithAQueuedReceiptAndTheDossierGoesWhenThePortalIsBack(FxRobot robot) throws Exception {
        String ref = fileOffline(robot);
        // The portal comes back on the configured address: the outbox sends the dossier by itself.
        try (TrainingPortal portal = portalComesBack()) {
            Outbox.QueueItem sent = services.portal().items().get(0);
            assertThat(sent.dossierCode()).matches("000\\.25\\.14\\.H56-\\d{6}-\\d{4}|000\\.00\\.14\\.H56-\\d{6}-\\d{4}");
            TrainingPortal.Filed onPortal = portal.filed().get(0);
            assertThat(onPortal.localReference()).isEqualTo(ref);
            assertThat(onPortal.code()).isEqualTo(sent.dossierCode());
            assertThat(onPortal.documents()).hasSize(2);
        }
    }

    private void track(FxRobot robot, String code, String last4) {
        typeInto(robot, "track-code", code);
        typeInto(robot, "track-last4", last4);
        press(robot, "track-search");
    }

    @Test
    void theQueuedReceiptsReferenceTracksTheDossierWhileItWaitsAndOnceItIsSent(FxRobot robot) throws Exception {
        String ref = fileOffline(robot);
        robot.clickOn("#track");
        track(robot, ref.toLowerCase(), "3456");
        // Issue 11: the code's pattern refused the receipt's own reference before anything was asked.
        assertThat(text(robot, "track-feedback")).doesNotStartWith("Mã hồ sơ chưa đúng dạng");
        await(() -> showing(robot, "track-status"));
        assertThat(text(robot, "track-found-code")).isEqualTo(ref);
        assertThat(text(robot, "track-status")).isEqualTo("Đang chờ gửi");

        // The queued dossier's phone is checked too; a reference this kiosk never made is said as such.
        track(robot, ref, "1111");
        await(() -> text(robot, "track-feedback").startsWith("Không tìm thấy hồ sơ"));
        assertThat(showing(robot, "track-status")).isFalse();
        String unknown = ref.substring(0, 10) + (ref.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        track(robot, unknown, "3456");
        await(() -> text(robot, "track-feedback").startsWith("Máy này không có hồ sơ nào mang mã tạm"));
        robot.clickOn("#language");
        await(() -> text(robot, "track-feedback").startsWith("This kiosk has no dossier"));
        robot.clickOn("#language");

        // Sent: the same reference now shows the portal's status under the portal's code.
        press(robot, "track-home");
        try (TrainingPortal portal = portalComesBack()) {
            String code = services.portal().items().get(0).dossierCode();
            robot.clickOn("#track");
            track(robot, ref, "3456");
            await(() -> showing(robot, "track-status") && text(robot, "track-found-code").equals(code));
            assertThat(text(robot, "track-status")).isEqualTo("Đã tiếp nhận");
            assertThat(text(robot, "track-local-ref")).contains(ref).contains(code);
            // The portal checks the digits once the kiosk has forgotten the phone.
            track(robot, ref, "1111");
            await(() -> text(robot, "track-feedback").startsWith("Không tìm thấy hồ sơ"));
        }
    }

    @Test
    void aDiskThatCannotStoreTheDossierIsSaidAndNothingTypedIsLost(FxRobot robot) throws Exception {
        // The outbox's folder is a file: storing the dossier fails as a full or broken disk would.
        Files.writeString(dataDir.resolve("outbox"), "not a folder");
        fileUpToSubmit(robot);
        await(() -> text(robot, "submit-state").startsWith("Kiosk chưa lưu được hồ sơ"));
        assertThat(showing(robot, "submit-go")).isTrue();
        assertThat(services.portal().items()).isEmpty();
        assertThat(services.sessions().current().orElseThrow().answers()).containsEntry("applicant.phone", "0905123456");
        assertThat(services.sessions().current().orElseThrow().documents()).hasSize(2);
    }
}
