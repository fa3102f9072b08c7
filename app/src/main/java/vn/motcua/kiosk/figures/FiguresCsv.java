// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.figures;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures as a CSV file for a spreadsheet (RFC 4180, UTF-8 with a byte-order mark so that
 * Excel reads the Vietnamese, CRLF lines): one row per figure — its key (stable, for a script),
 * its label in the screen's language, its value. Counts only: nothing personal.
 */
public final class FiguresCsv {
    private FiguresCsv() {}

    /**
     * @param label a figure's label from its key ({@code sessionsStarted}, …, {@code period}); for
     *              {@code filed:<procedure id>} the procedure's name, {@code level:<level>} and
     *              {@code abandoned:<step>} theirs; a volunteer's row is labelled with their name
     */
    public static String of(String kioskId, Period period, LocalDate from, LocalDate to, Figures.Tally t,
            Function<String, String> label) {
        return of(kioskId, period, from, to, t, null, label);
    }

    /** @param onTime on time or late from the portal's tracking; null when not known (no rows then) */
    public static String of(String kioskId, Period period, LocalDate from, LocalDate to, Figures.Tally t,
            Timeliness.Counts onTime, Function<String, String> label) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, "key", label.apply("header.label"), label.apply("header.value"));
        line(csv, "kiosk", label.apply("kiosk"), kioskId);
        line(csv, "period", label.apply("period"), label.apply("period." + period.name()));
        line(csv, "from", label.apply("from"), from.toString());
        line(csv, "to", label.apply("to"), to.toString());
        figure(csv, label, "sessionsStarted", t.sessionsStarted());
        figure(csv, label, "sessionsFinished", t.sessionsFinished());
        figure(csv, label, "consentDeclined", t.consentDeclined());
        figure(csv, label, "timedOut", t.timedOut());
        figure(csv, label, "parked", t.parked());
        figure(csv, label, "dossiersFiled", t.dossiersFiled());
        for (Map.Entry<String, Integer> e : t.filedByProcedure().entrySet()) {
            figure(csv, label, "filed:" + e.getKey(), e.getValue());
        }
        Figures.Dossiers d = t.dossiers();
        figure(csv, label, "sentAtOnce", d.sentAtOnce());
        figure(csv, label, "queued", d.queued());
        for (Map.Entry<String, Integer> e : d.byLevel().entrySet()) {
            figure(csv, label, "level:" + e.getKey(), e.getValue());
        }
        figure(csv, label, "feesDue", d.feesDue());
        figure(csv, label, "paidOnline", d.paidOnline());
        figure(csv, label, "paidOnlinePercent", d.paidOnlinePercent());
        figure(csv, label, "pages", d.pages());
        figure(csv, label, "signed", d.signed());
        for (Map.Entry<String, Integer> e : t.abandonedAt().entrySet()) {
            figure(csv, label, "abandoned:" + e.getKey(), e.getValue());
        }
        if (onTime != null) {
            figure(csv, label, "onTime", onTime.onTime());
            figure(csv, label, "late", onTime.late());
            figure(csv, label, "inProgress", onTime.inProgress());
            figure(csv, label, "notFound", onTime.notFound());
        }
        figure(csv, label, "helpCalls", t.helpCalls());
        figure(csv, label, "helpAnswered", t.helpAnswered());
        figure(csv, label, "helpWaitSeconds", t.helpWaitSeconds());
        figure(csv, label, "staffActions", t.staffActions());
        figure(csv, label, "fileSecondsAverage", t.fileSeconds().average());
        figure(csv, label, "fileSecondsP90", t.fileSeconds().p90());
        figure(csv, label, "sessionsHelped", t.sessionsHelped());
        for (Map.Entry<String, Integer> e : t.helpedBy().entrySet()) {
            line(csv, "helpedBy:" + e.getKey(), e.getKey(), String.valueOf(e.getValue()));
        }
        return csv.toString();
    }

    private static void figure(StringBuilder csv, Function<String, String> label, String key, long value) {
        line(csv, key, label.apply(key), String.valueOf(value));
    }

    private static void line(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(cells[i]));
        }
        csv.append("\r\n");
    }

    /** Quoted when it holds a comma, a quote or a line break; a leading = + - @ is defused (spreadsheet formulas). */
    static String quoted(String cell) {
        String c = cell == null ? "" : cell;
        if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+")) {
            c = "'" + c;
        }
        if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
            return "\"" + c.replace("\"", "\"\"") + "\"";
        }
        return c;
    }
}
