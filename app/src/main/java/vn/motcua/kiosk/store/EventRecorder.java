// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.store;

/**
 * Where a part of the core writes its events: the kiosk passes the session service's recorder,
 * which writes them on its disk thread, because the FX thread's taps and timers call these parts.
 */
@FunctionalInterface
public interface EventRecorder {
    void record(EventType type, String sessionId, String detail);
}
