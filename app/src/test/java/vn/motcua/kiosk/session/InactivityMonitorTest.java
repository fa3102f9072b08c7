package vn.motcua.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.session.InactivityMonitor.Phase;
import vn.motcua.kiosk.session.InactivityMonitor.Status;
import vn.motcua.kiosk.testing.TestClock;

class InactivityMonitorTest {
    private final TestClock clock = new TestClock();
    private final InactivityMonitor monitor = new InactivityMonitor(clock, Duration.ofSeconds(90), Duration.ofSeconds(120));

    @Test
    void activeThenWarningWithCountdownThenExpired() {
        assertThat(monitor.poll()).isEqualTo(new Status(Phase.ACTIVE, 120));
        clock.advance(Duration.ofSeconds(89));
        assertThat(monitor.poll().phase()).isEqualTo(Phase.ACTIVE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(monitor.poll()).isEqualTo(new Status(Phase.WARNING, 30));
        clock.advance(Duration.ofMillis(29_500));
        assertThat(monitor.poll()).isEqualTo(new Status(Phase.WARNING, 1));
        clock.advance(Duration.ofMillis(500));
        assertThat(monitor.poll()).isEqualTo(new Status(Phase.EXPIRED, 0));
    }

    @Test
    void activityStartsTheCountAgain() {
        clock.advance(Duration.ofSeconds(100));
        assertThat(monitor.poll().phase()).isEqualTo(Phase.WARNING);
        monitor.activity();
        assertThat(monitor.poll()).isEqualTo(new Status(Phase.ACTIVE, 120));
    }

    @Test
    void theEndMustComeAfterTheWarning() {
        assertThatThrownBy(() -> new InactivityMonitor(clock, Duration.ofSeconds(60), Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
