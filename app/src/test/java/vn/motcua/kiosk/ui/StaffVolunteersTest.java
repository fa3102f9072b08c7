package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.testing.TestKiosk;
import vn.motcua.kiosk.volunteer.Volunteers;

/**
 * Staff add a volunteer on the kiosk (name on the keyboard, the volunteer's own PIN), who can then
 * sign in; removing them signs them out and their PIN opens nothing any more. The configured
 * volunteer stays. Each change is recorded with who made it.
 */
class StaffVolunteersTest extends ShellFixture {

    private String text(FxRobot robot, String id) {
        return ((Labeled) find(robot, id)).getText();
    }

    private void openVolunteers(FxRobot robot) {
        robot.clickOn("#staff-open");
        typePin(robot, "staff-key-", TestKiosk.PIN);
        robot.clickOn("#staff-pin-ok");
        await(() -> showing(robot, "staff-volunteers-open"));
        robot.clickOn("#staff-volunteers-open");
        await(() -> showing(robot, "volunteer-row-0"));
    }

    private static void typePin(FxRobot robot, String prefix, String pin) {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#" + prefix + c);
        }
    }

    private void add(FxRobot robot, String name, String pin) {
        typeName(robot, name);
        typePin(robot, "volunteer-new-key-", pin);
        robot.clickOn("#volunteer-add");
        await(() -> !text(robot, "staff-volunteers-feedback").equals("Đang lưu…")
                && !text(robot, "staff-volunteers-feedback").isEmpty());
    }

    /** The name on its own keyboard, which takes the PIN pad's room until "Xong". */
    private void typeName(FxRobot robot, String name) {
        typeInto(robot, "volunteer-new-name", name);
        assertThat(showing(robot, "volunteer-keyboard")).as("the name field has its keyboard above the staff card").isTrue();
        assertThat(showing(robot, "volunteer-new-key-1")).isFalse();
        robot.clickOn("#volunteer-new-name-done");
        assertThat(showing(robot, "volunteer-keyboard")).isFalse();
    }

    private List<Event> events() {
        services.sessions().flush();
        return services.events().recent(50);
    }

    @Test
    void staffAddAVolunteerWhoSignsInAndRemoveThemAgain(FxRobot robot) {
        openVolunteers(robot);
        assertThat(text(robot, "volunteer-row-0")).isEqualTo("Hoa");
        assertThat(text(robot, "volunteer-configured-0")).isEqualTo("Trong tệp cấu hình");

        add(robot, "  Lan  ", "4321");
        assertThat(text(robot, "staff-volunteers-feedback")).startsWith("Đã thêm tình nguyện viên Lan.");
        await(() -> showing(robot, "volunteer-remove-1"));
        assertThat(text(robot, "volunteer-row-1")).isEqualTo("Lan");
        assertThat(text(robot, "volunteer-new-mask")).as("the PIN is not kept on screen").isEmpty();

        robot.clickOn("#staff-volunteers-back").clickOn("#staff-close");
        robot.clickOn("#staff-open");
        typePin(robot, "staff-key-", "4321");
        robot.clickOn("#staff-pin-ok");
        await(() -> text(robot, "volunteer-open").equals("Tình nguyện viên: Lan"));

        robot.clickOn("#volunteer-open").clickOn("#volunteer-staff-menu");
        typePin(robot, "staff-key-", TestKiosk.PIN);
        robot.clickOn("#staff-pin-ok");
        await(() -> showing(robot, "staff-volunteers-open"));
        robot.clickOn("#staff-volunteers-open");
        await(() -> showing(robot, "volunteer-remove-1"));
        robot.clickOn("#volunteer-remove-1");
        await(() -> text(robot, "staff-volunteers-feedback").equals("Đã xóa tình nguyện viên Lan."));
        await(() -> !showing(robot, "volunteer-row-1"));
        robot.clickOn("#staff-volunteers-back").clickOn("#staff-close");
        assertThat(showing(robot, "volunteer-open")).as("a removed volunteer is signed out").isFalse();

        robot.clickOn("#staff-open");
        typePin(robot, "staff-key-", "4321");
        robot.clickOn("#staff-pin-ok");
        await(() -> text(robot, "staff-pin-feedback").startsWith("Mã PIN không đúng"));

        assertThat(events()).filteredOn(e -> e.type() == EventType.STAFF_ACTION).extracting(Event::detail)
                .containsExactly("action=add-volunteer", "action=remove-volunteer");
        assertThat(services.volunteers().list()).extracting(Volunteers.Volunteer::name).containsExactly("Hoa");
    }

    @Test
    void aTakenNameOrPinOrAShortPinIsRefusedWithTheReason(FxRobot robot) {
        openVolunteers(robot);
        add(robot, "hoa", "5555");
        assertThat(text(robot, "staff-volunteers-feedback")).startsWith("Tên này đã có");
        add(robot, "Lan", TestKiosk.PIN);
        assertThat(text(robot, "staff-volunteers-feedback")).isEqualTo("Mã PIN này đã có người dùng. Hãy chọn mã khác.");
        typeName(robot, "Lan");
        typePin(robot, "volunteer-new-key-", "123");
        assertThat(onFxDisabled(robot, "volunteer-add")).as("fewer than 4 digits").isTrue();
        assertThat(services.volunteers().list()).extracting(Volunteers.Volunteer::name).containsExactly("Hoa");
    }

    private static boolean onFxDisabled(FxRobot robot, String id) {
        javafx.scene.Node n = find(robot, id);
        return n.isDisabled();
    }
}
