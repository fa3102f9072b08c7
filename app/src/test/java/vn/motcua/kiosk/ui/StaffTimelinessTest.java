package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.store.OutboxStore;

/**
 * "Số liệu" asks the portal how this kiosk's sent dossiers fared: on time, late or still in
 * progress, as the training portal's own schedule settles them (every fourth of a day late).
 */
class StaffTimelinessTest extends PortalShellFixture {

    private String figure(FxRobot robot, String id) {
        return ((Label) find(robot, "figure-" + id)).getText();
    }

    @Test
    void staffSeeHowManyOfTheKiosksDossiersWereSettledOnTimeAndHowManyLate(FxRobot robot) throws Exception {
        services.portal().start();
        Path paper = Files.write(dataDir.resolveSibling("giay-to.pdf"), new byte[20_000]);
        for (int i = 0; i < 4; i++) {
            services.portal().outbox().add(new Outbox.Submission("lltp-self", "{\"procedureId\":\"lltp-self\","
                    + "\"agencyCode\":\"000.00.14.H56\",\"applicant\":{\"fullName\":\"NGUYỄN VĂN AN\","
                    + "\"idNumber\":\"001095012345\",\"phone\":\"0912345678\"}}",
                    List.of(new Outbox.Paper("idCard", "cccd.pdf", paper))));
        }
        services.portal().wakeWorker();
        await(() -> services.portal().outbox().store().all().stream().allMatch(e -> e.state() == OutboxStore.State.SENT));
        portal.portal.advanceClock(Duration.ofDays(60)); // long past every due date: all settled

        PortalClient client = new PortalClient(portal.endpoint());
        int late = 0;
        for (OutboxStore.Entry e : services.portal().outbox().store().all()) {
            late += client.status(e.dossierCode()).late() ? 1 : 0;
        }
        assertThat(late).as("the training portal plans every fourth late").isEqualTo(1);

        openStaffMenu(robot);
        await(() -> showing(robot, "staff-figures-open"));
        robot.clickOn("#staff-figures-open");
        await(() -> robot.lookup("#figure-onTime").tryQuery().isPresent());
        assertThat(figure(robot, "onTime")).isEqualTo("3");
        assertThat(figure(robot, "late")).isEqualTo("1");
        assertThat(figure(robot, "inProgress")).isEqualTo("0");
    }
}
