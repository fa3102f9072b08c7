package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.staff.PinHash;
import vn.motcua.kiosk.startup.ExitStatus;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.testing.TestKiosk;

/** Staff with their own PINs (Lan 1357, Minh 9753) beside the shared one (2468): the menu and the log name who. */
class NamedStaffTest extends ShellFixture {

    @Override
    protected KioskConfig config() {
        KioskConfig c = TestKiosk.config();
        KioskConfig.Staff staff = new KioskConfig.Staff(PinHash.create("2468".toCharArray(), 1_000), List.of(
                new KioskConfig.Member("Lan", PinHash.create("1357".toCharArray(), 1_000)),
                new KioskConfig.Member("Minh", PinHash.create("9753".toCharArray(), 1_000))));
        return new KioskConfig(c.kioskId(), c.agency(), c.mode(), c.portal(), c.language(), c.timeouts(), c.devices(),
                staff, c.volunteers(), c.signing(), c.keyboard(), c.privacy());
    }

    private void openWith(FxRobot robot, String pin) {
        robot.clickOn("#staff-open");
        for (char d : pin.toCharArray()) {
            robot.clickOn("#staff-key-" + d);
        }
        robot.clickOn("#staff-pin-ok");
        await(() -> showing(robot, "staff-quit"));
    }

    private String title(FxRobot robot) {
        return ((Label) find(robot, "staff-menu-title")).getText();
    }

    @Test
    void eachPinOpensTheMenuInItsOwnersNameAndTheirActionIsRecordedSo(FxRobot robot) {
        openWith(robot, "1357");
        assertThat(title(robot)).isEqualTo("Nhân viên: Lan");
        robot.clickOn("#staff-close");

        // The shared PIN still opens the menu, without a name.
        openWith(robot, "2468");
        assertThat(title(robot)).isEqualTo("Nhân viên");
        robot.clickOn("#staff-close");

        openWith(robot, "9753");
        assertThat(title(robot)).isEqualTo("Nhân viên: Minh");
        robot.clickOn("#staff-quit");
        assertThat(exits).containsExactly(ExitStatus.STAFF_LEFT);
        services.sessions().flush();
        assertThat(services.events().recent(20)).filteredOn(e -> e.type() == EventType.STAFF_QUIT)
                .extracting(Event::detail).containsExactly("staff=Minh");
        assertThat(services.events().recent(20)).filteredOn(e -> e.type() == EventType.STAFF_PIN_ACCEPTED)
                .extracting(Event::detail).containsExactly("staff=Lan", null, "staff=Minh");
    }
}
