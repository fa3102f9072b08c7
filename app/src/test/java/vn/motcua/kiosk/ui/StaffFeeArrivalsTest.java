package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * A fee the bank confirms is told to staff: across the top of whatever screen shows (until tapped
 * or two minutes pass), and in the staff menu with today's count and sum; the log counts it.
 */
class StaffFeeArrivalsTest extends ShellFixture {

    private String text(FxRobot robot, String id) {
        return ((Labeled) find(robot, id)).getText();
    }

    @Test
    void aConfirmedFeeIsAnnouncedAcrossTheTopAndListedInTheStaffMenu(FxRobot robot) throws Exception {
        assertThat(showing(robot, "fee-arrived")).isFalse();
        robot.clickOn("#file"); // any screen

        // The fee screen's poller sees the payment on a worker thread.
        Thread poller = new Thread(() -> services.feeArrivals().paid("intent-1", 200_000));
        poller.start();
        poller.join();
        await(() -> showing(robot, "fee-arrived"));
        assertThat(text(robot, "fee-arrived")).isEqualTo("Đã nhận lệ phí 200.000 đ lúc 09:00 (ngân hàng xác nhận) — chạm để ẩn");
        robot.clickOn("#fee-arrived");
        assertThat(showing(robot, "fee-arrived")).isFalse();

        clock.advance(Duration.ofMinutes(5));
        robot.interact(() -> services.feeArrivals().paid("intent-2", 24_000));
        robot.interact(() -> services.feeArrivals().paid("intent-2", 24_000)); // seen twice, told once
        await(() -> showing(robot, "fee-arrived"));
        clock.advance(Duration.ofMinutes(2));
        robot.interact(vm::tick);
        assertThat(showing(robot, "fee-arrived")).as("gone after two minutes").isFalse();

        openStaffMenu(robot);
        await(() -> showing(robot, "staff-fees-today"));
        assertThat(text(robot, "staff-fees-today")).isEqualTo("Lệ phí đã nhận hôm nay: 2 lần, 224.000 đ — mới nhất 24.000 đ lúc 09:05");
        services.sessions().flush();
        assertThat(services.events().recent(30)).filteredOn(e -> e.type() == EventType.PAYMENT_CONFIRMED).hasSize(2);
    }
}
