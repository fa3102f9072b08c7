// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the portal answers (docs/api/portal-v1.yaml), read leniently: fields this kiosk does not
 * know are ignored, as the API asks. Times stay RFC 3339 strings; screens format them.
 */
public final class Answers {
    private Answers() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeviceSession(String accessToken, String tokenType, long expiresIn, String expiresAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fee(long amount, String currency, String breakdown) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DocumentInfo(String uploadId, String uploadUrl, String type, String filename, long length, long offset,
            String sha256, String state) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubmitReceipt(String dossierId, String dossierCode, String receivedAt, String dueAt, Fee fee, String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dossier(String id, String procedureId, String agencyCode, String state, Fee fee, Integer copies,
            String localReference, String createdAt, List<DocumentInfo> documents, String uploadsUrl, SubmitReceipt receipt) {
        public Dossier {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(String status, String at, String note) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DossierStatus(String dossierCode, String procedureId, String procedureName, String status, String receivedAt,
            String dueAt, String doneAt, boolean late, boolean onTime, boolean resultAvailable, String paymentStatus,
            List<HistoryEntry> history, String lookupId) {
        public DossierStatus {
            history = history == null ? List.of() : List.copyOf(history);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VietQr(String payload, String bankBin, String accountNumber, String accountName, String purpose) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PaymentIntent(String intentId, String dossierId, String dossierCode, long amount, String currency, String status,
            String createdAt, String paidAt, VietQr vietqr) {
        public boolean paid() {
            return "PAID".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PortalProcedure(String id, String code, Localized name, String area, String level) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Localized(String vi, String en) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcedureList(String version, List<PortalProcedure> procedures) {
        public ProcedureList {
            procedures = procedures == null ? List.of() : List.copyOf(procedures);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PortalAgency(String code, Localized name, List<String> procedures) {
        public PortalAgency {
            procedures = procedures == null ? List.of() : List.copyOf(procedures);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgencyList(String version, List<PortalAgency> agencies) {
        public AgencyList {
            agencies = agencies == null ? List.of() : List.copyOf(agencies);
        }
    }

    /** A catalogue answer fetched with If-None-Match: {@code body} null means "304, keep yours". */
    public record Fetched<T>(T body, String etag, String json) {
        public boolean notModified() {
            return body == null;
        }
    }
}
