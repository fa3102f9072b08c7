// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.Response;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import vn.motcua.portal.training.Api.Call;

/**
 * tus termination (DELETE of an upload URL): a kiosk removes an upload of its draft dossier that
 * none of its documents uses, such as a second upload made by a creation request that arrived
 * late, which would otherwise block submit for good (issue 18). Repeating it is harmless: an
 * upload already terminated answers 204 again, so the kiosk may retry it like any safe request.
 */
final class Terminations {
    private final Store store;
    private final Uploads uploads;

    Terminations(Store store, Uploads uploads) {
        this.store = store;
        this.uploads = uploads;
    }

    Response terminate(Call c) throws IOException {
        Uploads.requireTus(c);
        Map<String, Object> d = Dossiers.owned(store, c);
        Map<String, Object> u = store.one("SELECT * FROM uploads WHERE id = ? AND dossier_id = ?", c.param("upload"), d.get("id"))
                .orElseThrow(() -> Http.notFound("no such upload"));
        String id = (String) u.get("id");
        ReentrantLock lock = uploads.lock(id);
        lock.lock(); // a PATCH still writing this upload finishes first
        try {
            return store.tx(() -> {
                // Read again inside the transaction: submit runs under the same store lock, so the two cannot cross.
                String state = (String) store.dossier((String) d.get("id")).orElseThrow().get("state");
                if (!"DRAFT".equals(state)) {
                    throw Http.conflict("dossier-submitted", "uploads of a submitted dossier cannot be removed");
                }
                // The key goes with it: a new creation with that key makes a new upload, as after a refusal.
                store.update("UPDATE uploads SET state = 'TERMINATED', idempotency_key = NULL WHERE id = ?", id);
                try {
                    Files.deleteIfExists(uploads.uploadFile(id));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return Http.empty(204).header("Tus-Resumable", Uploads.TUS_VERSION);
            });
        } finally {
            lock.unlock();
        }
    }
}
