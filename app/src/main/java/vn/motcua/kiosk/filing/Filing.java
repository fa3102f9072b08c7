// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.filing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Office;
import vn.motcua.kiosk.catalogue.ReceivingOffices;
import vn.motcua.kiosk.form.FieldType;
import vn.motcua.kiosk.form.Label;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.session.KioskSession;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.store.OutboxStore;

/**
 * Design step 9, "Nộp hồ sơ": the session's dossier — procedure, answers, papers — becomes one
 * outbox entry (durable before the citizen is told anything), and the worker sends it whenever
 * the portal answers. Then what the citizen's screens need: where the dossier is, and the receipt.
 */
public final class Filing {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** What the kiosk knows of its place: the receipt's heading and the agency dossiers go to. */
    /** @param agencyCode the counter's own agency (the portal's code), where a dossier goes unless the citizen chose another */
    /** @param trackingUrl the province portal's tracking page with {@code {code}}, or null: the QR holds the bare code */
    public record Counter(String agencyName, String kioskId, boolean training, String agencyCode, String trackingUrl) {
        public Counter(String agencyName, String kioskId, boolean training) {
            this(agencyName, kioskId, training, null, null);
        }
    }

    /**
     * A dossier stored in the outbox. Personal (applicant, papers): never logged whole.
     *
     * @param office the office chosen to receive it when not the counter's own agency, else null
     */
    public record Filed(String localReference, Procedure procedure, ApplicantFields.Applicant applicant,
            List<DossierDocument> documents, long feeVnd, LocalDate estimatedDue, LocalDateTime filedAt,
            Receipt.Delivery delivery, Office office) {
        @Override
        public String toString() {
            return "Filed[" + localReference + ", " + procedure.id() + ", " + documents.size() + " papers]";
        }
    }

    /** Where a filed dossier is now. */
    public sealed interface Progress {
        /** Not on the portal yet; {@code attempts} failed tries so far (0: not tried or under way). */
        record Waiting(int attempts) implements Progress {}

        /** On the portal: its code, and what its receipt said (times in Vietnam's local time). */
        record Sent(String dossierId, String dossierCode, LocalDateTime receivedAt, LocalDateTime dueAt, long feeVnd)
                implements Progress {}

        /** The portal refused it for good; staff see the reason. */
        record Refused(String reason) implements Progress {}
    }

    /** The session cannot be filed as it is (no procedure, papers or answers the portal needs). */
    public static final class NotReadyException extends Exception {
        public NotReadyException(String message) {
            super(message);
        }
    }

    private final SessionService sessions;
    private final CatalogueService catalogue;
    private final Outbox outbox;
    private final Runnable wakeWorker;
    private final EventLog events;
    private final Counter counter;
    private final String provinceCode;
    private final Clock clock;

    /** @param wakeWorker tells the outbox worker a new entry waits */
    public Filing(SessionService sessions, CatalogueService catalogue, Outbox outbox, Runnable wakeWorker, EventLog events, Counter counter, String provinceCode, Clock clock) {
        this.sessions = sessions;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.wakeWorker = wakeWorker;
        this.events = events;
        this.counter = counter;
        this.provinceCode = provinceCode;
        this.clock = clock;
    }

