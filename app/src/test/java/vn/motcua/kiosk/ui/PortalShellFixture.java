// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.outbox.TrainingPortalFixture;
import vn.motcua.kiosk.portal.Connectivity;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * The shell talking to a training portal of its own over real HTTP on loopback (one portal per
 * test class, started before the class's own set-up), printing to the private CUPS's PDF queue.
 */
public abstract class PortalShellFixture extends ShellFixture {
    protected static Path portalData;
    protected static TrainingPortalFixture portal;

    @BeforeAll
    static void startTrainingPortal() throws Exception {
        portalData = Files.createTempDirectory("shell-portal");
        portal = new TrainingPortalFixture(portalData);
    }

    @AfterAll
    static void stopTrainingPortal() {
        portal.close();
    }

    @Override
    protected KioskConfig config() {
        return TestKiosk.withPortal(URI.create(portal.portal.apiUrl()), "KioskPDF");
    }

    /** No faults switched on, the portal link started, and the header's dot says online. */
    protected void online() throws Exception {
        portal.noFaults();
        services.portal().start();
        await(() -> vm.portalProperty().get() == Connectivity.State.ONLINE);
    }

    /** The trainer records the dossier's fee as paid, as the training portal's own page does. */
    protected static void trainerPays(String code) throws Exception {
        Request r = new Request.Builder().url(portal.portal.baseUrl() + "/trainer/dossiers/" + code + "/pay")
                .post(RequestBody.create(new byte[0])).build();
        try (Response response = new OkHttpClient().newCall(r).execute()) {
            assertThat(response.code()).isLessThan(400);
        }
    }
}
