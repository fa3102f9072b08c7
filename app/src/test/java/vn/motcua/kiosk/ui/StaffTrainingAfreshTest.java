// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.portal.Connectivity;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.PortalRefusedException;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.startup.TrainingAfresh;
import vn.motcua.kiosk.store.OutboxStore;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * "Bắt đầu tập huấn lại" on a kiosk with its own training portal: behind the PIN and one
 * confirmation, the portal's dossiers go (it answers 404), and so do the kiosk's outbox entries,
 * reprint copies and parked drafts. "Quay lại" erases nothing.
 */
class StaffTrainingAfreshTest extends ShellFixture {
    private static final String BODY = "{\"procedureId\":\"lltp-self\",\"agencyCode\":\"000.00.14.H56\",\"copies\":1,"
            + "\"applicant\":{\"fullName\":\"NGUYỄN VĂN AN\",\"idNumber\":\"001095012345\",\"phone\":\"0912345678\"},"
            + "\"form\":{\"purpose\":\"xin việc\"}}";

    @Override
    protected KioskConfig config() {
        return TestKiosk.withPortal(KioskConfig.Portal.EMBEDDED_TRAINING, "KioskPDF");
    }

    @BeforeEach
    void theEmbeddedPortalRuns() throws Exception {
        services.portal().start();
        await(() -> vm.portalProperty().get() == Connectivity.State.ONLINE);
    }

    @Test
    void staffEraseTheTrainingsDossiersOnThePortalAndOnTheKiosk(FxRobot robot) throws Exception {
        Outbox outbox = services.portal().outbox();
        String ref = outbox.add(new Outbox.Submission("lltp-self", BODY,
                List.of(new Outbox.Paper("idCard", "cccd.pdf", Files.write(dataDir.resolve("cccd.pdf"), new byte[2048])))));
        services.portal().wakeWorker();
        await(() -> outbox.store().find(ref).map(e -> e.state() == OutboxStore.State.SENT).orElse(false));
        String dossierId = outbox.store().find(ref).orElseThrow().dossierId();
        services.reprints().remember(receipt(ref));
        parkADraft(robot);
        PortalClient portal = services.portal().client();
        assertThat(portal.dossier(dossierId).id()).isEqualTo(dossierId);

        // Asked first, with what the kiosk holds; "Quay lại" leaves everything.
        openAfresh(robot);
        await(() -> showing(robot, "staff-afresh-confirm"));
        assertThat(text(robot, "staff-afresh-text")).contains("1 hồ sơ trong hàng chờ gửi, 1 biên nhận để in lại, 1 bản nháp đã lưu");
        press(robot, "staff-afresh-back");
        assertThat(showing(robot, "staff-afresh-open")).isTrue();
        assertThat(portal.dossier(dossierId).id()).isEqualTo(dossierId);
        assertThat(outbox.queue()).hasSize(1);

        press(robot, "staff-afresh-open");
        await(() -> showing(robot, "staff-afresh-confirm"));
        press(robot, "staff-afresh-confirm");
        await(() -> text(robot, "staff-afresh-text").startsWith("Đã xóa"));

        assertThat(text(robot, "staff-afresh-text")).isEqualTo("Đã xóa mọi hồ sơ trên cổng tập huấn, 1 hồ sơ trong hàng chờ gửi, "
                + "1 biên nhận và 1 bản nháp. Có thể bắt đầu buổi tập huấn mới.");
        PortalRefusedException gone = catchThrowableOfType(() -> portal.dossier(dossierId), PortalRefusedException.class);
        assertThat(gone).isNotNull();
        assertThat(gone.status()).isEqualTo(404);
        assertThat(outbox.queue()).isEmpty();
        assertThat(services.reprints().today()).isEmpty();
        assertThat(services.trainingAfresh().orElseThrow().leftovers()).isEqualTo(new TrainingAfresh.Counts(0, 0, 0));
        try (Stream<Path> files = Files.list(dataDir.resolve("outbox"))) {
            assertThat(files.toList()).isEmpty();
        }
        press(robot, "staff-afresh-back");
        assertThat(showing(robot, "staff-afresh-open")).isTrue();
    }

    private void openAfresh(FxRobot robot) {
        robot.clickOn("#staff-open");
        for (char c : TestKiosk.PIN.toCharArray()) {
            robot.clickOn("#staff-key-" + c);
        }
        robot.clickOn("#staff-pin-ok");
        await(() -> showing(robot, "staff-afresh-open"));
        press(robot, "staff-afresh-open");
    }

    private void parkADraft(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.interact(() -> {
            services.sessions().answer("applicant.name", "Nguyễn Văn An");
            services.sessions().moveTo(Step.FORM);
        });
        press(robot, "session-park");
        typeInto(robot, "drafts-birth-year", "1995");
        press(robot, "drafts-park-confirm");
        await(() -> showing(robot, "drafts-parked-code"));
        press(robot, "drafts-parked-done");
        await(() -> showing(robot, "file"));
    }

    private Receipt receipt(String ref) {
        return new Receipt("Sở Tư pháp tỉnh Khánh Hòa", "Bộ phận Một cửa", ref, null, ref,
                new Receipt.Applicant("Nguyễn Văn An", "001095012345", "Số 12 Lê Lợi", "0905123456", null),
                "Cấp Phiếu lý lịch tư pháp", List.of(new Receipt.ReceivedDocument("Căn cước", 0, 1)), 10,
                new Receipt.Fee(200_000, Receipt.FeeStatus.DUE_AT_COUNTER), LocalDateTime.now(clock), null,
                new Receipt.Delivery(Receipt.ResultChannel.COUNTER, "Bộ phận Một cửa"), null, "TAP-HUAN-01", true);
    }

    private String text(FxRobot robot, String id) {
        return ((Label) find(robot, id)).getText();
    }
}
