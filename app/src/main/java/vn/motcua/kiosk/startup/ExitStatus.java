// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

/**
 * Why the kiosk's JVM ended, as its exit status: the service manager that starts the kiosk (the
 * Debian package's systemd unit, {@code Restart=always}) reads it to decide what comes next.
 * The numbers are a contract with that unit: never renumber one. 64 and 75 come from
 * {@code sysexits.h}'s range, clear of the JVM's own 1 (an uncaught failure) and 128+n (a signal).
 */
public enum ExitStatus {
    /** An ordinary end (nobody chose another): the unit may start the kiosk again. */
    NORMAL(0),
    /**
     * Staff left the kiosk with the PIN ("Tắt kiosk"): the unit must not restart it, so the
     * technician's console appears.
     */
    STAFF_LEFT(64),
    /** A newer build was installed (the {@code --restart-when-changed} stamp changed): restart me. */
    UPDATED(75),
    /** Staff switched training mode on or off ({@link TrainingSwitch}): restart me, in the other mode. */
    MODE_CHANGED(76);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /** The number the JVM exits with. */
    public int code() {
        return code;
    }
}
