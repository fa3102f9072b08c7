// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The kiosk's JVM ends with the status chosen, after the orderly shutdown it started. */
class KioskExitTest {
    private final AtomicInteger shutdowns = new AtomicInteger();
    private final List<Integer> jvmExits = new ArrayList<>();
    private final KioskExit exit = new KioskExit(shutdowns::incrementAndGet, jvmExits::add);

    @Test
    void theStatusesAreTheContractWithTheServiceManager() {
        assertThat(ExitStatus.NORMAL.code()).isZero();
        assertThat(ExitStatus.STAFF_LEFT.code()).isEqualTo(64);
        assertThat(ExitStatus.UPDATED.code()).isEqualTo(75);
    }

    @Test
    void aRequestStartsTheShutdownAndItsEndExitsWithTheChosenStatus() {
        exit.request(ExitStatus.STAFF_LEFT);
        assertThat(shutdowns).hasValue(1);
        assertThat(jvmExits).as("not before the shutdown is done").isEmpty();

        exit.afterShutdown();
        assertThat(jvmExits).containsExactly(64);
    }

    @Test
    void theFirstChoiceStands() {
        exit.request(ExitStatus.STAFF_LEFT);
        exit.request(ExitStatus.UPDATED);
        exit.afterShutdown();
        assertThat(jvmExits).containsExactly(64);
        assertThat(shutdowns).hasValue(1);
    }

    @Test
    void anEndNobodyChoseIsNormal() {
        exit.afterShutdown();
        assertThat(jvmExits).containsExactly(0);
    }
}
