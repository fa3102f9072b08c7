package vn.motcua.kiosk.help;

import vn.motcua.kiosk.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.testing.TestClock;

class HelpCallTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private final AtomicInteger rings = new AtomicInteger();
    private boolean silent;
    private Database db;
    private EventLog events;
    private HelpCall call;

    @BeforeEach
    void open() {
        db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
        events = new EventLog(db, clock);
        call = new HelpCall(() -> {
            rings.incrementAndGet();
            return !silent;
        }, clock, Duration.ofSeconds(30), events::record, () -> "session-1");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Event> helpEvents() {
        return events.recent(50).stream().filter(e -> e.type().name().startsWith("HELP_")).toList();
    }

    private void after(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        call.tick();
    }

    @Test
    void aCallRingsAtOnceWaitsAndIsLogged() {
        assertThat(call.waiting()).isFalse();
        call.call();
        assertThat(rings).hasValue(1);
        assertThat(call.waiting()).isTrue();
        assertThat(call.heard()).isTrue();
        assertThat(helpEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.HELP_REQUESTED);
            assertThat(e.sessionId()).isEqualTo("session-1");
            assertThat(e.detail()).isEqualTo("chime=heard");
        });
    }

    @Test
    void theChimeRepeatsEveryIntervalWhileWaiting() {
        call.call();
        after(29);
        assertThat(rings).hasValue(1);
        after(1);
        assertThat(rings).hasValue(2);
        call.tick();
        assertThat(rings).as("one ring per interval, however often the timer ticks").hasValue(2);
        after(30);
        assertThat(rings).hasValue(3);
    }

    @Test
    void aSecondTapWhileWaitingNeitherRingsNorLogsAgain() {
        call.call();
        clock.advance(Duration.ofSeconds(5));
        call.call();
        assertThat(rings).hasValue(1);
        assertThat(helpEvents()).hasSize(1);
        after(25);
        assertThat(rings).as("the interval runs from the first ring").hasValue(2);
    }

    @Test
    void answeringStopsTheChimeAndLogsOnlyCounts() {
        call.call();
        after(30);
        clock.advance(Duration.ofSeconds(15));
        call.answered();
        assertThat(call.waiting()).isFalse();
        after(60);
        assertThat(rings).hasValue(2);
        assertThat(helpEvents()).extracting(Event::type).containsExactly(EventType.HELP_REQUESTED, EventType.HELP_ANSWERED);
        assertThat(helpEvents().get(1).detail()).isEqualTo("waitedSeconds=45 chimes=2");
    }

    @Test
    void withNobodyWaitingAnsweringWithdrawingAndTicksDoNothing() {
        call.answered();
        after(60);
        assertThat(rings).hasValue(0);
        assertThat(helpEvents()).isEmpty();
    }

    @Test
    void aSilentMachineStillWaitsAndKnowsItWasNotHeard() {
        silent = true;
        call.call();
        assertThat(call.waiting()).isTrue();
        assertThat(call.heard()).isFalse();
        assertThat(helpEvents().get(0).detail()).isEqualTo("chime=silent");
        after(30);
        assertThat(rings).as("it keeps trying: a speaker may be plugged in").hasValue(2);
    }

    @Test
    void aNewCallAfterAnAnswerStartsAfresh() {
        call.call();
        call.answered();
        clock.advance(Duration.ofSeconds(100));
        call.call();
        assertThat(rings).hasValue(2);
        after(30);
        assertThat(rings).hasValue(3);
    }
}
