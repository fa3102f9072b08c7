// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.session.KioskSession;

/**
 * The screens never wait for the disk: a citizen's path — consent, the ID card's prefill, typing
 * into the form (every keystroke autosaves), "Kết thúc" (the erasure) and the next citizen's start —
 * writes nothing to the database on the FX thread. Every write says where it came from.
 */
class DiskOffTheFxThreadTest extends ShellFixture {

    /** The first kiosk frame outside storage that asked for the write. */
    private static String caller() {
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("vn.motcua.kiosk.") && !c.startsWith("vn.motcua.kiosk.store.")
                    && !c.startsWith("vn.motcua.kiosk.ui.DiskOffTheFxThreadTest")) {
                return c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName();
            }
        }
        return "?";
    }

    @Test
    void aCitizensPathWritesNothingOnTheFxThread(FxRobot robot) {
        List<String> onFx = Collections.synchronizedList(new ArrayList<>());
        services.beforeEachWrite(() -> {
            if (Platform.isFxApplicationThread()) {
                onFx.add(caller());
            }
        });

        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        // Each step's screen comes after work on the session's disk thread: wait for it (under load
        // a click could otherwise find the button before it is shown).
        await(() -> showing(robot, "procedure-lltp-self"));
        robot.clickOn("#procedure-lltp-self");
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        await(() -> showing(robot, "applicant-confirm"));
        robot.clickOn("#applicant-confirm");
        await(() -> showing(robot, "field-phone"));
        TextField phone = find(robot, "field-phone");
        robot.interact(phone::requestFocus);
        robot.write("0901234567");
        KioskSession first = services.sessions().current().orElseThrow();
        services.sessions().flush();
        assertThat(first.answers()).containsEntry("phone", "0901234567");

        robot.clickOn("#key-num-hide"); // the session bar folds away under the open keyboard
        robot.clickOn("#session-end").clickOn("#end-yes");
        robot.clickOn("#file");
        await(() -> showing(robot, "consent-agree"));
        services.sessions().flush();

        assertThat(onFx).as("writes made on the FX thread, by caller").isEmpty();
        assertThat(first.workFolder()).doesNotExist();
        assertThat(first.answers()).isEqualTo(Map.of());
    }
}
