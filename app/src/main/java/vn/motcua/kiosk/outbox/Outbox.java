// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.motcua.kiosk.privacy.PrivateFiles;
import vn.motcua.kiosk.store.OutboxStore;

/**
 * "Nộp hồ sơ": a dossier and its documents become one outbox entry, stored durably before the
 * citizen is told anything, then sent by {@link OutboxWorker} whenever the portal answers.
 * The entry's files live in its own folder under {@code root}, sealed with the data key (the
 * papers are personal and may wait days), erased once the portal has them.
 */
public final class Outbox {
    /** What the citizen's session hands over: the create body (JSON) and the PDFs in order. */
    public record Submission(String procedureId, String bodyJson, List<Paper> papers) {}

    /** One PDF to send; {@code file} is copied into the outbox, so the session may erase its own. */
    public record Paper(String type, String filename, Path file) {}

    /** Where an entry is: waiting to go (or to be tried again), on the portal, or refused by it. */
    public enum Status { WAITING, SENT, REFUSED }

    /** An entry as staff see it: no name, no ID number, no file, only what the queue needs. */
    public record QueueItem(String localRef, String procedureId, Status state, String dossierCode, int attempts,
            Instant createdAt, String lastError, String parkedReason, int documents, long bytes) {}

    private static final String REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
    /** A local reference as the queued receipt prints it: "CG-", the day (yyMMdd), six of {@link #REF_ALPHABET}. */
    public static final Pattern REFERENCE = Pattern.compile("CG-[0-9]{6}-[A-HJ-NP-Z2-9]{6}");

    /**
     * What this kiosk knows of a local reference, for a citizen who proves it with the last four
     * digits of the phone on the dossier. Nothing new is kept for this: while the entry waits, its
     * body still holds the phone; once sent, the body is erased and the portal checks the digits.
     */
    public sealed interface Whereabouts {
        /** No entry with this reference on this kiosk (another kiosk's, mistyped, or long gone). */
        record Unknown() implements Whereabouts {}

        /** Waiting here, but its phone does not end in these digits. */
        record OtherDigits() implements Whereabouts {}

        /** Waiting here since {@code storedAt}; {@code refused}: the portal refused it and staff must look. */
        record Waiting(Instant storedAt, boolean refused) implements Whereabouts {}

        /** On the portal under {@code dossierCode}: ask the portal (it checks the digits). */
        record Sent(String dossierCode) implements Whereabouts {}

        /**
         * Refused by the portal, then discarded by staff or expired: only a tombstone is left, so
         * no digits can be checked; the answer names no one (a reference, a date, cancelled).
         */
        record Cancelled(Instant at, DiscardReason reason) implements Whereabouts {}
    }
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboxStore store;
    private final Path root;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Outbox(OutboxStore store, Path root, Clock clock) {
        this.store = store;
        this.root = root;
        this.clock = clock;
    }

    public OutboxStore store() {
        return store;
    }

