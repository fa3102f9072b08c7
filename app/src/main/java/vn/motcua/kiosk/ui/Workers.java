// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The screens' worker threads, one per kind of wait, so that no wait queues behind another: a
 * jammed printer (60 s) or an e-result's print (2 min) holds the printer's thread only, never the
 * staff PIN, the citizen's session steps, the scanner, the token or the portal. Each is one daemon
 * thread, so the work of one kind keeps its order (the session's steps, one device's jobs).
 *
 * @param staff   the staff PIN check, the outbox list, today's receipts
 * @param session the citizen's own steps: parking and resuming drafts, "Nộp hồ sơ", keeping the receipt
 * @param printer receipts, reprints and e-results: printing and waiting for the paper
 * @param scanner scanning and importing papers, building their PDFs
 * @param token   signing with the citizen's token
 * @param portal  the portal link's start, tracking, fetching e-results, payment polls
 * @param devices staff's device health: asking every device in turn, a test print or scan
 * @param speech  read-aloud ("Nghe"): speaking blocks until the words are said or stopped
 * @param chip    the ID card's chip: waiting for the card on the contactless reader, reading it
 */
public record Workers(ExecutorService staff, ExecutorService session, ExecutorService printer,
        ExecutorService scanner, ExecutorService token, ExecutorService portal, ExecutorService devices, ExecutorService speech,
        ExecutorService chip) implements AutoCloseable {

    public static Workers start() {
        return new Workers(named("staff"), named("session"), named("printer"), named("scanner"), named("token"),
                named("portal"), named("devices"), named("speech"), named("chip"));
    }

    private static ExecutorService named(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kiosk-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops them all; a wait in progress (a print, a scan) is interrupted. */
    @Override
    public void close() {
        for (ExecutorService e : List.of(staff, session, printer, scanner, token, portal, devices, speech, chip)) {
            e.shutdownNow();
        }
    }
}
