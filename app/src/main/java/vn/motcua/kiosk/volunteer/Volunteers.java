// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.volunteer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.kiosk.staff.PinHash;
import vn.motcua.kiosk.staff.StaffGate;
import vn.motcua.kiosk.store.VolunteerStore;

/**
 * The kiosk's volunteers: those its configuration ships with (kept until the configuration
 * changes) and those staff added on the kiosk (removable there). Names are unique, case aside,
 * among volunteers and staff, so that the header and the figures name one person.
 */
public final class Volunteers {
    public static final int MIN_PIN = 4;
    public static final int MAX_PIN = 8;
    public static final int MAX_NAME = 40;

    /** @param configured from kiosk.json: staff cannot remove it on the kiosk */
    public record Volunteer(String name, boolean configured) {}

    /** Why a volunteer was not added. */
    public enum Refusal { NAME_BLANK, NAME_TOO_LONG, NAME_TAKEN, PIN_LENGTH, PIN_TAKEN }

    private final List<StaffGate.Member> configured;
    private final List<StaffGate.Member> staff;
    private final Set<String> staffNames;
    private final VolunteerStore store;
    private final Clock clock;
    private final int iterations;
    private volatile List<StaffGate.Member> members;

    /**
     * @param configured the configuration's volunteers
     * @param staff      the staff (a volunteer may take neither a staff member's name nor PIN)
     * @param iterations the PIN hash's cost for volunteers added here
     */
    public Volunteers(List<StaffGate.Member> configured, List<StaffGate.Member> staff, VolunteerStore store, Clock clock,
            int iterations) {
        this.configured = List.copyOf(configured);
        this.staff = List.copyOf(staff);
        this.staffNames = staff.stream().map(StaffGate.Member::name).filter(n -> n != null).map(Volunteers::key)
                .collect(Collectors.toUnmodifiableSet());
        this.store = store;
        this.clock = clock;
        this.iterations = iterations;
        reload();
    }

    /** Configured first, then those added here, each by name. Reads SQLite. */
    public List<Volunteer> list() {
        List<Volunteer> out = new ArrayList<>();
        configured.forEach(m -> out.add(new Volunteer(m.name(), true)));
        store.all().forEach(r -> out.add(new Volunteer(r.name(), false)));
        return out;
    }

    /** Every volunteer's PIN, for {@link StaffGate#checkCounter}. */
    public List<StaffGate.Member> members() {
        return members;
    }

    /**
     * Adds a volunteer with their PIN (wiped, whatever the outcome). Slow (the hash, and a check
     * that no one else has this PIN, so that a PIN names one person): off the UI thread.
     *
     * @return null when added, else why not
     */
    public Refusal add(String name, char[] pin) {
        try {
            String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
            if (clean.isEmpty()) {
                return Refusal.NAME_BLANK;
            }
            if (clean.length() > MAX_NAME) {
                return Refusal.NAME_TOO_LONG;
            }
            if (staffNames.contains(key(clean)) || list().stream().anyMatch(v -> key(v.name()).equals(key(clean)))) {
                return Refusal.NAME_TAKEN;
            }
            if (pin.length < MIN_PIN || pin.length > MAX_PIN) {
                return Refusal.PIN_LENGTH;
            }
            if (members.stream().anyMatch(m -> m.pin().matches(pin)) || staff.stream().anyMatch(m -> m.pin().matches(pin))) {
                return Refusal.PIN_TAKEN;
            }
            if (!store.add(clean, PinHash.create(pin, iterations), clock.instant())) {
                return Refusal.NAME_TAKEN;
            }
            reload();
            return null;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** Removes one staff added here; a configured one stays (false). */
    public boolean remove(String name) {
        boolean removed = store.remove(name);
        reload();
        return removed;
    }

    private void reload() {
        List<StaffGate.Member> all = new ArrayList<>(configured);
        store.all().forEach(r -> all.add(new StaffGate.Member(r.name(), PinHash.parse(r.pinHash()), StaffGate.Role.VOLUNTEER)));
        members = List.copyOf(all);
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
