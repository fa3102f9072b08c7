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

    @Test
    void theCitizenLeavesWithAQueuedReceiptAndTheDossierGoesWhenThePortalIsBack(FxRobot robot) throws Exception {
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

        // The portal comes back on the configured address: the outbox sends the dossier by itself.
        try (TrainingPortal portal = TrainingPortal.start(new TrainingPortal.Options(port, dataDir.resolve("portal"), 1,
                Duration.ofMinutes(15)))) {
            services.portal().wakeWorker();
            await(() -> services.portal().items().get(0).state() == Outbox.Status.SENT);
            Outbox.QueueItem sent = services.portal().items().get(0);
            assertThat(sent.dossierCode()).matches("000\\.25\\.14\\.H56-\\d{6}-\\d{4}|000\\.00\\.14\\.H56-\\d{6}-\\d{4}");
            TrainingPortal.Filed onPortal = portal.filed().get(0);
            assertThat(onPortal.localReference()).isEqualTo(waiting.localRef());
            assertThat(onPortal.code()).isEqualTo(sent.dossierCode());
            assertThat(onPortal.documents()).hasSize(2);
        }
    }

    @Test
    void aDiskThatCannotStoreTheDossierIsSaidAndNothingTypedIsLost(FxRobot robot) throws Exception {
        // The outbox's folder is a file: storing the dossier fails as a full or broken disk would.
        Files.writeString(dataDir.resolve("outbox"), "not a folder");
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
        await(() -> text(robot, "submit-state").startsWith("Kiosk chưa lưu được hồ sơ"));
        assertThat(showing(robot, "submit-go")).isTrue();
        assertThat(services.portal().items()).isEmpty();
        assertThat(services.sessions().current().orElseThrow().answers()).containsEntry("applicant.phone", "0905123456");
        assertThat(services.sessions().current().orElseThrow().documents()).hasSize(2);
    }
}
