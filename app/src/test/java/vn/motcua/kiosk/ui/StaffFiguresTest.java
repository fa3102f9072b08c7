package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.store.EventType;

/** "Số liệu" in the staff menu: the counter's figures for today and this month, from the event log. */
class StaffFiguresTest extends ShellFixture {

    private String text(FxRobot robot, String id) {
        return ((Label) find(robot, id)).getText();
    }

    private String figure(FxRobot robot, String id) {
        return ((Label) find(robot, "figure-" + id)).getText();
    }

    @Test
    void staffReadTodaysAndThisMonthsFiguresAndTakeThemOnAStick(FxRobot robot) throws Exception {
        // Last week: one session that filed a dossier.
        clock.advance(Duration.ofDays(-7));
        services.events().record(EventType.SESSION_STARTED, "old", null);
        services.events().record(EventType.DOSSIER_FILED, "old", "procedure=lltp-self papers=2");
        services.events().record(EventType.SESSION_ENDED, "old", "reason=FINISHED");
        clock.advance(Duration.ofDays(7));
        // Today: a session through the screens that the citizen leaves at consent.
        robot.clickOn("#file");
        await(() -> showing(robot, "consent-decline"));
        robot.clickOn("#consent-decline");
        await(() -> showing(robot, "file"));
        services.sessions().flush();
        services.events().record(EventType.HELP_REQUESTED, null, "chime=heard");
        services.events().record(EventType.HELP_ANSWERED, null, "waitedSeconds=30 chimes=1");

        openStaffMenu(robot);
        await(() -> showing(robot, "staff-figures-open"));
        robot.clickOn("#staff-figures-open");
        await(() -> robot.lookup("#figure-sessionsStarted").tryQuery().isPresent());
        assertThat(figure(robot, "sessionsStarted")).isEqualTo("1");
        assertThat(figure(robot, "consentDeclined")).isEqualTo("1");
        assertThat(figure(robot, "dossiersFiled")).isEqualTo("0");
        assertThat(figure(robot, "helpCalls")).isEqualTo("1");
        assertThat(figure(robot, "helpAnswered")).isEqualTo("1");
        assertThat(figure(robot, "fileAverage")).isEqualTo("0,0 phút");

        robot.clickOn("#staff-figures-THIS_MONTH");
        await(() -> robot.lookup("#figure-filed-lltp-self").tryQuery().isPresent());
        assertThat(figure(robot, "sessionsStarted")).isEqualTo("2");
        assertThat(figure(robot, "sessionsFinished")).isEqualTo("1");
        assertThat(figure(robot, "filed-lltp-self")).isEqualTo("1");

        // Xuất CSV: no stick yet, then the month's figures on the stick, read back.
        java.nio.file.Path media = java.nio.file.Files.createTempDirectory(dataDir.getParent(), "media");
        services.useRemovableMedia(java.util.List.of(media));
        robot.clickOn("#staff-figures-export");
        await(() -> text(robot, "staff-figures-exported").startsWith("Không thấy USB"));
        java.nio.file.Path stick = java.nio.file.Files.createDirectories(media.resolve("mot-cua-kiosk/USB"));
        robot.clickOn("#staff-figures-export");
        await(() -> text(robot, "staff-figures-exported").startsWith("Đã ghi tệp"));
        java.nio.file.Path csv = stick.resolve("so-lieu-TEST-01-this-month-2026-11-23.csv");
        assertThat(text(robot, "staff-figures-exported")).isEqualTo("Đã ghi tệp " + csv.getFileName() + " vào USB.");
        assertThat(java.nio.file.Files.readString(csv, java.nio.charset.StandardCharsets.UTF_8).split("\r\n")).contains(
                "period,Kỳ,Tháng này", "from,Từ ngày,2026-11-01", "sessionsStarted,Lượt bắt đầu,2",
                "filed:lltp-self,Cấp Phiếu lý lịch tư pháp (cá nhân tự yêu cầu),1");

        robot.clickOn("#staff-figures-back");
        await(() -> showing(robot, "staff-figures-open"));
        robot.clickOn("#staff-close");
    }
}
