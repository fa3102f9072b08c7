// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VietQrTest {
    @Test
    void crcMatchesTheCcittFalseCheckValue() {
        assertThat(VietQr.crc16("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x29B1);
    }

    @Test
    void reproducesTheDomainBriefsExampleExactly() {
        assertThat(VietQr.payload("970415", "0011001932418", 120000, "ung ho lu lut")).isEqualTo(
                "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C");
    }
}
