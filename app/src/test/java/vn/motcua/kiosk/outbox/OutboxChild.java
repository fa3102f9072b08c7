// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import vn.motcua.kiosk.testing.TestKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.RetryPolicy;
import vn.motcua.kiosk.portal.TusUpload;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.OutboxStore;

/**
 * A kiosk reduced to its outbox, run as a child JVM by {@link OutboxReliabilityTest} and killed
 * with SIGKILL at random moments. Args: database, outbox folder, portal API URL, kiosk id, secret,
 * and optionally the read timeout (ms) and the tus chunk (bytes).
 * Prints READY, then DONE when nothing is left queued.
 */
public final class OutboxChild {
    public static void main(String[] args) throws Exception {
        try (Database db = TestKeys.openDatabase(Path.of(args[0]))) {
            Outbox outbox = new Outbox(new OutboxStore(db), Path.of(args[1]), Clock.systemUTC());
            outbox.sweepOrphans();
            PortalClient client = new PortalClient(new PortalClient.Endpoint(URI.create(args[2]), args[3], args[4]),
                    PortalClient.defaultHttp().newBuilder().readTimeout(Duration.ofMillis(args.length > 5 ? Long.parseLong(args[5]) : 2000)).build(),
                    new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(500)), d -> Thread.sleep(d.toMillis()), new Random());
            TusUpload tus = new TusUpload(client, args.length > 6 ? Long.parseLong(args[6]) : 1024 * 1024, new RetryPolicy(6, Duration.ofMillis(20), Duration.ofMillis(500)),
                    d -> Thread.sleep(d.toMillis()), new Random());
            OutboxWorker worker = new OutboxWorker(outbox, client, tus, new RetryPolicy(1, Duration.ofMillis(50), Duration.ofMillis(500)),
                    Clock.systemUTC(), null);
            System.out.println("READY");
            System.out.flush();
            while (outbox.store().count(OutboxStore.State.QUEUED) > 0) {
                worker.drainOnce();
                Thread.sleep(20);
            }
            System.out.println("DONE");
            System.out.flush();
        }
    }
}
