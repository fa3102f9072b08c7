package vn.motcua.kiosk.staff;

import vn.motcua.kiosk.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.testing.TestClock;

class StaffGateTest {
    @TempDir
    Path dir;

    @Test
    void hashIsSaltedAndVerifies() {
        String a = PinHash.create("2468".toCharArray(), 1_000);
        String b = PinHash.create("2468".toCharArray(), 1_000);
        assertThat(a).isNotEqualTo(b).startsWith("pbkdf2-sha256:1000:");
        assertThat(PinHash.isWellFormed(a)).isTrue();
        assertThat(PinHash.parse(a).matches("2468".toCharArray())).isTrue();
        assertThat(PinHash.parse(a).matches("2469".toCharArray())).isFalse();
    }

    @Test
    void weakOrMalformedHashesAreRefused() {
        assertThat(PinHash.isWellFormed("pbkdf2-sha256:10:AAAA:AAAA")).isFalse();
        assertThat(PinHash.isWellFormed("2468")).isFalse();
        assertThatThrownBy(() -> PinHash.parse("md5:abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongPinsCountDownThenLockForAMinute() {
        TestClock clock = new TestClock();
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"))) {
            EventLog events = new EventLog(db, clock);
            StaffGate gate = new StaffGate(PinHash.parse(PinHash.create("2468".toCharArray(), 1_000)), clock, events);
            for (int left = StaffGate.MAX_ATTEMPTS - 1; left >= 1; left--) {
                assertThat(gate.check("0000".toCharArray())).isEqualTo(new StaffGate.Result.Wrong(left));
            }
            assertThat(gate.check("0000".toCharArray())).isInstanceOf(StaffGate.Result.Locked.class);
            // Locked: even the right PIN waits.
            assertThat(gate.check("2468".toCharArray())).isEqualTo(new StaffGate.Result.Locked(60));
            clock.advance(Duration.ofSeconds(61));
            assertThat(gate.check("2468".toCharArray())).isInstanceOf(StaffGate.Result.Accepted.class);
            assertThat(events.recent(100)).extracting(e -> e.type())
                    .contains(EventType.STAFF_PIN_REFUSED, EventType.STAFF_PIN_ACCEPTED);
        }
    }

    @Test
    void thePinArrayIsWipedAfterTheCheck() {
        TestClock clock = new TestClock();
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"))) {
            StaffGate gate = new StaffGate(PinHash.parse(PinHash.create("2468".toCharArray(), 1_000)), clock,
                    new EventLog(db, clock));
            char[] pin = "2468".toCharArray();
            gate.check(pin);
            assertThat(pin).containsOnly('\0');
        }
    }

    @Test
    void eachMembersPinNamesThemAndTheirActionsAreRecordedWithTheirName() {
        TestClock clock = new TestClock();
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"))) {
            EventLog events = new EventLog(db, clock);
            StaffGate gate = new StaffGate(java.util.List.of(
                    new StaffGate.Member("Lan", PinHash.parse(PinHash.create("1357".toCharArray(), 1_000))),
                    new StaffGate.Member(null, PinHash.parse(PinHash.create("2468".toCharArray(), 1_000)))), clock, events);
            assertThat(gate.check("1357".toCharArray())).isEqualTo(new StaffGate.Result.Accepted("Lan"));
            assertThat(gate.check("2468".toCharArray())).isEqualTo(new StaffGate.Result.Accepted(null));
            assertThat(gate.check("9999".toCharArray())).isEqualTo(new StaffGate.Result.Wrong(StaffGate.MAX_ATTEMPTS - 1));
            gate.acted(StaffAction.REPRINT, "Lan");
            gate.acted(StaffAction.RESEND, null);
            gate.acted(StaffAction.LEAVE_FULL_SCREEN, "Lan");
            gate.acted(StaffAction.SHUT_DOWN, "Lan");
            assertThat(events.recent(20)).extracting(e -> e.type() + " " + e.detail()).containsExactly(
                    "STAFF_PIN_ACCEPTED staff=Lan", "STAFF_PIN_ACCEPTED null", "STAFF_PIN_REFUSED attemptsLeft=4",
                    "STAFF_ACTION action=reprint staff=Lan", "STAFF_ACTION action=resend",
                    "STAFF_LEFT_FULL_SCREEN staff=Lan", "STAFF_QUIT staff=Lan");
        }
    }
}
