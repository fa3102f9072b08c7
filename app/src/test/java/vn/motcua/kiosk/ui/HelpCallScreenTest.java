package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.help.Chime;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventType;

/**
 * "Cần hỗ trợ?" rings the kiosk's chime and shows "Đang chờ hỗ trợ" in the header on every
 * screen until someone answers with the staff PIN; the citizen is told what the kiosk did.
 */
class HelpCallScreenTest extends ShellFixture {

    /** Counts rings; "silent" plays a machine without a sound device. */
    private static final class RecordingChime implements Chime {
        final AtomicInteger rings = new AtomicInteger();
        volatile boolean silent;

        @Override
        public boolean ring() {
            rings.incrementAndGet();
            return !silent;
        }
    }

    private final RecordingChime chime = new RecordingChime();

    @BeforeEach
    void recordTheChime() {
        services.useChime(chime);
    }

    /** What the shell's one-second timer does, after the test moved the clock. */
    private void after(FxRobot robot, int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        robot.interact(() -> services.helpCall().tick());
    }

    private String text(FxRobot robot, String id) {
        return ((Labeled) find(robot, id)).getText();
    }

    private void typePin(FxRobot robot, String pin) {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#staff-key-" + c);
        }
        robot.clickOn("#staff-pin-ok");
    }

    @Test
    void tappingHelpRingsAndShowsTheWaitingStateInTheHeader(FxRobot robot) {
        assertThat(showing(robot, "help-waiting")).isFalse();

        robot.clickOn("#help");

        assertThat(chime.rings).hasValue(1);
        assertThat(showing(robot, "help-waiting")).isTrue();
        assertThat(text(robot, "help-waiting")).startsWith("Đang chờ hỗ trợ");
        // What the kiosk did, not that a volunteer was told.
        assertThat(text(robot, "help-sent")).isEqualTo("Đã phát chuông gọi hỗ trợ. Xin quý vị chờ tại đây.");
        services.sessions().flush(); // events are written on the session's disk thread
        assertThat(services.events().recent(1)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.HELP_REQUESTED);
            assertThat(e.detail()).isEqualTo("chime=heard");
        });
    }

    @Test
    void theWaitingStateStaysOnEveryScreen(FxRobot robot) {
        robot.clickOn("#help");
        robot.clickOn("#file");
        assertThat(showing(robot, "consent-agree")).isTrue();
        assertThat(showing(robot, "help-waiting")).isTrue();
        robot.clickOn("#consent-agree").clickOn("#consent-continue");
        assertThat(showing(robot, "procedure-search")).isTrue();
        assertThat(showing(robot, "help-waiting")).isTrue();
        robot.clickOn("#language");
        assertThat(text(robot, "help-waiting")).startsWith("Waiting for help");
        assertThat(chime.rings).as("moving on neither rings again nor stops the call").hasValue(1);
    }

    @Test
    void helpCanBeCalledFromEveryScreenNotOnlyWelcome(FxRobot robot) {
        assertThat(showing(robot, "session-help")).as("Welcome has its own, larger button").isFalse();
        robot.clickOn("#file");
        assertThat(showing(robot, "session-help")).as("consent").isTrue();
        robot.clickOn("#consent-agree").clickOn("#consent-continue");
        assertThat(showing(robot, "session-help")).as("the procedure list").isTrue();
        robot.clickOn("#session-help");
        assertThat(chime.rings).hasValue(1);
        assertThat(showing(robot, "help-waiting")).isTrue();
        assertThat(find(robot, "session-help").isDisabled()).as("one call at a time").isTrue();
        robot.clickOn("#session-end").clickOn("#end-yes");
        robot.clickOn("#track");
        assertThat(showing(robot, "session-help")).as("a Welcome feature without a session").isTrue();
    }

    @Test
    void atLargeTextTheWaitingStateCrowdsNothingOffTheScreen(FxRobot robot) {
        robot.clickOn("#large-text").clickOn("#help");
        assertThat(showing(robot, "help-waiting")).isTrue();
        javafx.scene.Node staffButton = find(robot, "staff-open");
        double right = staffButton.localToScene(staffButton.getLayoutBounds()).getMaxX();
        assertThat(right).isLessThanOrEqualTo(staffButton.getScene().getWidth());
    }

    @Test
    void theChimeRepeatsWhileWaiting(FxRobot robot) {
        robot.clickOn("#help");
        after(robot, 29);
        assertThat(chime.rings).hasValue(1);
        after(robot, 1);
        assertThat(chime.rings).hasValue(2);
        after(robot, 30);
        assertThat(chime.rings).hasValue(3);
        assertThat(showing(robot, "help-waiting")).isTrue();
    }

    @Test
    void theStaffPinAnswersTheCallAndTheStateClears(FxRobot robot) {
        robot.clickOn("#help");
        robot.clickOn("#help-waiting");
        assertThat(showing(robot, "staff")).isTrue();
        assertThat(((Label) find(robot, "staff-pin-title")).getText()).isEqualTo("Xác nhận đã có người hỗ trợ");

        typePin(robot, "2468");

        await(() -> !showing(robot, "help-waiting"));
        assertThat(showing(robot, "staff")).as("the PIN answered the call; it opens no menu").isFalse();
        assertThat(showing(robot, "help-sent")).isFalse();
        after(robot, 60);
        assertThat(chime.rings).hasValue(1);
        services.sessions().flush(); // events are written on the session's disk thread
        assertThat(services.events().recent(5)).extracting(Event::type)
                .containsSubsequence(EventType.HELP_REQUESTED, EventType.STAFF_PIN_ACCEPTED, EventType.HELP_ANSWERED);
    }

    @Test
    void aWrongPinLeavesTheCallWaitingAndCountsAgainstTheStaffPin(FxRobot robot) {
        robot.clickOn("#help");
        robot.clickOn("#help-waiting");

        typePin(robot, "1111");

        await(() -> text(robot, "staff-pin-feedback").startsWith("Mã PIN không đúng"));
        assertThat(text(robot, "staff-pin-feedback")).isEqualTo("Mã PIN không đúng. Còn 4 lần thử.");
        robot.clickOn("#staff-pin-cancel");
        assertThat(showing(robot, "help-waiting")).isTrue();
        after(robot, 30);
        assertThat(chime.rings).hasValue(2);
        services.sessions().flush(); // events are written on the session's disk thread
        assertThat(services.events().recent(10)).extracting(Event::type).doesNotContain(EventType.HELP_ANSWERED);

        // One limiter for the staff PIN, whichever pad asked for it.
        robot.clickOn("#staff-open");
        typePin(robot, "1111");
        await(() -> text(robot, "staff-pin-feedback").equals("Mã PIN không đúng. Còn 3 lần thử."));
    }

    @Test
    void neitherTheSessionsEndNorTheIdleResetDropsTheCall(FxRobot robot) {
        robot.clickOn("#help");
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#session-end").clickOn("#end-yes");
        assertThat(showing(robot, "file")).isTrue();
        assertThat(showing(robot, "help-waiting")).as("after 'Kết thúc'").isTrue();

        clock.advance(Duration.ofSeconds(120));
        robot.interact(vm::tick); // the idle reset
        assertThat(showing(robot, "help-waiting")).as("after the idle reset").isTrue();
        robot.interact(() -> services.helpCall().tick());
        assertThat(chime.rings).as("still calling until someone answers").hasValue(2);

        robot.clickOn("#help-waiting");
        typePin(robot, "2468");
        await(() -> !showing(robot, "help-waiting"));
    }

    @Test
    void withoutASoundDeviceTheCitizenIsToldAndTheStateStillShows(FxRobot robot) {
        chime.silent = true;

        robot.clickOn("#help");

        assertThat(showing(robot, "help-waiting")).isTrue();
        assertThat(text(robot, "help-sent"))
                .isEqualTo("Kiosk không phát được chuông. Xin quý vị giơ tay hoặc đến quầy để được hỗ trợ.");
        services.sessions().flush(); // events are written on the session's disk thread
        assertThat(services.events().recent(1).get(0).detail()).isEqualTo("chime=silent");
    }
}
