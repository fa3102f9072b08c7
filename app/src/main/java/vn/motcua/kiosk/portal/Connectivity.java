// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Whether the portal answered the last time anyone asked: the online/offline dot on every
 * screen. Unknown until the first answer (the kiosk does not claim a connection it has not seen).
 */
public final class Connectivity {
    public enum State { UNKNOWN, ONLINE, OFFLINE }

    private volatile State state = State.UNKNOWN;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();

    public State state() {
        return state;
    }

    public void report(boolean reachable) {
        State next = reachable ? State.ONLINE : State.OFFLINE;
        if (next != state) {
            state = next;
            listeners.forEach(l -> l.accept(next));
        }
    }

    /** Called on the reporting thread; screens hop to their own thread. */
    public void subscribe(Consumer<State> listener) {
        listeners.add(listener);
    }
}
