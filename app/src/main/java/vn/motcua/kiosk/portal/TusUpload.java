// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends one document with tus 1.0, resuming where the portal stopped: after a dropped
 * connection (HEAD, then PATCH from the portal's offset) and after a kiosk restart (the upload
 * URL is kept by the caller, in SQLite). The creation carries an Idempotency-Key made from the
 * dossier and the document, so a lost answer, a retry or a late copy of the request all name the
 * one upload, and a document is never uploaded twice.
 */
public final class TusUpload {
    /** One document of a dossier, as the portal will check it (whole-file SHA-256). */
    public record Document(String type, String filename, Content content, long length, String sha256) {}

    /** A document's bytes, read when they are to be sent (the outbox opens its sealed file). */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws IOException;

        static Content of(Path file) {
            return () -> Files.readAllBytes(file);
        }
    }

    /** Where this document's upload URL is kept between attempts and restarts. */
    public interface UrlSlot {
        Optional<String> get();

        void put(String uploadUrl);

        void clear();

        /** A slot that lives as long as one upload call (a one-off upload; the outbox keeps its own in SQLite). */
        static UrlSlot inMemory() {
            return new UrlSlot() {
                private String url;

                @Override
                public Optional<String> get() {
                    return Optional.ofNullable(url);
                }

                @Override
                public void put(String uploadUrl) {
                    url = uploadUrl;
                }

                @Override
                public void clear() {
                    url = null;
                }
            };
        }
    }

    /** Bytes the portal holds for this document (called after each chunk and during it). */
    public interface Progress {
        void uploaded(long bytes, long total);

        Progress NONE = (b, t) -> { };
    }

    public static final long DEFAULT_CHUNK = 4L * 1024 * 1024;

    private final PortalClient client;
    private final long chunk;
    private final RetryPolicy policy;
    private final PortalClient.Sleeper sleeper;
    private final RandomGenerator random;

    public TusUpload(PortalClient client, long chunk, RetryPolicy policy, PortalClient.Sleeper sleeper, RandomGenerator random) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive");
        }
        this.client = client;
        this.chunk = chunk;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Returns once the portal holds every byte (and has checked the SHA-256). */
    public void upload(String dossierId, Document doc, UrlSlot slot, Progress progress) throws PortalException, InterruptedException {
        int failures = 0;
        int vanished = 0;
        while (true) {
            boolean complete;
            try {
                complete = send(dossierId, doc, slot, progress);
            } catch (PortalException e) {
                if (!e.retryable() || ++failures >= policy.maxAttempts()) {
                    throw e;
                }
                sleeper.sleep(policy.delay(failures, e.retryAfter(), random));
                continue;
            }
            if (complete) {
                return;
            }
            // The upload was gone (404/410): start a new one at once, but not forever.
            if (++vanished > policy.maxAttempts()) {
                throw new PortalAnswerException("headUpload", 404, "uploads keep vanishing", null);
            }
        }
    }

    /** One pass; true when complete, false when the stored upload vanished and a new one is needed. */
    private boolean send(String dossierId, Document doc, UrlSlot slot, Progress progress) throws PortalException {
        String url = slot.get().orElse(null);
        if (url == null) {
            url = client.createUpload(dossierId, creationKey(dossierId, doc), doc.type(), doc.filename(), doc.length(),
                    doc.sha256());
            slot.put(url);
        }
        long offset;
        try {
            offset = client.uploadOffset(url);
        } catch (PortalRefusedException e) {
            if (e.status() == 404 || e.status() == 410) {
                slot.clear();
                return false;
            }
            throw e;
        }
        progress.uploaded(offset, doc.length());
        byte[] content = offset < doc.length() ? read(doc) : null;
        while (offset < doc.length()) {
            long start = offset;
            long n = Math.min(chunk, doc.length() - offset);
            try {
                offset = client.patch(url, content, offset, n, sent -> progress.uploaded(start + sent, doc.length()));
            } catch (PortalRefusedException e) {
                if (e.status() == 409 && !"dossier-submitted".equals(e.problem().kind())) {
                    offset = client.uploadOffset(url); // our offset was stale: go on from the portal's
                    continue;
                }
                if (e.status() == 404 || e.status() == 410) {
                    slot.clear();
                    return false;
                }
                throw e; // 460 checksum mismatch: the file on disk is not what was announced
            }
            progress.uploaded(offset, doc.length());
        }
        return true;
    }

    /**
     * The same for every attempt at one document, across restarts, so that any copy of the creation
     * request names the same upload. An upload the portal lost (404/410) takes its key with it.
     */
    static String creationKey(String dossierId, Document doc) {
        String what = dossierId + "\n" + doc.type() + "\n" + doc.filename() + "\n" + doc.sha256().toLowerCase(java.util.Locale.ROOT)
                + "\n" + doc.length();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(what.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "doc-" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] read(Document doc) {
        try {
            byte[] content = doc.content().read();
            if (content.length != doc.length()) {
                throw new IOException("the document has " + content.length + " bytes, " + doc.length() + " were announced");
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("a document to upload cannot be read", e);
        }
    }

    /** Convenience for callers that wait with the policy's own sleep. */
    public static TusUpload withDefaults(PortalClient client, RetryPolicy policy) {
        return new TusUpload(client, DEFAULT_CHUNK, policy, d -> Thread.sleep(d.toMillis()), RandomGenerator.getDefault());
    }
}
