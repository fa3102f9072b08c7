// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.motcua.kiosk.store.ReceiptStore;

/**
 * Staff reprint the day's receipts (a paper jam, a slip left behind). Kept until the day ends and
 * with the applicant's name only: the ID number, phone, e-mail and address belonged to the session
 * and went with it, so a reprint leaves them out. A receipt printed "đang chờ gửi" is reprinted
 * with the portal's code once the outbox has it. The kiosk's housekeeping erases earlier days'
 * copies ({@link #eraseEarlierDays()}); until it has, they are already out of the list.
 */
public final class Reprints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One line of the staff list: no personal data. */
    public record Entry(String localReference, String trackingCode, boolean queued, String procedure,
            LocalDateTime receivedAt) {}

    private final ReceiptStore store;
    private final Function<String, Optional<String>> codeOf;
    private final Clock clock;

    /** @param codeOf the portal's dossier code for a local reference, once the outbox has sent it */
    public Reprints(ReceiptStore store, Function<String, Optional<String>> codeOf, Clock clock) {
        this.store = store;
        this.codeOf = codeOf;
        this.clock = clock;
    }

    /** Keeps a receipt for the rest of the day (its receipt number is the outbox's local reference). */
    public void remember(Receipt r) {
        store.put(r.receiptNumber(), r.procedure(), r.receivedAt().atZone(VIETNAM).toInstant(), write(r), clock.instant());
    }

    /** Today's receipts, newest first. Reading erases nothing: {@link #eraseEarlierDays()} does. */
    public List<Entry> today() {
        Instant dayStart = startOfToday();
        List<Entry> out = new ArrayList<>();
        for (ReceiptStore.Stored s : store.all()) {
            if (s.keptAt().isBefore(dayStart)) {
                continue;
            }
            Receipt r = current(read(s.body()));
            out.add(new Entry(s.localRef(), r.trackingCode(), r.queued(), r.procedure(), r.receivedAt()));
        }
        return out;
    }

    /** The receipt to reprint, with the portal's code if it came since. */
    public Optional<Receipt> receipt(String localReference) {
        return store.find(localReference).filter(s -> !s.keptAt().isBefore(startOfToday())).map(s -> current(read(s.body())));
    }

    /** Erases the copies kept before today began in Vietnam; returns how many (the kiosk's housekeeping calls it). */
    public int eraseEarlierDays() {
        return store.eraseBefore(startOfToday());
    }

    private Instant startOfToday() {
        return LocalDate.now(clock.withZone(VIETNAM)).atStartOfDay(VIETNAM).toInstant();
    }

    private Receipt current(Receipt r) {
        if (!r.queued()) {
            return r;
        }
        return codeOf.apply(r.localReference()).map(code -> new Receipt(r.issuingAgency(), r.receivingUnit(), r.receiptNumber(),
                code, null, r.applicant(), r.procedure(), r.documents(), r.handlingDays(), r.fee(), r.receivedAt(), r.dueAt(),
                r.delivery(), r.trackingUrl(), r.receivingOfficer(), r.training(), r.receivingOffice())).orElse(r);
    }

    static String write(Receipt r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("issuingAgency", r.issuingAgency());
        o.put("receivingUnit", r.receivingUnit());
        o.put("receiptNumber", r.receiptNumber());
        o.put("dossierCode", r.dossierCode());
        o.put("localReference", r.localReference());
        o.put("applicant", r.applicant().name());
        o.put("procedure", r.procedure());
        ArrayNode docs = o.putArray("documents");
        for (Receipt.ReceivedDocument d : r.documents()) {
            docs.addObject().put("name", d.name()).put("originals", d.originals()).put("copies", d.copies());
        }
        o.put("handlingDays", r.handlingDays());
        o.put("feeAmount", r.fee().amountVnd());
        o.put("feeStatus", r.fee().status().name());
        o.put("receivedAt", r.receivedAt().toString());
        o.put("dueAt", r.dueAt() == null ? null : r.dueAt().toString());
        o.put("channel", r.delivery().channel().name());
        // Where the result goes may be the citizen's address or e-mail: only the counter is kept.
        o.put("where", r.delivery().channel() == Receipt.ResultChannel.COUNTER ? r.delivery().where() : null);
        o.put("trackingUrl", r.trackingUrl());
        o.put("receivingOfficer", r.receivingOfficer());
        o.put("training", r.training());
        o.put("receivingOffice", r.receivingOffice());
        return o.toString();
    }

    static Receipt read(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            List<Receipt.ReceivedDocument> docs = new ArrayList<>();
            for (JsonNode d : o.get("documents")) {
                docs.add(new Receipt.ReceivedDocument(d.get("name").asText(), d.get("originals").asInt(), d.get("copies").asInt()));
            }
            return new Receipt(o.get("issuingAgency").asText(), text(o, "receivingUnit"), o.get("receiptNumber").asText(),
                    text(o, "dossierCode"), text(o, "localReference"),
                    new Receipt.Applicant(o.get("applicant").asText(), null, null, null, null), o.get("procedure").asText(), docs,
                    o.get("handlingDays").asInt(),
                    new Receipt.Fee(o.get("feeAmount").asLong(), Receipt.FeeStatus.valueOf(o.get("feeStatus").asText())),
                    LocalDateTime.parse(o.get("receivedAt").asText()),
                    text(o, "dueAt") == null ? null : LocalDateTime.parse(o.get("dueAt").asText()),
                    new Receipt.Delivery(Receipt.ResultChannel.valueOf(o.get("channel").asText()), text(o, "where")),
                    text(o, "trackingUrl"), text(o, "receivingOfficer"), o.get("training").asBoolean(), text(o, "receivingOffice"));
        } catch (IOException e) {
            throw new UncheckedIOException("a receipt this kiosk stored cannot be read", e);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