    /**
     * Stores the submission and returns its local reference ("đang chờ gửi" shows it). Files are
     * sealed, written and fsynced first; the row that points at them commits last, so a crash in
     * between leaves only an orphan folder, which {@link #sweepOrphans()} removes.
     */
    public String add(Submission s) {
        String ref = newReference();
        Path dir = root.resolve(ref);
        try {
            PrivateFiles.folder(dir);
            List<OutboxStore.Document> docs = new ArrayList<>();
            int position = 0;
            for (Paper p : s.papers()) {
                byte[] pdf = Files.readAllBytes(p.file());
                Path sealed = sealedFile(ref, position);
                PrivateFiles.write(sealed, store.key().seal(pdf, context(ref, position)));
                docs.add(new OutboxStore.Document(position, p.type(), p.filename(), sealed, pdf.length, sha256(pdf), null, false));
                position++;
            }
            store.add(ref, s.procedureId(), UUID.randomUUID().toString(), withReference(s.bodyJson(), ref), docs, clock.instant());
            return ref;
        } catch (IOException e) {
            deleteTree(dir);
            throw new UncheckedIOException("cannot store the dossier in the outbox", e);
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** The create body with the local reference in it: the portal echoes it, so staff can match the two. */
    private static String withReference(String bodyJson, String ref) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(bodyJson);
        body.put("localReference", ref);
        return JSON.writeValueAsString(body);
    }

    /** Removes folders no unsent entry points at (a crash during {@link #add}, or files of sent entries). */
    public int sweepOrphans() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Set<String> keep = store.all().stream().filter(e -> e.state() != OutboxStore.State.SENT)
                .map(OutboxStore.Entry::localRef).collect(Collectors.toSet());
        int removed = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.toList()) {
                if (!keep.contains(d.getFileName().toString())) {
                    deleteTree(d);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    /**
     * Erases every entry and its sealed files, sent or not (the training kiosk starting afresh:
     * nothing of it is anyone's real dossier); returns how many entries.
     */
    public int eraseAll() {
        int erased = store.eraseAll();
        sweepOrphans(); // no entry is left, so every folder is an orphan now
        return erased;
    }

    /** Every entry, newest first, as staff see it. */
    public List<QueueItem> queue() {
        return store.all().stream().map(e -> new QueueItem(e.localRef(), e.procedureId(), switch (e.state()) {
            case QUEUED -> Status.WAITING;
            case SENT -> Status.SENT;
            case PARKED -> Status.REFUSED;
        }, e.dossierCode(), e.attempts(),
                e.createdAt(), e.lastError(), e.parkedReason(), e.documents().size(),
                e.documents().stream().mapToLong(OutboxStore.Document::length).sum())).toList();
    }

    /** Where the entry with this local reference is, checked against the phone's last four digits. */
    public Whereabouts whereabouts(String localRef, String phoneLast4) {
        OutboxStore.Entry e = store.find(localRef).orElse(null);
        if (e == null) {
            return store.tombstone(localRef).<Whereabouts>map(t -> new Whereabouts.Cancelled(t.discardedAt(), reason(t.reason())))
                    .orElse(new Whereabouts.Unknown());
        }
        if (e.state() == OutboxStore.State.SENT) {
            return new Whereabouts.Sent(e.dossierCode());
        }
        if (!phoneEndsWith(e.bodyJson(), phoneLast4)) {
            return new Whereabouts.OtherDigits();
        }
        return new Whereabouts.Waiting(e.createdAt(), e.state() == OutboxStore.State.PARKED);
    }

    private static boolean phoneEndsWith(String bodyJson, String last4) {
        try {
            String digits = JSON.readTree(bodyJson).path("applicant").path("phone").asText("").replaceAll("[^0-9]", "");
            return last4 != null && last4.length() == 4 && digits.length() >= 4
                    && MessageDigest.isEqual(digits.substring(digits.length() - 4).getBytes(StandardCharsets.US_ASCII),
                            last4.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return false; // an unreadable body proves nothing
        }
    }

    /** Staff send a parked entry again (after the portal's problem was fixed); false if it was not parked. */
    public boolean resend(String localRef) {
        boolean parked = store.find(localRef).map(e -> e.state() == OutboxStore.State.PARKED).orElse(false);
        if (parked) {
            store.requeue(localRef, clock.instant());
        }
        return parked;
    }

    /**
     * Staff discard a refused entry ("Hủy hồ sơ"): its body, the portal's words and its sealed
     * papers are erased; a tombstone (reference, procedure, reason, when) is left. Empty if the
     * entry was not refused (sent meanwhile, resent, or already discarded).
     */
    public Optional<OutboxStore.Tombstone> discard(String localRef, DiscardReason reason) {
        if (reason == DiscardReason.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is the kiosk's own reason, not staff's");
        }
        return erase(localRef, reason);
    }

    /** Erases, as {@link DiscardReason#EXPIRED}, refused entries refused before {@code cutoff}; returns how many. */
    public int expireRefused(Instant cutoff) {
        int erased = 0;
        for (String ref : store.refusedBefore(cutoff)) {
            if (erase(ref, DiscardReason.EXPIRED).isPresent()) {
                erased++;
            }
        }
        return erased;
    }

    private Optional<OutboxStore.Tombstone> erase(String localRef, DiscardReason reason) {
        Optional<OutboxStore.Tombstone> left = store.discard(localRef, reason.name(), clock.instant());
        // Row first, files after: a crash between leaves an orphan folder for sweepOrphans.
        left.ifPresent(t -> deleteTree(root.resolve(localRef)));
        return left;
    }

    private static DiscardReason reason(String stored) {
        try {
            return DiscardReason.valueOf(stored);
        } catch (IllegalArgumentException e) {
            return DiscardReason.EXPIRED; // a word a newer kiosk wrote: still cancelled
        }
    }

    /** The PDF of one of an entry's documents, opened from its sealed file (to send it). */
    public byte[] open(String localRef, OutboxStore.Document doc) throws IOException {
        if (doc.path() == null) {
            throw new IOException("the document's file was erased");
        }
        // From this outbox's folder, not the path recorded when queued: a data folder restored or
        // mounted elsewhere (a technician's copy, the install test's seeding) must still send.
        return store.key().open(Files.readAllBytes(sealedFile(localRef, doc.position())), context(localRef, doc.position()));
    }

    private Path sealedFile(String localRef, int position) {
        return root.resolve(localRef).resolve(position + ".sealed");
    }

    private static String context(String localRef, int position) {
        return "outbox-document:" + localRef + ":" + position;
    }

    /** Erases the files of an entry the portal now holds. */
    void eraseFiles(String localRef) {
        deleteTree(root.resolve(localRef));
    }

    private String newReference() {
        StringBuilder b = new StringBuilder("CG-").append(DAY.format(clock.instant().atZone(VIETNAM))).append('-');
        for (int i = 0; i < 6; i++) {
            b.append(REF_ALPHABET.charAt(random.nextInt(REF_ALPHABET.length())));
        }
        return b.toString();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot erase " + dir.getFileName(), e);
        }
    }
}
