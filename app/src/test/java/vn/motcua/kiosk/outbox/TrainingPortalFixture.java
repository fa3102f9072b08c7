// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.portal.training.TrainingPortal;

/** The real training portal on a free loopback port, and its trainer switches (faults) over HTTP. */
public final class TrainingPortalFixture implements AutoCloseable {
    public final TrainingPortal portal;
    private final OkHttpClient http = new OkHttpClient();

    public TrainingPortalFixture(Path data) throws IOException {
        this(data, 0);
    }

    /** On a given loopback port (a portal that comes back where the kiosk was told to look). */
    public TrainingPortalFixture(Path data, int port) throws IOException {
        portal = TrainingPortal.start(new TrainingPortal.Options(port, data, 1, Duration.ofMinutes(15)));
    }

    public PortalClient.Endpoint endpoint() {
        return new PortalClient.Endpoint(URI.create(portal.apiUrl()), TrainingPortal.TRAINING_KIOSK, TrainingPortal.TRAINING_SECRET);
    }

    /** Replaces the fault rules (see training-portal's Faults: kinds, endpoints by operationId). */
    public void faults(String settingsJson) throws IOException {
        Request r = new Request.Builder().url(portal.baseUrl() + "/trainer/faults")
                .post(RequestBody.create(settingsJson, MediaType.get("application/json"))).build();
        try (Response response = http.newCall(r).execute()) {
            if (response.code() != 200) {
                throw new IOException("faults refused: " + response.code() + " " + response.body().string());
            }
        }
    }

    /** The trainer forces a dossier's status (RECEIVED, IN_PROGRESS, DONE, AUTO), without moving the portal's clock. */
    public void forceStatus(String dossierCode, String status) throws IOException {
        Request r = new Request.Builder().url(portal.baseUrl() + "/trainer/dossiers/" + dossierCode + "/status")
                .post(RequestBody.create("{\"status\":\"" + status + "\"}", MediaType.get("application/json"))).build();
        try (Response response = http.newCall(r).execute()) {
            if (response.code() != 200) {
                throw new IOException("status refused: " + response.code());
            }
        }
    }

    public void noFaults() throws IOException {
        faults("{\"rules\":[]}");
    }

    /** A dossier on the portal: its id and its code. */
    public record Filed(String id, String code) {}

    /** Files a dossier the way the outbox does (create, upload one small document, submit). */
    public Filed file(PortalClient client, String procedureId, String agencyCode, String documentType, String phone, Path scratch)
            throws Exception {
        String id = client.createDossier(java.util.UUID.randomUUID().toString(), "{\"procedureId\":\"" + procedureId
                + "\",\"agencyCode\":\"" + agencyCode + "\",\"applicant\":{\"fullName\":\"TRẦN THỊ BÌNH\","
                + "\"idNumber\":\"001195012345\",\"phone\":\"" + phone + "\"}}").id();
        byte[] pdf = new byte[10_000];
        new java.util.Random(id.hashCode()).nextBytes(pdf);
        Path file = java.nio.file.Files.write(scratch.resolve(id + ".pdf"), pdf);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        vn.motcua.kiosk.portal.TusUpload.withDefaults(client, vn.motcua.kiosk.portal.RetryPolicy.interactive()).upload(id,
                new vn.motcua.kiosk.portal.TusUpload.Document(documentType, "giay-to.pdf", vn.motcua.kiosk.portal.TusUpload.Content.of(file),
                        pdf.length, sha),
                vn.motcua.kiosk.portal.TusUpload.UrlSlot.inMemory(), vn.motcua.kiosk.portal.TusUpload.Progress.NONE);
        return new Filed(id, client.submit(id).dossierCode());
    }

    @Override
    public void close() {
        portal.close();
    }
}
