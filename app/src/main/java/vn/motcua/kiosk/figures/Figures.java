// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;

/**
 * The counter's figures for staff, counted from the kiosk's own event log (which holds no personal
 * data): sessions, consent, dossiers by procedure, help calls and their wait, staff actions, the
 * sessions volunteers helped with.
 */
public final class Figures {
    private final EventLog events;
    private final Clock clock;

    public Figures(EventLog events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param sessionsStarted  sessions opened (a tap on Welcome)
     * @param consentDeclined  sessions that ended because the citizen did not consent
     * @param sessionsFinished sessions ended with "Kết thúc" (finished, not timed out or parked)
     * @param timedOut         sessions ended because nobody touched the screen
     * @param parked           drafts parked behind a resume code
     * @param dossiersFiled    dossiers filed, in all
     * @param filedByProcedure dossiers filed per procedure id, sorted by id
     * @param helpCalls        "Cần hỗ trợ?" calls
     * @param helpAnswered     calls a volunteer or staff member acknowledged
     * @param helpWaitSeconds  the average wait of the answered calls, in whole seconds (0 when none)
     * @param staffActions     reprints, resends, discards, leaving full screen and shutting down
     * @param fileSeconds      from consent to the dossier filed (its receipt shown), per dossier: the
     *                         average and the 90th percentile (nearest rank) in seconds; 0 when none
     * @param sessionsHelped   sessions a signed-in volunteer (or staff member) helped with
     * @param helpedBy         those sessions per volunteer's name, sorted by name
     * @param dossiers         how the filed dossiers went: online or queued, level, fee, pages, signatures
     * @param abandonedAt      sessions that ended without a dossier (timed out, or ended by a tap or the
     *                         kiosk closing), per step they were on, in the path's order
     */
    public record Tally(int sessionsStarted, int consentDeclined, int sessionsFinished, int timedOut, int parked,
                       int dossiersFiled, Map<String, Integer> filedByProcedure, int helpCalls, int helpAnswered,
                       long helpWaitSeconds, int staffActions, Spread fileSeconds, int sessionsHelped,
                       Map<String, Integer> helpedBy, Dossiers dossiers, Map<String, Integer> abandonedAt) {}

    /**
     * @param sentAtOnce dossiers that reached the portal within {@link #AT_ONCE} of filing (the citizen
     *                   still at the desk): "filed online"
     * @param queued     the others filed in the period: they waited in the outbox (or still wait)
     * @param byLevel    per level ("full", "partial"), sorted
     * @param feesDue    dossiers filed with a fee to pay
     * @param paidOnline fees the bank confirmed through the kiosk's VietQR
     * @param pages      pages scanned into the filed dossiers (digitised)
     * @param signed     dossiers with at least one paper signed with a token
     */
    public record Dossiers(int sentAtOnce, int queued, Map<String, Integer> byLevel, int feesDue, int paidOnline,
                           int pages, int signed) {
        /** Paid online out of the fees due, in whole percent; 0 when no fee was due. */
        public int paidOnlinePercent() {
            return feesDue == 0 ? 0 : Math.round(100f * paidOnline / feesDue);
        }
    }

    /** A dossier that reached the portal this soon after filing went online while the citizen waited. */
    public static final long AT_ONCE = 60;

    /** An average and a 90th percentile, in seconds. */
    public record Spread(long average, long p90) {
        static Spread of(List<Long> values) {
            if (values.isEmpty()) {
                return new Spread(0, 0);
            }
            List<Long> sorted = values.stream().sorted().toList();
            long average = Math.round(sorted.stream().mapToLong(Long::longValue).average().orElse(0));
            return new Spread(average, sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1));
        }
    }

