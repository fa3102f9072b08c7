// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

import vn.motcua.kiosk.testing.TestKeys;
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
        return TestKiosk.withPortal(url, "auto");
    }

    @Test
    void aTrainingKioskRunsItsOwnPortalAndLogsIn() throws Exception {
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
                PortalLink link = new PortalLink(withPortal(KioskConfig.Portal.EMBEDDED_TRAINING), ConfigSource.embedded(), db, dir,
                        Clock.systemUTC(), ids -> { })) {
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
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
                PortalLink link = new PortalLink(withPortal(URI.create(portal.portal.apiUrl())), ConfigSource.embedded(), db, dir,
                        Clock.systemUTC(), ids -> { })) {
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
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"))) {
            vn.motcua.kiosk.config.ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    vn.motcua.kiosk.config.ConfigException.class,
                    () -> new PortalLink(withPortal(KioskConfig.Portal.EMBEDDED_TRAINING), ConfigSource.folder(dir), db, dir, Clock.systemUTC(), ids -> { }));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).endsWith("portal-secret.txt");
                assertThat(p.expected()).isEqualTo(vn.motcua.kiosk.config.ConfigProblem.Expectation.FILE_PRESENT);
            });
        }
    }

    @Test
    void theCatalogueFollowsThePortalWithItsETagAndOfflineFromTheCachedCopy() throws Exception {
        TrainingPortalFixture portal = new TrainingPortalFixture(dir.resolve("portal"));
        java.util.List<java.util.Set<String>> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"))) {
            try (PortalLink link = new PortalLink(withPortal(URI.create(portal.portal.apiUrl())), ConfigSource.embedded(), db, dir,
                    Clock.systemUTC(), told::add)) {
                assertThat(told).as("nothing cached yet: every procedure stays offered").isEmpty();
                link.start();
                link.probeOnce();
                // The start-up probe and this one are serialised: the second gets a 304.
                assertThat(told).hasSize(1);
                assertThat(told.get(0)).contains("lltp-self", "lltp-proxy", "lien-thong-khai-sinh").hasSize(8);

                trainer(portal, "/trainer/procedures/lltp-proxy/withdrawn");
                link.probeOnce();
                assertThat(told).hasSize(2);
                assertThat(told.get(1)).doesNotContain("lltp-proxy").contains("lltp-self").hasSize(7);
                link.probeOnce();
                assertThat(told).as("304: nothing new").hasSize(2);
            }
            portal.close();
            // Offline at the next start: the cached list applies at once.
            told.clear();
            try (PortalLink offline = new PortalLink(withPortal(URI.create("http://127.0.0.1:9/api/v1")), ConfigSource.embedded(), db,
                    dir, Clock.systemUTC(), told::add)) {
                assertThat(told).singleElement().satisfies(ids -> assertThat(ids).doesNotContain("lltp-proxy").hasSize(7));
            }
        }
    }

    @Test
    void theEmbeddedPortalKeepsDossiersForTheConfiguredDays() throws Exception {
        // Three days, not the portal's own default of seven: a dossier four days old tells them apart.
        KioskConfig c = withPortal(KioskConfig.Portal.EMBEDDED_TRAINING);
        KioskConfig config = new KioskConfig(c.kioskId(), c.agency(), c.mode(), c.portal(), c.language(), c.timeouts(), c.devices(),
                c.staff(), c.volunteers(), c.signing(), c.keyboard(), new KioskConfig.Privacy(15, 30, 14, 3));
        String old;
        String young;
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
                PortalLink link = new PortalLink(config, ConfigSource.embedded(), db, dir, Clock.systemUTC(), ids -> { })) {
            link.start();
            old = file(link);
            young = file(link);
        }
        storedDaysAgo(old, 4);
        storedDaysAgo(young, 2);

        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
                PortalLink link = new PortalLink(config, ConfigSource.embedded(), db, dir, Clock.systemUTC(), ids -> { })) {
            link.start();
            assertThat(link.client().dossier(young).id()).isEqualTo(young);
            vn.motcua.kiosk.portal.PortalRefusedException gone = org.assertj.core.api.Assertions.catchThrowableOfType(
                    vn.motcua.kiosk.portal.PortalRefusedException.class, () -> link.client().dossier(old));
            assertThat(gone).as("the dossier stored 4 days ago, with trainingDossierDays 3").isNotNull();
            assertThat(gone.status()).isEqualTo(404);
        }
    }

    private static String file(PortalLink link) throws Exception {
        return link.client().createDossier(java.util.UUID.randomUUID().toString(), "{\"procedureId\":\"lltp-self\","
                + "\"agencyCode\":\"000.00.14.H56\",\"applicant\":{\"fullName\":\"TRẦN THỊ BÌNH\","
                + "\"idNumber\":\"001195012345\",\"phone\":\"0912345678\"}}").id();
    }

    private void storedDaysAgo(String dossierId, int days) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        "jdbc:sqlite:" + dir.resolve("training-portal").resolve("training-portal.sqlite"));
                java.sql.PreparedStatement ps = c.prepareStatement("UPDATE dossiers SET stored_at_ms = ? WHERE id = ?")) {
            ps.setLong(1, System.currentTimeMillis() - java.time.Duration.ofDays(days).toMillis());
            ps.setString(2, dossierId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static void trainer(TrainingPortalFixture portal, String path) throws Exception {
        okhttp3.Request r = new okhttp3.Request.Builder().url(portal.portal.baseUrl() + path)
                .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build();
        try (okhttp3.Response response = new okhttp3.OkHttpClient().newCall(r).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
    }
}
