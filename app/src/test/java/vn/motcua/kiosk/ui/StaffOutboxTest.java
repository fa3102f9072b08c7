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
        // Recorded as a staff action (the shared PIN: no name), never with the dossier's reference.
        await(() -> services.events().recent(30).stream().anyMatch(e -> e.type() == vn.motcua.kiosk.store.EventType.STAFF_ACTION
                && "action=resend".equals(e.detail())));

        robot.clickOn("#staff-outbox-back");
        await(() -> showing(robot, "staff-outbox-open"));
        robot.clickOn("#staff-close");
    }

    @Test
    void staffDiscardARefusedDossierWithAReasonAfterConfirmingAndOnlyATombstoneStays(FxRobot robot) throws Exception {
        Outbox outbox = services.portal().outbox();
        Path pdf = Files.write(dataDir.resolve("a.pdf"), new byte[1234]);
        String body = "{\"procedureId\":\"lltp-self\",\"applicant\":{\"fullName\":\"NGUYỄN VĂN AN\",\"phone\":\"0912345678\"}}";
        String refused = outbox.add(new Outbox.Submission("lltp-self", body, List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf))));
        outbox.store().parked(refused, "createDossier 422: Hồ sơ chưa hợp lệ", clock.instant());

        pin(robot);
        robot.clickOn("#staff-outbox-open");
        await(() -> showing(robot, "outbox-discard-" + refused));
        robot.clickOn("#outbox-discard-" + refused);
        await(() -> showing(robot, "outbox-discard-question"));
        // Nothing is erased before a reason is chosen; "Không hủy" keeps the dossier.
        assertThat(find(robot, "outbox-discard-confirm").isDisabled()).isTrue();
        robot.clickOn("#outbox-discard-cancel");
        await(() -> robot.lookup("#outbox-discard-question").tryQuery().isEmpty());
        assertThat(outbox.store().find(refused)).isPresent();

        robot.clickOn("#outbox-discard-" + refused);
        await(() -> showing(robot, "discard-reason-FILED_AT_DESK"));
        assertThat(((javafx.scene.control.Labeled) find(robot, "discard-reason-FILED_AT_DESK")).getText()).isEqualTo("Đã nộp trực tiếp tại quầy");
        robot.clickOn("#discard-reason-FILED_AT_DESK");
        await(() -> !find(robot, "outbox-discard-confirm").isDisabled());
        robot.clickOn("#outbox-discard-confirm");
        await(() -> showing(robot, "staff-outbox-empty"));

        assertThat(outbox.store().find(refused)).isEmpty();
        assertThat(dataDir.resolve("outbox").resolve(refused)).doesNotExist();
        assertThat(outbox.store().tombstone(refused).orElseThrow().reason()).isEqualTo("FILED_AT_DESK");
        // The event says what and why, never which dossier or whose.
        var discarded = services.events().recent(20).stream().filter(e -> e.type() == vn.motcua.kiosk.store.EventType.OUTBOX_DISCARDED).toList();
        assertThat(discarded).hasSize(1);
        assertThat(discarded.get(0).detail()).isEqualTo("procedure=lltp-self reason=FILED_AT_DESK").doesNotContain(refused);
        await(() -> services.events().recent(30).stream().anyMatch(e -> e.type() == vn.motcua.kiosk.store.EventType.STAFF_ACTION
                && "action=discard".equals(e.detail())));
        // The citizen who looks the reference up hears it was cancelled.
        assertThat(services.tracking().lookup(refused, "5678")).isInstanceOf(vn.motcua.kiosk.tracking.Tracking.Outcome.Cancelled.class);

        robot.clickOn("#staff-outbox-back");
        await(() -> showing(robot, "staff-outbox-open"));
        robot.clickOn("#staff-close");
    }
}
