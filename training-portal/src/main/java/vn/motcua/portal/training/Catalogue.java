// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training portal's procedures, agencies and fee table, read from {@code catalogue.json}.
 * A small table of its own for now; the kiosk's catalogue data is meant to replace it.
 */
final class Catalogue {
    record Procedure(String id, String name, String handlingKind, int handlingDays, LocalTime cutoff,
                     long feeBase, int copiesIncluded, long perExtraCopy, List<String> requiredDocuments,
                     List<String> documentTypes, JsonNode json) {
    }

    record Agency(String code, String name, List<String> procedures, JsonNode json) {
    }

    record Fee(long amount, String breakdown) {
    }

    private final Map<String, Procedure> procedures = new LinkedHashMap<>();
    private final Map<String, Agency> agencies = new LinkedHashMap<>();

    Catalogue(ObjectMapper json) {
        try (InputStream in = Catalogue.class.getResourceAsStream("catalogue.json")) {
            JsonNode root = json.readTree(in);
            for (JsonNode p : root.get("procedures")) {
                JsonNode fee = p.get("fee");
                JsonNode h = p.get("handling");
                List<String> required = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (JsonNode d : p.get("documents")) {
                    types.add(d.get("type").asText());
                    if (d.get("required").asBoolean()) {
                        required.add(d.get("type").asText());
                    }
                }
                Procedure proc = new Procedure(p.get("id").asText(), p.get("name").get("vi").asText(),
                        h.get("kind").asText(), h.path("days").asInt(0),
                        LocalTime.parse(h.path("cutoff").asText("17:00")),
                        fee.get("base").asLong(), fee.path("copiesIncluded").asInt(0), fee.path("perExtraCopy").asLong(0),
                        List.copyOf(required), List.copyOf(types), p);
                procedures.put(proc.id(), proc);
            }
            for (JsonNode a : root.get("agencies")) {
                List<String> ps = new ArrayList<>();
                a.get("procedures").forEach(x -> ps.add(x.asText()));
                agencies.put(a.get("code").asText(), new Agency(a.get("code").asText(), a.get("name").get("vi").asText(), List.copyOf(ps), a));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("catalogue.json unreadable", e);
        }
    }

    Optional<Procedure> procedure(String id) {
        return Optional.ofNullable(procedures.get(id));
    }

    Optional<Agency> agency(String code) {
        return Optional.ofNullable(agencies.get(code));
    }

    List<Procedure> procedures() {
        return List.copyOf(procedures.values());
    }

    List<Agency> agencies() {
        return List.copyOf(agencies.values());
    }

    /** base + perExtraCopy × copies beyond those included (LLTP: 2 included, +5,000 each; extracts: 8,000 each). */
    static Fee fee(Procedure p, int copies) {
        int extra = Math.max(0, copies - p.copiesIncluded());
        long amount = p.feeBase() + extra * p.perExtraCopy();
        String breakdown;
        if (amount == 0) {
            breakdown = "Miễn phí";
        } else if (extra == 0) {
            breakdown = vnd(p.feeBase());
        } else if (p.feeBase() == 0) {
            breakdown = extra + " × " + vnd(p.perExtraCopy());
        } else {
            breakdown = vnd(p.feeBase()) + " (" + p.copiesIncluded() + " bản) + " + extra + " × " + vnd(p.perExtraCopy());
        }
        return new Fee(amount, breakdown);
    }

    static String vnd(long amount) {
        return String.format("%,d", amount).replace(',', '.') + " đ";
    }
}
