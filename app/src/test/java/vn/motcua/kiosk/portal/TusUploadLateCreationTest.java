// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.outbox.TrainingPortalFixture;

/**
 * Issue 18's orphan: a tus creation the kiosk gave up on (a stall past its timeout, or a kill
 * while the request was on its way) reaches the portal after the kiosk has made and finished
 * another upload of the same document. The portal then held an unfinished second upload and
 * refused to submit for good. The late request is replayed here byte for byte, as the network
 * would deliver it.
 */
class TusUploadLateCreationTest {
    @TempDir
    Path dir;

    @Test
    void aCreationThatArrivesLateFindsTheSameUploadAndTheDossierStillSubmits() throws Exception {
        List<Request> creations = new ArrayList<>();
        OkHttpClient recording = PortalClient.defaultHttp().newBuilder().addInterceptor(chain -> {
            Request r = chain.request();
            if ("POST".equals(r.method()) && r.url().encodedPath().endsWith("/documents")) {
                creations.add(r);
            }
            return chain.proceed(r);
        }).build();
        try (TrainingPortalFixture portal = new TrainingPortalFixture(dir.resolve("portal"))) {
            PortalClient client = new PortalClient(portal.endpoint(), recording, RetryPolicy.interactive(), d -> { },
                    RandomGenerator.of("L64X128MixRandom"));
            String id = client.createDossier("late-creation-0001", "{\"procedureId\":\"lltp-self\",\"agencyCode\":\"000.00.14.H56\",\"copies\":1,"
                    + "\"applicant\":{\"fullName\":\"NGUYỄN VĂN AN\",\"idNumber\":\"001095012345\",\"phone\":\"0912345678\"},"
                    + "\"form\":{\"purpose\":\"xin việc\"}}").id();
            byte[] pdf = new byte[50_000];
            new Random(18).nextBytes(pdf);
            Path file = Files.write(dir.resolve("giay-to.pdf"), pdf);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
            TusUpload.withDefaults(client, RetryPolicy.interactive()).upload(id,
                    new TusUpload.Document("idCard", "giay-to.pdf", TusUpload.Content.of(file), pdf.length, sha),
                    TusUpload.UrlSlot.inMemory(), TusUpload.Progress.NONE);
            assertThat(creations).hasSize(1);

            // The creation the kiosk had given up on arrives now, with the kiosk's own headers.
            try (Response late = new OkHttpClient().newCall(creations.get(0)).execute()) {
                assertThat(late.code()).as("a late creation is not a new upload").isLessThan(300);
            }

            assertThat(client.dossier(id).documents()).as("one upload for the one document").hasSize(1)
                    .allSatisfy(d -> assertThat(d.state()).isEqualTo("COMPLETE"));
            assertThat(client.submit(id).dossierCode()).isNotBlank();
        }
    }
}