    /**
     * Stores the open session's dossier in the outbox and returns it with its local reference.
     * Filing twice (a double tap, a resumed draft) gives the same entry, never a second dossier.
     * Copies the papers (disk I/O): call it off the UI thread.
     */
    public synchronized Filed file() throws NotReadyException {
        KioskSession s = sessions.current().filter(KioskSession::consented)
                .orElseThrow(() -> new NotReadyException("no consented session"));
        Procedure p = Optional.ofNullable(s.procedureId()).flatMap(id -> catalogue.catalogue().procedure(id))
                .orElseThrow(() -> new NotReadyException("no procedure chosen"));
        Answers answers = Answers.of(s.answers());
        ApplicantFields.Applicant applicant;
        try {
            applicant = ApplicantFields.read(p.form(), answers, catalogue.places());
        } catch (ApplicantFields.MissingAnswersException e) {
            throw new NotReadyException("the form lacks " + e.paths());
        }
        List<DossierDocument> papers = s.documents();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), VIETNAM);
        long fee = catalogue.fee(p, answers, provinceCode).total();
        Receipt.Delivery delivery = delivery(answers, applicant);
        if (s.filedAs() != null) {
            return new Filed(s.filedAs(), p, applicant, papers, fee, s.dueDate(), now, delivery, chosenOffice(p, answers));
        }
        List<Outbox.Paper> files = new ArrayList<>();
        for (DossierDocument d : papers) {
            files.add(new Outbox.Paper(d.type(), d.type() + ".pdf", d.file()));
        }
        String ref = outbox.add(new Outbox.Submission(p.id(), body(p, answers, applicant), files));
        sessions.filed(ref);
        events.record(EventType.DOSSIER_FILED, s.id(), "procedure=" + p.id() + " level=" + p.level() + " papers=" + papers.size()
                + " pages=" + papers.stream().mapToInt(DossierDocument::pages).sum()
                + " signed=" + papers.stream().filter(DossierDocument::signed).count() + " fee=" + fee);
        wakeWorker.run();
        return new Filed(ref, p, applicant, papers, fee, s.dueDate(), now, delivery, chosenOffice(p, answers));
    }

    /**
     * The create body of the portal API (DossierCreate): the form's answers go along as they are.
     * The receiving agency is left to the outbox worker, which knows the portal's agency list when
     * it sends (a kiosk filing offline may never have seen it).
     */
    private String body(Procedure p, Answers answers, ApplicantFields.Applicant a) {
        ObjectNode body = JSON.createObjectNode();
        body.put("procedureId", p.id());
        ObjectNode applicant = body.putObject("applicant");
        applicant.put("fullName", a.fullName());
        applicant.put("idNumber", a.idNumber());
        applicant.put("phone", a.phone());
        applicant.put("email", a.email());
        applicant.put("address", a.address());
        if (p.fee() != null && p.fee().copiesField() != null) {
            String copies = answers.get(p.fee().copiesField());
            if (copies != null && copies.strip().matches("\\d{1,2}")) {
                body.put("copies", Math.max(1, Integer.parseInt(copies.strip())));
            }
        }
        // The office the citizen chose (or the counter's own, the form's default) goes as the body's agency.
        agencyAnswer(p, answers).ifPresent(code -> body.put("agencyCode", code));
        ObjectNode form = body.putObject("form");
        answers.asMap().forEach(form::put);
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** The portal's tracking page for a dossier code (a phone opens it from the QR); null while queued or unconfigured. */
    private String trackingUrl(String dossierCode) {
        return counter.trackingUrl() == null || dossierCode == null ? null
                : counter.trackingUrl().replace("{code}", java.net.URLEncoder.encode(dossierCode, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The form's {@code agency} answer, where the form asks where to file. */
    private static Optional<String> agencyAnswer(Procedure p, Answers answers) {
        return p.form().fields().stream().filter(f -> f.type() == FieldType.agency).map(f -> answers.get(f.id()))
                .filter(code -> code != null && !code.isBlank()).findFirst();
    }

    /** The office chosen when it is not the counter's own agency; null for the counter's own or none. */
    private Office chosenOffice(Procedure p, Answers answers) {
        String usual = new ReceivingOffices(p.id(), counter.agencyCode(), provinceCode, catalogue.offices()).defaultCode();
        return agencyAnswer(p, answers).filter(code -> counter.agencyCode() != null && !code.equals(usual)
                        && !code.equals(counter.agencyCode()))
                .map(code -> catalogue.office(code).orElse(new Office(code, new Label(code, code), null, List.of())))
                .orElse(null);
    }

    /** The form's "how to receive the result" answer; at the counter when the form does not ask. */
    private Receipt.Delivery delivery(Answers answers, ApplicantFields.Applicant a) {
        String how = Optional.ofNullable(answers.get("resultDelivery")).orElse(answers.get("delivery"));
        if ("post".equals(how)) {
            return new Receipt.Delivery(Receipt.ResultChannel.POST, a.address());
        }
        if ("electronic".equals(how) && a.email() != null) {
            return new Receipt.Delivery(Receipt.ResultChannel.EMAIL, a.email());
        }
        return new Receipt.Delivery(Receipt.ResultChannel.COUNTER, counter.agencyName());
    }

    /** Where the dossier with this local reference is now (the outbox, read afresh). */
    public Progress progress(String localReference) {
        OutboxStore.Entry e = outbox.store().find(localReference)
                .orElseThrow(() -> new IllegalArgumentException("no outbox entry " + localReference));
        return switch (e.state()) {
            case QUEUED -> new Progress.Waiting(e.attempts());
            case PARKED -> new Progress.Refused(e.parkedReason());
            case SENT -> sent(e);
        };
    }

    private static Progress sent(OutboxStore.Entry e) {
        LocalDateTime received = null;
        LocalDateTime due = null;
        long fee = 0;
        try {
            JsonNode r = JSON.readTree(e.receiptJson() == null ? "{}" : e.receiptJson());
            received = local(r.path("receivedAt").asText(null));
            due = local(r.path("dueAt").asText(null));
            fee = r.path("fee").path("amount").asLong(0);
        } catch (IOException | RuntimeException ignored) {
            // The code is what matters; the receipt falls back to the kiosk's own times.
        }
        return new Progress.Sent(e.dossierId(), e.dossierCode(), received, due, fee);
    }

    private static LocalDateTime local(String iso) {
        return iso == null ? null : OffsetDateTime.parse(iso).atZoneSameInstant(VIETNAM).toLocalDateTime();
    }

    /**
     * The receipt for a filed dossier: with the portal's code, times and fee once it is on the
     * portal; with the local reference ("đang chờ gửi") and the kiosk's estimate while it waits.
     */
    public Receipt receipt(Filed f, Progress progress, Receipt.FeeStatus feeStatus) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (DossierDocument d : f.documents()) {
            counts.merge(d.name(), 1, Integer::sum);
        }
        List<Receipt.ReceivedDocument> received = counts.entrySet().stream()
                .map(en -> new Receipt.ReceivedDocument(en.getKey(), 0, en.getValue())).toList();
        Procedure p = f.procedure();
        int days = p.handlingTime() == null || p.handlingTime().days() == null ? 0 : p.handlingTime().days();
        String code = null;
        String ref = f.localReference();
        LocalDateTime receivedAt = f.filedAt();
        LocalDateTime dueAt = f.estimatedDue() == null ? null : f.estimatedDue().atTime(17, 0);
        long fee = f.feeVnd();
        if (progress instanceof Progress.Sent sent) {
            code = sent.dossierCode();
            ref = null;
            receivedAt = sent.receivedAt() == null ? receivedAt : sent.receivedAt();
            dueAt = sent.dueAt() == null ? dueAt : sent.dueAt();
            fee = sent.feeVnd();
        }
        Receipt.Fee receiptFee = fee == 0 ? Receipt.Fee.none() : new Receipt.Fee(fee, feeStatus);
        return new Receipt(counter.agencyName(), "Bộ phận Một cửa", f.localReference(), code, ref,
                new Receipt.Applicant(f.applicant().fullName(), f.applicant().idNumber(), f.applicant().address(),
                        f.applicant().phone(), f.applicant().email()),
                p.name().vi(), received, days, receiptFee, receivedAt, dueAt, f.delivery(), trackingUrl(code), counter.kioskId(),
                counter.training(), f.office() == null ? null : f.office().name().vi());
    }
}