    /** The period's first day, in the kiosk's time zone. */
    public LocalDate firstDay(Period period) {
        return LocalDate.ofInstant(period.start(clock), clock.getZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The figures from the period's start to now. Reads SQLite: call it off the UI thread. */
    public Tally of(Period period) {
        return tally(events.between(period.start(clock), clock.instant().plusMillis(1)));
    }

    static Tally tally(List<Event> log) {
        int started = 0, declined = 0, finished = 0, timedOut = 0, parked = 0, filed = 0, calls = 0, staff = 0;
        Map<String, Integer> byProcedure = new TreeMap<>();
        List<Long> waits = new ArrayList<>();
        Map<String, Long> consentAt = new HashMap<>();
        List<Long> fileSeconds = new ArrayList<>();
        Map<String, Integer> helpedBy = new TreeMap<>();
        int helped = 0;
        int atOnce = 0, feesDue = 0, paid = 0, pages = 0, signed = 0;
        Map<String, Integer> byLevel = new TreeMap<>();
        java.util.Set<String> filedSessions = new java.util.HashSet<>();
        Map<vn.motcua.kiosk.session.Step, Integer> abandoned = new java.util.EnumMap<>(vn.motcua.kiosk.session.Step.class);
        for (Event e : log) {
            switch (e.type()) {
                case SESSION_STARTED -> started++;
                case CONSENT_GIVEN -> {
                    if (e.sessionId() != null) {
                        consentAt.put(e.sessionId(), e.at().getEpochSecond());
                    }
                }
                case SESSION_ENDED -> {
                    String reason = value(e.detail(), "reason");
                    String step = value(e.detail(), "step");
                    if (List.of("TIMEOUT", "FINISHED", "KIOSK_CLOSED").contains(reason) && step != null
                            && !filedSessions.contains(e.sessionId())) {
                        abandoned.merge(vn.motcua.kiosk.session.Step.valueOf(step), 1, Integer::sum);
                    }
                    if ("FINISHED".equals(reason)) {
                        finished++;
                    } else if ("TIMEOUT".equals(reason)) {
                        timedOut++;
                    } else if ("CONSENT_DECLINED".equals(reason)) {
                        declined++;
                    }
                }
                case DRAFT_PARKED -> parked++;
                case DOSSIER_FILED -> {
                    filed++;
                    filedSessions.add(e.sessionId());
                    String level = value(e.detail(), "level");
                    if (level != null) {
                        byLevel.merge(level, 1, Integer::sum);
                    }
                    feesDue += number(e.detail(), "fee") > 0 ? 1 : 0;
                    pages += (int) number(e.detail(), "pages");
                    signed += number(e.detail(), "signed") > 0 ? 1 : 0;
                    Long consent = e.sessionId() == null ? null : consentAt.get(e.sessionId());
                    if (consent != null) {
                        fileSeconds.add(e.at().getEpochSecond() - consent);
                    }
                    byProcedure.merge(String.valueOf(value(e.detail(), "procedure")), 1, Integer::sum);
                }
                case HELP_REQUESTED -> calls++;
                case HELP_ANSWERED -> {
                    String waited = value(e.detail(), "waitedSeconds");
                    waits.add(waited == null ? 0 : Long.parseLong(waited));
                }
                case STAFF_ACTION, STAFF_LEFT_FULL_SCREEN, STAFF_QUIT -> staff++;
                case DOSSIER_SENT -> atOnce += number(e.detail(), "waitedSeconds") <= AT_ONCE ? 1 : 0;
                case PAYMENT_CONFIRMED -> paid++;
                case SESSION_HELPED -> {
                    helped++;
                    String who = value(e.detail(), "volunteer");
                    helpedBy.merge(who == null ? "-" : who.replace('_', ' '), 1, Integer::sum);
                }
                default -> { }
            }
        }
        long average = waits.isEmpty() ? 0 : Math.round(waits.stream().mapToLong(Long::longValue).average().orElse(0));
        return new Tally(started, declined, finished, timedOut, parked, filed, Collections.unmodifiableMap(byProcedure), calls,
                waits.size(), average, staff, Spread.of(fileSeconds), helped, Collections.unmodifiableMap(helpedBy),
                new Dossiers(atOnce, Math.max(0, filed - atOnce), Collections.unmodifiableMap(byLevel), feesDue, paid, pages, signed),
                Collections.unmodifiableMap(stepNames(abandoned)));
    }

    /** In the path's order, by the step's name. */
    private static Map<String, Integer> stepNames(Map<vn.motcua.kiosk.session.Step, Integer> bySteps) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        bySteps.forEach((step, n) -> out.put(step.name(), n));
        return out;
    }

    /** A whole number in an event's detail; 0 when absent (an event written before it was recorded). */
    private static long number(String detail, String key) {
        String v = value(detail, key);
        try {
            return v == null ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code key}'s value in an event's detail ("key=value key2=value2"), or null. */
    private static String value(String detail, String key) {
        if (detail == null) {
            return null;
        }
        for (String part : detail.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }
}
