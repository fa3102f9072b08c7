// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.portal.Answers;

/** The VietQR check, on domain.md's test vector, and what the fee step does with a bad payload. */
class VietQrTest {
    static final String EXAMPLE =
            "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C";

    @Test
    void theDomainVectorChecksAndReadsItsAmount() throws Exception {
        VietQr qr = VietQr.parse(EXAMPLE);
        assertThat(qr.amount()).hasValue(120_000L);
        assertThat(qr.fields()).containsEntry("58", "VN").containsEntry("53", "704");
        assertThat(String.format("%04X", VietQr.crc16("123456789".getBytes(StandardCharsets.US_ASCII)))).isEqualTo("29B1");
    }

    @Test
    void aChangedAmountOrCrcOrFieldIsRefused() {
        assertThatThrownBy(() -> VietQr.parse(EXAMPLE.replace("5406120000", "5406920000"))).hasMessageContaining("CRC");
        assertThatThrownBy(() -> VietQr.parse(EXAMPLE.substring(0, EXAMPLE.length() - 4) + "C15D")).hasMessageContaining("CRC");
        assertThatThrownBy(() -> VietQr.parse("hello")).isInstanceOf(VietQr.InvalidPayload.class);
        assertThatThrownBy(() -> VietQr.parse(null)).isInstanceOf(VietQr.InvalidPayload.class);
    }

    @Test
    void theFeeStepNeverShowsAQrItCannotTrust() {
        Answers.VietQr good = new Answers.VietQr(EXAMPLE, "970415", "113366668888", "X", "P");
        assertThat(Payments.step(new Answers.PaymentIntent("i-1", "d-1", "C", 120_000, "VND", "PENDING", "t", null, good)))
                .isInstanceOf(Payments.Step.Pay.class);
        // The QR's amount must be the intent's: 120,000 in the QR but 200,000 asked.
        assertThat(Payments.step(new Answers.PaymentIntent("i-1", "d-1", "C", 200_000, "VND", "PENDING", "t", null, good)))
                .isEqualTo(new Payments.Step.AtCounter("fee.error.qr"));
        Answers.VietQr tampered = new Answers.VietQr(EXAMPLE.replace("ung ho", "ung hO"), "970415", "1", "X", "P");
        assertThat(Payments.step(new Answers.PaymentIntent("i-1", "d-1", "C", 120_000, "VND", "PENDING", "t", null, tampered)))
                .isEqualTo(new Payments.Step.AtCounter("fee.error.qr"));
        assertThat(Payments.step(new Answers.PaymentIntent("i-1", "d-1", "C", 120_000, "VND", "PAID", "t", "t", null)))
                .isEqualTo(new Payments.Step.Paid(120_000));
    }
}
