// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.speech.Speech;
import vn.motcua.kiosk.startup.KioskServices;

/**
 * "Nghe" in the real shell with a speech engine that records what it is asked to say: the
 * focused field's name and hint are read, never what was typed; a new error is read by itself
 * once read-aloud is on, never before; the session's end switches it off and resets the volume.
 */
class ReadAloudTest extends ShellFixture {
    private final RecordingSpeech speech = new RecordingSpeech();

    record Said(String text, Locale language, int volume) {}

    /** Says nothing; remembers each request. Optionally holds each utterance until stopped, as a long one would. */
    static final class RecordingSpeech implements Speech {
        final List<Said> said = new CopyOnWriteArrayList<>();
        volatile boolean holdUntilStopped;
        private long stops;

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public void say(String text, Locale language, int volume) {
            said.add(new Said(text, language, volume));
            synchronized (this) {
                long at = stops;
                while (holdUntilStopped && stops == at) {
                    try {
                        wait(20_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        @Override
        public Path synthesize(String text, Locale language, int volume, Path wav) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized void stop() {
            stops++;
            notifyAll();
        }

        synchronized long stops() {
            return stops;
        }

        String last() {
            return said.isEmpty() ? "" : said.get(said.size() - 1).text();
        }
    }

    @Override
    protected void beforeShell(KioskServices services) {
        services.useSpeech(speech);
    }

    /** From Welcome to the form of the criminal-record extract, the applicant taken from the ID card's QR. */
    private void toTheForm(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#procedure-lltp-self");
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        robot.clickOn("#applicant-confirm");
        await(() -> showing(robot, "field-email"));
    }

    private static void focus(FxRobot robot, String id) {
        Node n = find(robot, id);
        robot.interact(n::requestFocus);
    }

    @Test
    void ngheReadsTheFocusedFieldsNameAndHintNeverWhatWasTyped(FxRobot robot) throws Exception {
        toTheForm(robot);
        typeInto(robot, "field-email", "an.nguyen@example.vn");
        // The keyboard is open: the session bar is folded away, "Nghe" sits beside the keys.
        assertThat(showing(robot, "keyboard-read-aloud")).isTrue();

        robot.clickOn("#keyboard-read-aloud");
        await(() -> !speech.said.isEmpty());

        Said said = speech.said.get(0);
        assertThat(said.text()).isEqualTo("Người được cấp Phiếu lý lịch tư pháp. Ô đang chọn: Thư điện tử."
                        + " Để nhận thông báo và kết quả điện tử.")
                .doesNotContain("an.nguyen", "example.vn")
                // nor what the ID card's QR filled in
                .doesNotContainIgnoringCase("Nguyễn Văn An").doesNotContain("001095012345", "1995");
        assertThat(said.language().getLanguage()).isEqualTo("vi");
        assertThat(said.volume()).isEqualTo(Speech.DEFAULT_VOLUME);
        assertThat(find(robot, "field-email").isFocused()).as("the button did not take the field's focus").isTrue();

        // On a form step the bar also has "Lưu hồ sơ nháp": at 1024 wide everything still keeps its words.
        press(robot, "key-hide"); // the bar is back with the keyboard put away
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        settle();
        for (String id : List.of("read-aloud", "read-aloud-volume-down", "read-aloud-volume-up", "session-help",
                "session-park", "session-end")) {
            assertInWindow(robot, id);
        }
        assertThat(((javafx.scene.layout.Region) find(robot, "shell")).getWidth()).as("the shell fits 1024 px").isLessThanOrEqualTo(1024);
        snapshot(robot, "read-aloud-form-1024x768");
    }

    @Test
    void aNewErrorIsSpokenOnlyOnceReadAloudIsOn(FxRobot robot) throws Exception {
        toTheForm(robot);
        typeInto(robot, "field-email", "abc");
        focus(robot, "field-nationality");
        await(() -> showing(robot, "error-email"));
        settle();
        assertThat(speech.said).as("read-aloud is off: nothing is said").isEmpty();

        press(robot, "read-aloud");
        await(() -> speech.said.size() == 1);
        assertThat(speech.last()).contains("Thư điện tử: Địa chỉ thư điện tử không hợp lệ.").doesNotContain("abc");

        typeInto(robot, "field-phone", "0912");
        focus(robot, "field-nationality");
        await(() -> showing(robot, "error-phone"));
        await(() -> speech.last().contains("Số điện thoại: Số điện thoại không hợp lệ."));
        assertThat(speech.said).allSatisfy(s -> assertThat(s.text()).doesNotContain("0912"));
    }

    @Test
    void pressingAgainWhileSpeakingStops(FxRobot robot) throws Exception {
        speech.holdUntilStopped = true;
        robot.clickOn("#file");
        await(() -> showing(robot, "read-aloud"));
        press(robot, "read-aloud");
        await(() -> speech.said.size() == 1);
        Button listen = find(robot, "read-aloud");
        await(() -> "Dừng đọc".equals(listen.getText()));
        long stops = speech.stops();

        press(robot, "read-aloud");
        await(() -> "Nghe".equals(listen.getText()));
        assertThat(speech.stops()).isGreaterThan(stops);
        settle();
        assertThat(speech.said).hasSize(1);
    }

    @Test
    void theSessionsEndSwitchesItOffAndResetsTheVolume(FxRobot robot) throws Exception {
        robot.clickOn("#file");
        await(() -> showing(robot, "read-aloud"));
        press(robot, "read-aloud");
        press(robot, "read-aloud-volume-up");
        press(robot, "read-aloud-volume-up");
        await(() -> speech.last().equals("Âm lượng 70"));
        assertThat(speech.said.get(speech.said.size() - 1).volume()).isEqualTo(70);
        assertThat(find(robot, "read-aloud").getStyleClass()).contains("on");
        // The smallest kiosk screen: "Nghe", the volume and the bar's own buttons all keep their words in the window.
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        settle();
        for (String id : List.of("read-aloud", "read-aloud-volume-down", "read-aloud-volume-up", "session-help",
                "session-end")) {
            assertInWindow(robot, id);
        }
        snapshot(robot, "read-aloud-on-1024x768");

        robot.clickOn("#session-end").clickOn("#end-yes");
        await(() -> showing(robot, "file"));
        assertThat(find(robot, "read-aloud").getStyleClass()).doesNotContain("on");

        // The next citizen: nothing is read by itself, and "Nghe" speaks at the default volume.
        int before = speech.said.size();
        robot.clickOn("#file");
        await(() -> showing(robot, "read-aloud"));
        assertThat(showing(robot, "read-aloud-volume-up")).isFalse();
        press(robot, "read-aloud");
        await(() -> speech.said.size() == before + 1);
        assertThat(speech.said.get(before).volume()).isEqualTo(Speech.DEFAULT_VOLUME);
        press(robot, "read-aloud-volume-up");
        await(() -> speech.last().equals("Âm lượng 60"));
    }

    @Test
    void welcomeHasItsOwnNgheAndItIsTheOnlyOneThere(FxRobot robot) throws Exception {
        assertThat(showing(robot, "welcome-read-aloud")).isTrue();
        assertThat(showing(robot, "read-aloud")).as("the session bar is not on Welcome").isFalse();
        press(robot, "welcome-read-aloud");
        await(() -> !speech.said.isEmpty());
        assertThat(speech.last()).isEqualTo("Xin chào! Quý vị cần làm gì hôm nay?");
        snapshot(robot, "read-aloud-welcome");

        robot.clickOn("#file");
        await(() -> showing(robot, "read-aloud"));
        assertThat(showing(robot, "welcome-read-aloud")).isFalse();
    }

    @Test
    void englishIsReadInTheEnglishVoice(FxRobot robot) throws Exception {
        robot.clickOn("#language");
        press(robot, "welcome-read-aloud");
        await(() -> !speech.said.isEmpty());
        assertThat(speech.said.get(0).language().getLanguage()).isEqualTo("en");
    }

    private static void assertInWindow(FxRobot robot, String id) {
        Node n = find(robot, id);
        javafx.geometry.Bounds[] b = new javafx.geometry.Bounds[2];
        boolean[] clipped = new boolean[1];
        robot.interact(() -> {
            b[0] = n.localToScene(n.getLayoutBounds());
            // The window as set, not the scene: a shell wider than its window would widen the scene with it.
            b[1] = new javafx.geometry.BoundingBox(0, 0, Math.min(n.getScene().getWidth(), n.getScene().getWindow().getWidth()),
                    Math.min(n.getScene().getHeight(), n.getScene().getWindow().getHeight()));
            clipped[0] = n instanceof javafx.scene.control.Labeled l && l.getText() != null
                    && !l.getText().isEmpty() && n.lookup(".text") instanceof javafx.scene.text.Text t && !t.getText().equals(l.getText());
        });
        assertThat(b[1].contains(b[0])).as("#" + id + " " + b[0] + " within the window").isTrue();
        assertThat(clipped[0]).as("#" + id + " shows its whole text").isFalse();
    }

    private static void snapshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of("target", "snapshots");
        java.nio.file.Files.createDirectories(dir);
        Snapshots.png(robot, "shell", dir.resolve(name + ".png"));
    }
}
