package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Label;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.session.EndReason;
import vn.motcua.kiosk.session.KioskSession;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.testing.Dossiers;
import vn.motcua.kiosk.testing.TestKiosk;
import vn.motcua.kiosk.volunteer.VolunteerDesk;

/**
 * A scripted day at the counter — 30 sessions through the kiosk's own workflow (consent, drafts,
 * papers, filing, fees, help calls, a volunteer) — then staff read the day's figures on screen and
 * take them away as CSV: every count checked exactly, the CSV read back.
 */
class StaffScriptedDayTest extends ShellFixture {
    private static final String PROCEDURE = "trich-luc-ho-tich";

    private int pages;

    private String figure(FxRobot robot, String id) {
        return ((Label) find(robot, "figure-" + id)).getText();
    }

    private KioskSession open(boolean helped) {
        SessionService s = services.sessions();
        KioskSession session = s.begin();
        if (helped) {
            // The volunteer at the screen with the citizen (the shell's timer would sign out one idle for 30 minutes).
            services.volunteerDesk().activity();
            services.volunteerDesk().helped(session.id());
        }
        clock.advance(Duration.ofMinutes(1));
        return session;
    }

    /** A citizen who goes all the way: the real papers step and filing, four minutes from consent. */
    private void file(boolean helped, boolean paysOnline, int n) throws Exception {
        open(helped);
        SessionService s = services.sessions();
        s.acceptConsent();
        s.flush(); // consent is logged on the disk thread: at this minute, not after the clock moves
        s.chooseProcedure(PROCEDURE);
        s.answerAll(Dossiers.extractRequest(services.catalogue().places().province("56").orElseThrow(), 1));
        services.papers().makeDeclaration();
        Path card = dataDir.resolveSibling("cccd-" + n + ".pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(card.toFile());
        }
        services.papers().importFile("idCard", card);
        pages += s.current().orElseThrow().documents().stream().mapToInt(DossierDocument::pages).sum();
        clock.advance(Duration.ofMinutes(4));
        services.filing().file();
        if (paysOnline) {
            services.feeArrivals().paid("intent-" + n, 24_000);
        }
        s.moveTo(Step.RECEIPT);
        s.end(EndReason.FINISHED).join();
    }

    private void leaveAt(Step step, EndReason how, boolean helped) {
        open(helped);
        SessionService s = services.sessions();
        s.acceptConsent();
        if (step != Step.PROCEDURE) {
            s.chooseProcedure(PROCEDURE);
            s.moveTo(step);
        }
        s.end(how).join();
    }

    private void decline(boolean helped) {
        open(helped);
        services.sessions().declineConsent().join();
    }

    private void park(boolean helped) {
        open(helped);
        SessionService s = services.sessions();
        s.acceptConsent();
        s.chooseProcedure(PROCEDURE);
        s.answer("applicant.name", "Lê Văn Cường");
        s.park(1990);
    }

    private void helpCall(int waitedSeconds) {
        services.helpCall().call();
        if (waitedSeconds >= 0) {
            clock.advance(Duration.ofSeconds(waitedSeconds));
            services.helpCall().answered("volunteer");
        }
    }

