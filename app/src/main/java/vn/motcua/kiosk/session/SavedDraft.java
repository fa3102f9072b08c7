package vn.motcua.kiosk.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A draft's payload as {@link SessionService} writes it, read back (a parked or an interrupted draft). */
record SavedDraft(Step step, String procedureId, LocalDate dueDate, String filedAs, Map<String, String> answers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static SavedDraft read(byte[] payload) {
        try {
            JsonNode saved = JSON.readTree(payload);
            Map<String, String> answers = new LinkedHashMap<>();
            saved.path("answers").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().asText()));
            return new SavedDraft(Step.valueOf(saved.path("step").asText(Step.PROCEDURE.name())), text(saved, "procedure"),
                    saved.hasNonNull("dueDate") ? LocalDate.parse(saved.get("dueDate").asText()) : null,
                    text(saved, "filedAs"), answers);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("a draft this kiosk wrote cannot be read", e);
        }
    }

    /** Puts every answer and the step into {@code s} (under the service's lock). */
    void into(KioskSession s, Step at) {
        answers.forEach(s::answer);
        s.step(at);
        if (procedureId != null) {
            s.procedureId(procedureId);
        }
        if (filedAs != null) {
            s.filedAs(filedAs);
        }
        if (dueDate != null) {
            s.dueDate(dueDate);
        }
    }

    private static String text(JsonNode saved, String field) {
        return saved.hasNonNull(field) ? saved.get(field).asText() : null;
    }
}
