// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.ui.shell.ShellViewModel;

/**
 * A shell that left its window lets go of itself and of the kiosk's services. Nothing in the FX
 * pulse may keep it: the test suite builds one shell per test in one JVM (an indefinite clock
 * ticker once kept every one of them, until the suite ran out of heap), and a restarted kiosk
 * builds a new one.
 */
class ShellRestartTest extends ShellFixture {

    @Test
    void aShellReplacedByARestartIsCollected() throws Exception {
        WeakReference<ShellViewModel> first = new WeakReference<>(vm);
        stopKiosk();
        startKiosk();
        assertThat(vm).isNotSameAs(first.get());

        // Collection is the JVM's to decide: ask a few times, with garbage in between to make it want to.
        for (int i = 0; i < 20 && first.get() != null; i++) {
            byte[][] garbage = new byte[64][];
            for (int j = 0; j < garbage.length; j++) {
                garbage[j] = new byte[1 << 16];
            }
            System.gc();
        }
        assertThat(first.get()).as("the first shell's view model, after its shell left the window").isNull();
    }
}
