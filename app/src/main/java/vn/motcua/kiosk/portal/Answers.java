// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * What the portal answers (docs/api/portal-v1.yaml), read leniently: fields this kiosk does not
 * know are ignored, as the API asks. Times stay RFC 3339 strings; screens format them.
 */
public final class Answers {
    private Answers() {}

    /**
     * An answer whose required fields (the API's {@code required}) the client checks before
     * handing it on: a record with a null where the API promises a value would fail far from the
     * portal call, in a screen or the outbox.
     */
    interface Checked {
        /** The first required field that is missing, or null when the answer is complete. */
        String missing();
    }

    /** The first of {@code names} whose value is null (pairs: name, value, name, value…), or null. */
    static String firstNull(Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object v = namesAndValues[i + 1];
            if (v == null) {
                return (String) namesAndValues[i];
            }
            if (v instanceof Checked c && c.missing() != null) {
                return namesAndValues[i] + "." + c.missing();
            }
        }
        return null;
    }

    /** The first element of {@code list} that is null or incomplete, named {@code name[i].field}. */
    static String firstInList(String name, List<? extends Checked> list) {
        for (int i = 0; i < list.size(); i++) {
            String m = list.get(i).missing();
            if (m != null) {
                return name + "[" + i + "]." + m;
            }
        }
        return null;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeviceSession(String accessToken, String tokenType, long expiresIn, String expiresAt) implements Checked {
        @Override
        public String missing() {
            return firstNull("accessToken", accessToken, "tokenType", tokenType, "expiresAt", expiresAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fee(long amount, String currency, String breakdown) implements Checked {
        @Override
        public String missing() {
            return firstNull("currency", currency);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DocumentInfo(String uploadId, String uploadUrl, String type, String filename, long length, long offset,
            String sha256, String state) implements Checked {
        @Override
        public String missing() {
            return firstNull("uploadId", uploadId, "uploadUrl", uploadUrl, "type", type, "filename", filename, "state", state);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubmitReceipt(String dossierId, String dossierCode, String receivedAt, String dueAt, Fee fee, String status) implements Checked {
        @Override
        public String missing() {
            return firstNull("dossierId", dossierId, "dossierCode", dossierCode, "receivedAt", receivedAt, "dueAt", dueAt, "fee", fee, "status", status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dossier(String id, String procedureId, String agencyCode, String state, Fee fee, Integer copies,
            String localReference, String createdAt, List<DocumentInfo> documents, String uploadsUrl, SubmitReceipt receipt) implements Checked {
        public Dossier {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }

        @Override
        public String missing() {
            return Optional.ofNullable(firstNull("id", id, "procedureId", procedureId, "agencyCode", agencyCode, "state", state, "fee", fee,
                    "createdAt", createdAt)).orElseGet(() -> firstInList("documents", documents));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(String status, String at, String note) implements Checked {
        @Override
        public String missing() {
            return firstNull("status", status, "at", at);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DossierStatus(String dossierCode, String procedureId, String procedureName, String status, String receivedAt,
            String dueAt, String doneAt, boolean late, boolean onTime, boolean resultAvailable, String paymentStatus,
            List<HistoryEntry> history, String lookupId) implements Checked {
        public DossierStatus {
            history = history == null ? List.of() : List.copyOf(history);
        }

        @Override
        public String missing() {
            return Optional.ofNullable(firstNull("dossierCode", dossierCode, "status", status, "receivedAt", receivedAt, "dueAt", dueAt,
                    "paymentStatus", paymentStatus)).orElseGet(() -> firstInList("history", history));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VietQr(String payload, String bankBin, String accountNumber, String accountName, String purpose) implements Checked {
        @Override
        public String missing() {
            return firstNull("payload", payload, "bankBin", bankBin, "accountNumber", accountNumber, "purpose", purpose);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PaymentIntent(String intentId, String dossierId, String dossierCode, long amount, String currency, String status,
            String createdAt, String paidAt, VietQr vietqr) implements Checked {
        public boolean paid() {
            return "PAID".equals(status);
        }

        @Override
        public String missing() {
            return firstNull("intentId", intentId, "dossierCode", dossierCode, "currency", currency, "status", status, "createdAt", createdAt,
                    "vietqr", vietqr);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PortalProcedure(String id, String code, Localized name, String area, String level) implements Checked {
        @Override
        public String missing() {
            return firstNull("id", id, "name", name);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Localized(String vi, String en) implements Checked {
        @Override
        public String missing() {
            return firstNull("vi", vi);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcedureList(String version, List<PortalProcedure> procedures) implements Checked {
        public ProcedureList {
            procedures = procedures == null ? List.of() : List.copyOf(procedures);
        }

        @Override
        public String missing() {
            return firstInList("procedures", procedures);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /** @param provinceCode the province it serves (admin-units code), or null from a portal that does not say */
    public record PortalAgency(String code, Localized name, String provinceCode, List<String> procedures) implements Checked {
        public PortalAgency {
            procedures = procedures == null ? List.of() : List.copyOf(procedures);
        }

        @Override
        public String missing() {
            return firstNull("code", code, "name", name);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgencyList(String version, List<PortalAgency> agencies) implements Checked {
        public AgencyList {
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
        }

        @Override
        public String missing() {
            return firstInList("agencies", agencies);
        }
    }

    /** A catalogue answer fetched with If-None-Match: {@code body} null means "304, keep yours". */
    public record Fetched<T>(T body, String etag, String json) {
        public boolean notModified() {
            return body == null;
        }
    }
}
