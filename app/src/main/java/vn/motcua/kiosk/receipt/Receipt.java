// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.receipt;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (Mẫu 01) as plain data: what the renderer prints.
 * A dossier that is still in the outbox has no portal code yet: it carries the kiosk's local
 * reference instead and {@link #queued()} is true, so the paper says "đang chờ gửi".
 *
 * <p>{@link #toString()} leaves out the applicant so that a receipt logged by mistake leaks nothing.
 *
 * @param issuingAgency agency that issues the receipt (e.g. "Sở Tư pháp tỉnh Khánh Hòa")
 * @param receivingUnit unit that received the dossier (e.g. "Bộ phận Một cửa")
 * @param receiptNumber the receipt's number
 * @param dossierCode portal dossier code such as {@code 000.00.14.H56-240715-0012}; null while queued
 * @param localReference the kiosk's reference while queued; null once the portal gave a code
 * @param applicant who filed
 * @param procedure the procedure's name
 * @param documents papers received, with counts
 * @param handlingDays legal handling time in working days
 * @param fee fee paid or due
 * @param receivedAt date and time received
 * @param dueAt date and time the result is promised
 * @param delivery how and where the result comes back
 * @param trackingUrl link for tracking (put in the QR code); null to put the code itself
 * @param receivingOfficer who received it: an officer's name or the kiosk's id
 * @param training training mode: the paper carries a "TẬP HUẤN" watermark
 * @param receivingOffice the office the citizen chose to receive the dossier when it is not the
 *                        counter's own agency (non-territorial filing); null otherwise
 */
public record Receipt(
        String issuingAgency,
        String receivingUnit,
        String receiptNumber,
        String dossierCode,
        String localReference,
        Applicant applicant,
        String procedure,
        List<ReceivedDocument> documents,
        int handlingDays,
        Fee fee,
        LocalDateTime receivedAt,
        LocalDateTime dueAt,
        Delivery delivery,
        String trackingUrl,
        String receivingOfficer,
        boolean training,
        String receivingOffice) {

    /** A dossier received for the counter's own agency. */
    public Receipt(String issuingAgency, String receivingUnit, String receiptNumber, String dossierCode, String localReference,
            Applicant applicant, String procedure, List<ReceivedDocument> documents, int handlingDays, Fee fee,
            LocalDateTime receivedAt, LocalDateTime dueAt, Delivery delivery, String trackingUrl, String receivingOfficer,
            boolean training) {
        this(issuingAgency, receivingUnit, receiptNumber, dossierCode, localReference, applicant, procedure, documents,
                handlingDays, fee, receivedAt, dueAt, delivery, trackingUrl, receivingOfficer, training, null);
    }

    public Receipt {
        Objects.requireNonNull(issuingAgency, "issuingAgency");
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(delivery, "delivery");
        if ((dossierCode == null) == (localReference == null)) {
            throw new IllegalArgumentException("exactly one of dossierCode and localReference");
        }
        documents = List.copyOf(documents);
    }

    /** True while the dossier waits in the outbox: no portal code yet. */
    public boolean queued() {
        return dossierCode == null;
    }

    /** The code the citizen tracks the dossier with: the portal's code, else the local reference. */
    public String trackingCode() {
        return queued() ? localReference : dossierCode;
    }

    /** What the QR code carries: the tracking link when there is one, else the code. */
    public String qrContent() {
        return trackingUrl == null || trackingUrl.isBlank() ? trackingCode() : trackingUrl;
    }

    @Override
    public String toString() {
        return "Receipt[" + receiptNumber + ", " + trackingCode() + (queued() ? " queued" : "")
                + (training ? " training" : "") + "]";
    }

    /** The applicant. Personal data: never logged ({@link #toString()} hides it). */
    public record Applicant(String name, String idNumber, String address, String phone, String email) {
        public Applicant {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "Applicant[hidden]";
        }
    }

    /** One paper received: originals and copies, as the receipt's table counts them. */
    public record ReceivedDocument(String name, int originals, int copies) {
        public ReceivedDocument {
            Objects.requireNonNull(name, "name");
            if (originals < 0 || copies < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }
    }

    /** Fee in đồng and whether it is paid; zero means no fee. */
    public record Fee(long amountVnd, FeeStatus status) {
        public Fee {
            Objects.requireNonNull(status, "status");
        }

        public static Fee none() {
            return new Fee(0, FeeStatus.NONE);
        }
    }

    public enum FeeStatus {
        /** No fee for this procedure (or exempt). */
        NONE,
        /** Paid online (VietQR) before the receipt was printed. */
        PAID_ONLINE,
        /** To be paid at the counter. */
        DUE_AT_COUNTER
    }

    /** How the result comes back, and where (counter name, postal address, e-mail or Zalo number). */
    public record Delivery(ResultChannel channel, String where) {
        public Delivery {
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public String toString() {
            return "Delivery[" + channel + "]";
        }
    }

    public enum ResultChannel {
        COUNTER,
        POST,
        EMAIL,
        ZALO
    }
}
