// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.outbox.Outbox;

/** Staff see the outbox behind the PIN: waiting, refused with the portal's reason, and send again. */
class StaffOutboxTest extends ShellFixture {
    private void pin(FxRobot robot) {
        robot.clickOn("#staff-open");
        for (char c : "2468".toCharArray()) {
            robot.clickOn("#staff-key-" + c);
        }
        robot.clickOn("#staff-pin-ok");
        await(() -> showing(robot, "staff-outbox-open"));
    }

    @Test
    void staffSeeWhatWaitsWhatWasRefusedAndWhyAndSendItAgain(FxRobot robot) throws Exception {
        Outbox outbox = services.portal().outbox();
        Path pdf = Files.write(dataDir.resolve("a.pdf"), new byte[1234]);
        String body = "{\"procedureId\":\"lltp-self\",\"applicant\":{\"fullName\":\"NGUYỄN VĂN AN\",\"idNumber\":\"001095012345\"}}";
        String waiting = outbox.add(new Outbox.Submission("lltp-self", body, List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf))));
        String refused = outbox.add(new Outbox.Submission("lltp-self", body, List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf))));
        outbox.store().parked(refused, "createDossier 422: Hồ sơ chưa hợp lệ [$.applicant.phone: Số điện thoại gồm 10 chữ số]",
                Instant.now());

        pin(robot);
        robot.clickOn("#staff-outbox-open");
        await(() -> showing(robot, "outbox-status-" + waiting));
        assertThat(((Label) find(robot, "outbox-status-" + waiting)).getText()).startsWith("Đang chờ gửi (đã thử 0 lần)");
        String refusedText = ((Label) find(robot, "outbox-status-" + refused)).getText();
        assertThat(refusedText).startsWith("Cổng từ chối").contains("$.applicant.phone");
        // Staff see references, procedures and reasons — never the citizen's name or ID number.
        assertThat(refusedText).doesNotContain("NGUYỄN").doesNotContain("001095012345");
        assertThat(robot.lookup("#outbox-resend-" + waiting).tryQuery()).isEmpty();

        robot.clickOn("#outbox-resend-" + refused);
        await(() -> ((Label) find(robot, "outbox-status-" + refused)).getText().startsWith("Đang chờ gửi"));
        assertThat(robot.lookup("#outbox-resend-" + refused).tryQuery()).isEmpty();

        robot.clickOn("#staff-outbox-back");
        await(() -> showing(robot, "staff-outbox-open"));
        robot.clickOn("#staff-close");
    }
}
