// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.portal.Answers;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.PortalException;
import vn.motcua.kiosk.store.OutboxStore;

/**
 * Makes a draft dossier on the portal agree with its outbox entry before submit: the portal's
 * view (getDossier) is read, every upload none of the entry's documents uses is terminated (an
 * unfinished one would block submit for good: issue 18), and a document the portal does not hold
 * complete is marked to be uploaded again. Every upload of the dossier is this kiosk's own (the
 * portal shows a dossier only to the kiosk that made it), so nothing of anyone else is touched.
 */
final class DossierRepair {
    private static final Logger LOG = LoggerFactory.getLogger(DossierRepair.class);

    private final OutboxStore store;
    private final PortalClient client;

    DossierRepair(OutboxStore store, PortalClient client) {
        this.store = store;
        this.client = client;
    }

    /** Returns how many documents must be uploaded again (already marked so in the store). */
    int reconcile(String localRef, String dossierId) throws PortalException {
        Answers.Dossier view = client.dossier(dossierId);
        if (!"DRAFT".equals(view.state())) {
            return 0; // submitted already (a lost answer): submit answers with the receipt
        }
        List<OutboxStore.Document> documents = store.find(localRef).orElseThrow().documents();
        Set<String> used = new HashSet<>();
        int again = 0;
        for (OutboxStore.Document doc : documents) {
            Answers.DocumentInfo held = find(view, uploadId(doc.uploadUrl()));
            if (held != null) {
                used.add(held.uploadId());
            }
            if (!doc.uploaded()) {
                continue; // it is about to be uploaded (or resumed) anyway
            }
            if (held == null || "REFUSED".equals(held.state())) {
                store.notUploaded(localRef, doc.position(), false);
                again++;
            } else if (!"COMPLETE".equals(held.state())) {
                store.notUploaded(localRef, doc.position(), true);
                again++;
            }
        }
        int terminated = 0;
        for (Answers.DocumentInfo d : view.documents()) {
            if (!used.contains(d.uploadId()) && ("UPLOADING".equals(d.state()) || "COMPLETE".equals(d.state()))) {
                client.terminateUpload(d.uploadUrl());
                terminated++;
            }
        }
        if (terminated > 0 || again > 0) {
            LOG.info("outbox {}: {} upload(s) no document uses terminated, {} document(s) to upload again", localRef, terminated, again);
        }
        return again;
    }

    private static Answers.DocumentInfo find(Answers.Dossier view, String uploadId) {
        if (uploadId == null) {
            return null;
        }
        return view.documents().stream().filter(d -> uploadId.equals(d.uploadId())).findFirst().orElse(null);
    }

    /** The upload's id: the last segment of its URL (the portal's view and the Location name it alike). */
    static String uploadId(String uploadUrl) {
        if (uploadUrl == null) {
            return null;
        }
        String path = uploadUrl.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
