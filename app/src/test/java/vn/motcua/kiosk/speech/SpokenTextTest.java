// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Read aloud in a hall: the kiosk's words, never the numbers a message may quote from the citizen's entry. */
class SpokenTextTest {

    @Test
    void numbersThatCouldBePersonalAreLeftOut() {
        assertThat(SpokenText.withoutPersonalData("3 chữ số đầu (079) không phải mã tỉnh nơi đăng ký khai sinh."))
                .isEqualTo("3 chữ số đầu không phải mã tỉnh nơi đăng ký khai sinh.");
        assertThat(SpokenText.withoutPersonalData("Số định danh cho năm sinh 1995, nhưng ngày sinh đã nhập là năm 1996."))
                .isEqualTo("Số định danh cho năm sinh, nhưng ngày sinh đã nhập là năm.");
        assertThat(SpokenText.withoutPersonalData("Gọi 0912 345 678 hoặc ngày 15/08/1995")).isEqualTo("Gọi hoặc ngày");
    }

    @Test
    void theKiosksOwnSmallNumbersStay() {
        assertThat(SpokenText.withoutPersonalData("Còn 8 mục cần sửa.")).isEqualTo("Còn 8 mục cần sửa.");
        assertThat(SpokenText.withoutPersonalData("Tối đa 100 ký tự.")).isEqualTo("Tối đa 100 ký tự.");
    }

    @Test
    void partsBecomeSentences() {
        assertThat(SpokenText.sentences(List.of("Thư điện tử", "Để nhận thông báo", " ", "Vui lòng điền thông tin này.")))
                .isEqualTo("Thư điện tử. Để nhận thông báo. Vui lòng điền thông tin này.");
    }
}
