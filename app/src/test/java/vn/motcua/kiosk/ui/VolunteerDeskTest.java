package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.testing.TestKiosk;
import vn.motcua.kiosk.volunteer.VolunteerDesk;

/**
 * A volunteer (the test kiosk's Hoa, PIN 8642) signs in from the header, is named there on every
 * screen, answers a help call with their own PIN, hands over from one citizen to the next while
 * staying signed in, and is signed out after the configured 30 minutes untouched.
 */
class VolunteerDeskTest extends ShellFixture {

    private String text(FxRobot robot, String id) {
        return ((Labeled) find(robot, id)).getText();
    }

    private void typePin(FxRobot robot, String pin) {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#staff-key-" + c);
        }
        robot.clickOn("#staff-pin-ok");
    }

    private void signIn(FxRobot robot, String pin) {
        robot.clickOn("#staff-open");
        assertThat(text(robot, "staff-pin-title")).isEqualTo("Nhân viên, tình nguyện viên");
        typePin(robot, pin);
        await(() -> !showing(robot, "staff"));
    }

    private List<Event> events() {
        services.sessions().flush(); // events are written on the session's disk thread
        return services.events().recent(50);
    }

    @Test
    void aVolunteerSignsInAndTheHeaderNamesThemOnEveryScreen(FxRobot robot) {
        assertThat(showing(robot, "volunteer-open")).isFalse();

        signIn(robot, TestKiosk.VOLUNTEER_PIN);

        assertThat(showing(robot, "staff-quit")).as("a volunteer's PIN opens no staff menu").isFalse();
        assertThat(text(robot, "volunteer-open")).isEqualTo("Tình nguyện viên: Hoa");
        assertThat(showing(robot, "staff-open")).as("the badge takes the staff button's place").isFalse();
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        assertThat(text(robot, "volunteer-open")).isEqualTo("Tình nguyện viên: Hoa");
        robot.clickOn("#language");
        assertThat(text(robot, "volunteer-open")).isEqualTo("Volunteer: Hoa");
        String session = services.sessions().current().orElseThrow().id();
        assertThat(events()).filteredOn(e -> e.type() == EventType.VOLUNTEER_SIGNED_IN).extracting(Event::detail)
                .containsExactly("volunteer=Hoa");
        // The session records who helped it; nothing in the log names the citizen.
        assertThat(events()).filteredOn(e -> e.type() == EventType.SESSION_HELPED)
                .extracting(Event::sessionId, Event::detail).containsExactly(org.assertj.core.groups.Tuple.tuple(session, "volunteer=Hoa"));
    }

    @Test
    void aWrongPinIsRefusedAndTheStaffMenuStillTakesTheStaffPin(FxRobot robot) {
        robot.clickOn("#staff-open");
        typePin(robot, "1111");
        await(() -> text(robot, "staff-pin-feedback").equals("Mã PIN không đúng. Còn 4 lần thử."));
        robot.clickOn("#staff-pin-cancel");
        assertThat(showing(robot, "volunteer-open")).isFalse();

        signIn(robot, TestKiosk.VOLUNTEER_PIN);
        robot.clickOn("#volunteer-open").clickOn("#volunteer-staff-menu");
        typePin(robot, TestKiosk.PIN);
        await(() -> showing(robot, "staff-quit"));
        assertThat(text(robot, "volunteer-open")).as("the volunteer is still signed in").isEqualTo("Tình nguyện viên: Hoa");
    }

    @Test
    void aVolunteerAnswersAHelpCallWithTheirOwnPin(FxRobot robot) {
        services.useChime(() -> true);
        robot.clickOn("#help");
        robot.clickOn("#help-waiting");
        typePin(robot, TestKiosk.VOLUNTEER_PIN);
        await(() -> !showing(robot, "help-waiting"));
        assertThat(events()).filteredOn(e -> e.type() == EventType.HELP_ANSWERED).singleElement()
                .satisfies(e -> assertThat(e.detail()).endsWith(" by=volunteer"));
    }

    @Test
    void handingOverEndsTheSessionAfterTheQuestionAndKeepsTheVolunteerSignedIn(FxRobot robot) {
        signIn(robot, TestKiosk.VOLUNTEER_PIN);
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        String first = services.sessions().current().orElseThrow().id();

        robot.clickOn("#volunteer-open");
        assertThat(text(robot, "volunteer-menu-title")).isEqualTo("Tình nguyện viên: Hoa");
        robot.clickOn("#volunteer-handover");
        assertThat(showing(robot, "end-yes")).as("the same question as 'Kết thúc'").isTrue();
        robot.clickOn("#end-yes");

        assertThat(showing(robot, "file")).isTrue();
        assertThat(services.sessions().current()).isEmpty();
        assertThat(text(robot, "volunteer-open")).isEqualTo("Tình nguyện viên: Hoa");

        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        String second = services.sessions().current().orElseThrow().id();
        assertThat(events()).filteredOn(e -> e.type() == EventType.SESSION_HELPED).extracting(Event::sessionId)
                .containsExactly(first, second);
    }

    @Test
    void theVolunteerIsSignedOutAfterThirtyMinutesUntouchedButNotBefore(FxRobot robot) {
        signIn(robot, TestKiosk.VOLUNTEER_PIN);
        clock.advance(Duration.ofMinutes(20));
        robot.clickOn("#file"); // a touch
        clock.advance(Duration.ofMinutes(29));
        robot.interact(this::tickVolunteers);
        assertThat(text(robot, "volunteer-open")).isEqualTo("Tình nguyện viên: Hoa");

        clock.advance(Duration.ofMinutes(1));
        robot.interact(this::tickVolunteers);
        assertThat(showing(robot, "volunteer-open")).isFalse();
        assertThat(showing(robot, "staff-open")).isTrue();
        assertThat(events()).filteredOn(e -> e.type() == EventType.VOLUNTEER_SIGNED_OUT).extracting(Event::detail)
                .containsExactly("volunteer=Hoa reason=INACTIVITY minutes=50");
    }

    @Test
    void signingOutIsOneTapInTheMenu(FxRobot robot) {
        signIn(robot, TestKiosk.VOLUNTEER_PIN);
        robot.clickOn("#volunteer-open").clickOn("#volunteer-signout");
        assertThat(showing(robot, "staff-open")).isTrue();
        assertThat(services.volunteerDesk().helper()).isEmpty();
        assertThat(events()).filteredOn(e -> e.type() == EventType.VOLUNTEER_SIGNED_OUT).extracting(Event::detail)
                .containsExactly("volunteer=Hoa reason=TAP minutes=0");
    }

    @Test
    void aStaffMemberHelpsFromTheMenuAndTheHeaderSaysStaff(FxRobot robot) {
        robot.clickOn("#staff-open");
        typePin(robot, TestKiosk.PIN);
        await(() -> showing(robot, "staff-help-citizens"));
        robot.clickOn("#staff-help-citizens");
        assertThat(showing(robot, "staff")).isFalse();
        assertThat(text(robot, "volunteer-open")).isEqualTo("Nhân viên");
        assertThat(services.volunteerDesk().helper()).contains(new VolunteerDesk.Helper(null, true));
    }

    /** What the shell's one-second timer does for the volunteer's sign-out (the header follows the desk). */
    private void tickVolunteers() {
        services.volunteerDesk().tick();
    }
}
