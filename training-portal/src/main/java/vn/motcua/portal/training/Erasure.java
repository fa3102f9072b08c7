// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Training dossiers hold what trainees type, often their own names and ID numbers: they are erased
 * when older than the kept days (by the real clock, not the training clock, which a trainer moves
 * forward by weeks), and all at once when the trainer starts afresh. With the store's secure_delete
 * and a WAL checkpoint after each erasure, nothing of them stays in the files either.
 */
final class Erasure {
    private static final System.Logger LOG = System.getLogger("vn.motcua.portal.training");

    private final Store store;
    private final Path uploadDir;
    private final Duration keep;

    Erasure(Store store, Path uploadDir, int keepDays) {
        this.store = store;
        this.uploadDir = uploadDir;
        this.keep = Duration.ofDays(keepDays);
    }

    /** Erases the dossiers stored more than the kept days ago; the number erased. */
    int eraseExpired() {
        return erase("SELECT id FROM dossiers WHERE stored_at_ms < ?", System.currentTimeMillis() - keep.toMillis());
    }

    /** Erases every dossier (the trainer's "start afresh"); the number erased. */
    int eraseAll() {
        return erase("SELECT id FROM dossiers");
    }

    private int erase(String select, Object... args) {
        List<String> uploads = new ArrayList<>();
        int n = store.tx(() -> {
            List<Map<String, Object>> dossiers = store.query(select, args);
            for (Map<String, Object> d : dossiers) {
                Object id = d.get("id");
                store.query("SELECT id FROM uploads WHERE dossier_id = ?", id).forEach(u -> uploads.add((String) u.get("id")));
                for (String table : new String[] {"uploads", "payments", "history", "lookups", "idempotency"}) {
                    store.update("DELETE FROM " + table + " WHERE dossier_id = ?", id);
                }
                store.update("DELETE FROM dossiers WHERE id = ?", id);
            }
            return dossiers.size();
        });
        for (String id : uploads) {
            try {
                Files.deleteIfExists(uploadDir.resolve(id));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete an erased dossier's upload", e);
            }
        }
        if (n > 0) {
            // The deleted rows' old pages are still in the WAL until it is copied back and emptied.
            store.checkpoint();
            LOG.log(System.Logger.Level.INFO, "erased " + n + " training dossier(s)");
        }
        return n;
    }
}
