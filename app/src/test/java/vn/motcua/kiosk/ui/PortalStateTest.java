// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The online dot in the header follows the core's connectivity, in words, in both languages. */
class PortalStateTest extends ShellFixture {
    private String dot(FxRobot robot) {
        return ((Label) find(robot, "portal-state")).getText();
    }

    @Test
    void theHeaderSaysWhetherThePortalAnswersAndThatFilingGoesOnOffline(FxRobot robot) {
        assertThat(dot(robot)).contains("Đang kiểm tra");
        services.portal().connectivity().report(false);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dot(robot)).contains("Mất kết nối").contains("tự gửi sau");
        assertThat(find(robot, "portal-state").getStyleClass()).contains("offline").doesNotContain("unknown");

        robot.clickOn("#language");
        assertThat(dot(robot)).contains("Offline").contains("sent later");

        services.portal().connectivity().report(true);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dot(robot)).isEqualTo("● Portal connected");
        assertThat(find(robot, "portal-state").getStyleClass()).contains("online").doesNotContain("offline");
    }
}
