// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.startup.BuildStampWatcher;
import vn.motcua.kiosk.startup.ExitStatus;

/**
 * A newer build installed ({@code --restart-when-changed}): the kiosk ends with
 * {@link ExitStatus#UPDATED} between sessions, never during one. The test looks at the stamp
 * itself ({@link BuildStampWatcher#check}), as the watcher's own thread would every few seconds.
 */
class RestartAfterUpdateTest extends ShellFixture {
    @TempDir
    Path installed;

    private BuildStampWatcher updates;
    private Path sessionFolder;
    /** Whether the session's folder was still there when the kiosk was told to end: no, the erasure came first. */
    private final List<Boolean> folderAtExit = new CopyOnWriteArrayList<>();

    @Override
    protected BuildStampWatcher updates() {
        try {
            updates = BuildStampWatcher.watch(Files.writeString(installed.resolve("build-id"), "2026.12.05-1\n"))
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return updates;
    }

    @Override
    protected void exited(ExitStatus status) {
        if (sessionFolder != null) {
            folderAtExit.add(Files.exists(sessionFolder));
        }
        super.exited(status);
    }

    private void newBuildInstalled() throws IOException {
        Files.writeString(installed.resolve("build-id"), "2026.12.05-2\n");
        assertThat(updates.check()).isTrue();
    }

    @Test
    void atAnIdleWelcomeTheKioskRestartsAtOnce() throws Exception {
        newBuildInstalled();
        await(() -> !exits.isEmpty());
        assertThat(exits).containsExactly(ExitStatus.UPDATED);
    }

    @Test
    void duringASessionItWaitsAndRestartsWhenTheSessionHasEnded(FxRobot robot) throws Exception {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        await(() -> showing(robot, "procedure-lltp-self"));
        sessionFolder = services.sessions().current().orElseThrow().workFolder();
        services.sessions().flush();
        // Many pages scanned: their erasure takes a while, and the restart must wait for it.
        for (int i = 0; i < 2000; i++) {
            Files.writeString(sessionFolder.resolve("page-" + i + ".jpg"), "scan");
        }

        newBuildInstalled();
        settle();
        assertThat(exits).as("never during a session").isEmpty();
        assertThat(services.sessions().current()).isPresent();

        robot.clickOn("#session-end").clickOn("#end-yes");
        await(() -> !exits.isEmpty());
        assertThat(exits).containsExactly(ExitStatus.UPDATED);
        assertThat(folderAtExit).containsExactly(false);
    }

    @Test
    void anOpenStaffDialogIsNotInterrupted(FxRobot robot) throws Exception {
        robot.clickOn("#staff-open");
        assertThat(showing(robot, "staff")).isTrue();

        newBuildInstalled();
        settle();
        assertThat(exits).isEmpty();

        robot.clickOn("#staff-pin-cancel");
        await(() -> !exits.isEmpty());
        assertThat(exits).containsExactly(ExitStatus.UPDATED);
    }

    @Test
    void staffWhoLeaveWhileAnUpdateWaitsGetTheirEnd(FxRobot robot) throws Exception {
        robot.clickOn("#staff-open");
        newBuildInstalled();
        for (char c : "2468".toCharArray()) {
            robot.clickOn("#staff-key-" + c);
        }
        robot.clickOn("#staff-pin-ok");
        await(() -> showing(robot, "staff-quit"));
        robot.clickOn("#staff-quit");
        // The kiosk's exit keeps the first status asked for (KioskExitTest): staff's.
        await(() -> !exits.isEmpty());
        assertThat(exits.get(0)).isEqualTo(ExitStatus.STAFF_LEFT);
    }

    @Test
    void anUnchangedStampRestartsNothing() throws Exception {
        assertThat(updates.check()).isFalse();
        settle();
        assertThat(exits).isEmpty();
    }
}
