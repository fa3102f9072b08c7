// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.outbox.TrainingPortalFixture;
import vn.motcua.kiosk.portal.Connectivity;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.testing.TestKiosk;

/** The kiosk's portal link against the real training portal: embedded in training, and the online probe. */
class PortalLinkTest {
    @TempDir
    Path dir;

    private static KioskConfig withPortal(URI url) {
        KioskConfig c = TestKiosk.config();
        return new KioskConfig("TAP-HUAN-01", c.agency(), c.mode(), new KioskConfig.Portal(url, "portal-secret.txt"), c.language(),
                c.timeouts(), c.devices(), c.staff(), c.signing(), c.keyboard(), c.privacy());
    }

    @Test
    void aTrainingKioskRunsItsOwnPortalAndLogsIn() throws Exception {
        try (Database db = Database.open(dir.resolve("kiosk.db"));
                PortalLink link = new PortalLink(withPortal(KioskConfig.Portal.EMBEDDED_TRAINING), ConfigSource.embedded(), db, dir,
                        Clock.systemUTC())) {
            link.start();
            assertThat(link.client().endpoint().api().getHost()).isEqualTo("127.0.0.1");
            assertThat(link.client().login().accessToken()).isNotBlank();
            link.probeOnce();
            assertThat(link.connectivity().state()).isEqualTo(Connectivity.State.ONLINE);
        }
    }

    @Test
    void theProbeSaysOfflineWhenThePortalStopsAnswering() throws Exception {
        TrainingPortalFixture portal = new TrainingPortalFixture(dir.resolve("portal"));
        try (Database db = Database.open(dir.resolve("kiosk.db"));
                PortalLink link = new PortalLink(withPortal(URI.create(portal.portal.apiUrl())), ConfigSource.embedded(), db, dir,
                        Clock.systemUTC())) {
            link.start();
            link.probeOnce();
            assertThat(link.connectivity().state()).isEqualTo(Connectivity.State.ONLINE);
            portal.close();
            link.probeOnce();
            assertThat(link.connectivity().state()).isEqualTo(Connectivity.State.OFFLINE);
        }
    }

    @Test
    void aMissingSecretFileStopsStartUpNamingTheFile() throws Exception {
        try (Database db = Database.open(dir.resolve("kiosk.db"))) {
            vn.motcua.kiosk.config.ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    vn.motcua.kiosk.config.ConfigException.class,
                    () -> new PortalLink(withPortal(KioskConfig.Portal.EMBEDDED_TRAINING), ConfigSource.folder(dir), db, dir, Clock.systemUTC()));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).endsWith("portal-secret.txt");
                assertThat(p.expected()).isEqualTo(vn.motcua.kiosk.config.ConfigProblem.Expectation.FILE_PRESENT);
            });
        }
    }
}