    @Test
    void staffReadTheExactFiguresOfAScriptedDayAndTakeThemAwayAsCsv(FxRobot robot) throws Exception {
        services.useChime(() -> true);
        robot.interact(() -> services.volunteerDesk().signIn(new VolunteerDesk.Helper("Hoa", false))); // the header follows it
        int filed = 0;
        for (int i = 0; i < 30; i++) {
            boolean helped = i < 15; // the volunteer helps in the morning
            switch (i % 10) {
                case 0 -> decline(helped);
                case 1 -> leaveAt(Step.FORM, EndReason.TIMEOUT, helped);
                case 2 -> leaveAt(i < 20 ? Step.FORM : Step.PROCEDURE, EndReason.TIMEOUT, helped);
                case 3 -> {
                    if (i == 3) {
                        leaveAt(Step.PAPERS, EndReason.FINISHED, helped);
                    } else if (i == 13) {
                        leaveAt(Step.PROCEDURE, EndReason.TIMEOUT, helped);
                    } else {
                        park(helped);
                    }
                }
                case 4 -> {
                    if (i == 4) {
                        park(helped);
                    } else if (i == 14) {
                        leaveAt(Step.PAPERS, EndReason.FINISHED, helped);
                    } else {
                        park(helped);
                    }
                }
                default -> file(helped, (i % 10) < 7, filed++);
            }
            if (i % 8 == 0) {
                helpCall(i == 24 ? -1 : 20 * (i / 8 + 1)); // 20, 40, 60 s; the last is never answered
            }
            clock.advance(Duration.ofMinutes(2));
        }
        services.sessions().flush();
        // 3 declined; timed out at FORM 5 and PROCEDURE 2; 2 ended at PAPERS; 3 parked; 15 filed, 6 paid online.
        assertThat(filed).isEqualTo(15);

        // Hoa signs out once the shell's next one-second tick sees the day's hour without a touch:
        // until then her badge stands where "Nhân viên" is.
        await(() -> showing(robot, "staff-open"));
        openStaffMenu(robot);
        await(() -> showing(robot, "staff-figures-open"));
        robot.clickOn("#staff-figures-open");
        await(() -> robot.lookup("#figure-sessionsStarted").tryQuery().isPresent());
        assertThat(figure(robot, "sessionsStarted")).isEqualTo("30");
        assertThat(figure(robot, "consentDeclined")).isEqualTo("3");
        assertThat(figure(robot, "timedOut")).isEqualTo("7");
        assertThat(figure(robot, "parked")).isEqualTo("3");
        assertThat(figure(robot, "sessionsFinished")).isEqualTo("17");
        assertThat(figure(robot, "dossiersFiled")).isEqualTo("15");
        assertThat(figure(robot, "filed-" + PROCEDURE)).isEqualTo("15");
        assertThat(figure(robot, "sentAtOnce")).as("no portal in this test: all wait in the outbox").isEqualTo("0");
        assertThat(figure(robot, "queued")).isEqualTo("15");
        assertThat(figure(robot, "level-full")).isEqualTo("15");
        assertThat(figure(robot, "paidOnline")).isEqualTo("6 / 15 (40 %)");
        assertThat(figure(robot, "pages")).isEqualTo(String.valueOf(pages));
        assertThat(figure(robot, "signed")).isEqualTo("0");
        assertThat(figure(robot, "abandoned")).isEqualTo("9");
        assertThat(figure(robot, "abandoned-FORM")).isEqualTo("5");
        assertThat(figure(robot, "abandoned-PROCEDURE")).isEqualTo("2");
        assertThat(figure(robot, "abandoned-PAPERS")).isEqualTo("2");
        assertThat(figure(robot, "helpCalls")).isEqualTo("4");
        assertThat(figure(robot, "helpAnswered")).isEqualTo("3");
        assertThat(((Label) find(robot, "figure-helpAnswered")).getParent().getChildrenUnmodifiable())
                .anySatisfy(n -> assertThat(n).isInstanceOfSatisfying(Label.class,
                        l -> assertThat(l.getText()).isEqualTo("Lần được trả lời (chờ trung bình 40 giây)")));
        assertThat(figure(robot, "sessionsHelped")).isEqualTo("15");
        assertThat(figure(robot, "helpedBy-Hoa")).isEqualTo("15");
        assertThat(figure(robot, "fileAverage")).isEqualTo("4,0 phút");
        assertThat(figure(robot, "fileP90")).isEqualTo("4,0 phút");

        Path media = Files.createTempDirectory(dataDir.getParent(), "media");
        Path stick = Files.createDirectories(media.resolve("mot-cua-kiosk/USB"));
        services.useRemovableMedia(List.of(media));
        robot.clickOn("#staff-figures-export");
        await(() -> ((Label) find(robot, "staff-figures-exported")).getText().startsWith("Đã ghi tệp"));
        List<String> rows = new ArrayList<>(Arrays.asList(Files.readString(stick.resolve(
                "so-lieu-TEST-01-today-2026-11-23.csv"), StandardCharsets.UTF_8).substring(1).split("\r\n")));
        assertThat(rows).contains("sessionsStarted,Lượt bắt đầu,30", "consentDeclined,Không đồng ý cho xử lý dữ liệu,3",
                "timedOut,Bỏ dở (hết thời gian chờ),7", "parked,Lưu hồ sơ dở để làm tiếp,3",
                "sessionsFinished,Lượt kết thúc bình thường,17", "dossiersFiled,Hồ sơ đã nộp,15",
                "queued,Hồ sơ chờ gửi (mạng chậm hoặc mất),15", "feesDue,Hồ sơ có lệ phí,15",
                "paidOnline,Lệ phí nộp trực tuyến (VietQR),6", "paidOnlinePercent,Tỷ lệ lệ phí nộp trực tuyến (%),40",
                "pages,Trang giấy tờ đã số hóa," + pages, "abandoned:FORM,Bỏ dở ở bước Tờ khai,5",
                "abandoned:PROCEDURE,Bỏ dở ở bước Thủ tục,2", "abandoned:PAPERS,Bỏ dở ở bước Giấy tờ,2",
                "helpCalls,Lần gọi hỗ trợ,4", "helpAnswered,Lần gọi hỗ trợ được trả lời,3",
                "helpWaitSeconds,Thời gian chờ hỗ trợ trung bình (giây),40", "sessionsHelped,Lượt có tình nguyện viên hỗ trợ,15",
                "helpedBy:Hoa,Hoa,15", "fileSecondsAverage,\"Từ đồng ý đến nộp xong, trung bình (giây)\",240");
        // Counts only: nothing the citizens typed reaches the file.
        assertThat(String.join("\n", rows)).doesNotContain("Trần Thị Bình", "056195012345", "Lê Văn Cường");
    }
}
