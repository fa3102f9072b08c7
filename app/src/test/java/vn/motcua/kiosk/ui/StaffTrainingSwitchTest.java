package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.Mode;
import vn.motcua.kiosk.outbox.TrainingPortalFixture;
import vn.motcua.kiosk.startup.ExitStatus;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * A production kiosk (its portal: a training portal standing in for the real one) that staff
 * switch into training — the banner, the kiosk's own training portal, a data folder of its own,
 * receipts watermarked — and back to real mode; each switch restarts the kiosk and is recorded
 * with who did it.
 */
class StaffTrainingSwitchTest extends ShellFixture {
    private static TrainingPortalFixture realPortal;

    @BeforeAll
    static void startPortal() throws Exception {
        realPortal = new TrainingPortalFixture(Files.createTempDirectory("real-portal"));
    }

    @AfterAll
    static void stopPortal() {
        realPortal.close();
    }

    @Override
    protected KioskConfig config() {
        KioskConfig c = TestKiosk.withPortal(URI.create(realPortal.portal.apiUrl()), "KioskPDF");
        return new KioskConfig(c.kioskId(), c.agency(), Mode.production, c.portal(), c.language(), c.timeouts(), c.devices(),
                c.staff(), c.volunteers(), c.signing(), c.keyboard(), c.privacy());
    }

    private void menu(FxRobot robot) {
        openStaffMenu(robot);
        await(() -> showing(robot, "staff-training-switch"));
    }

    @Test
    void staffSwitchTrainingOnAndOffAndTheKioskRestartsInEachMode(FxRobot robot) throws Exception {
        assertThat(showing(robot, "training-banner")).isFalse();
        assertThat(services.portal().embeddedTraining()).isFalse();
        menu(robot);
        assertThat(((javafx.scene.control.Button) find(robot, "staff-training-switch")).getText())
                .isEqualTo("Chuyển sang chế độ tập huấn");
        assertThat(showing(robot, "staff-afresh-open")).as("nothing to erase on a real kiosk").isFalse();
        robot.clickOn("#staff-training-switch");
        assertThat(exits).containsExactly(ExitStatus.MODE_CHANGED);
        services.sessions().flush();
        assertThat(services.events().recent(10)).filteredOn(e -> e.type() == EventType.STAFF_ACTION)
                .extracting(Event::detail).containsExactly("action=training-on");

        // The service restarts it: in training, on its own portal and data folder, with the banner.
        stopKiosk();
        startKiosk();
        assertThat(showing(robot, "training-banner")).isTrue();
        assertThat(services.portal().embeddedTraining()).isTrue();
        assertThat(services.config().training()).as("receipts carry the training watermark").isTrue();
        assertThat(services.events().recent(50)).as("a data folder of its own")
                .noneMatch(e -> e.type() == EventType.STAFF_ACTION);
        menu(robot);
        assertThat(showing(robot, "staff-afresh-open")).as("training data can be erased").isTrue();
        assertThat(((javafx.scene.control.Button) find(robot, "staff-training-switch")).getText())
                .isEqualTo("Trở về chế độ thật");
        robot.clickOn("#staff-training-switch");
        assertThat(exits).containsExactly(ExitStatus.MODE_CHANGED, ExitStatus.MODE_CHANGED);

        stopKiosk();
        startKiosk();
        assertThat(showing(robot, "training-banner")).isFalse();
        assertThat(services.portal().embeddedTraining()).isFalse();
        services.sessions().flush();
        assertThat(services.events().recent(50)).filteredOn(e -> e.type() == EventType.STAFF_ACTION)
                .extracting(Event::detail).containsExactly("action=training-on");
    }

    @Test
    void aKioskConfiguredForTrainingHasNothingToSwitch(FxRobot robot) throws Exception {
        assertThat(services.trainingSwitch()).as("this production kiosk").isPresent();
        // The shipped configuration: training only.
        assertThat(vn.motcua.kiosk.startup.TrainingSwitch.offered(TestKiosk.config())).isFalse();
    }
}
