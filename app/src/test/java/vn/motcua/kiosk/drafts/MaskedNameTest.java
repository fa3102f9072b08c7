package vn.motcua.kiosk.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedNameTest {
    @Test
    void eachWordKeepsItsFirstLetterAndAtMostThreeStars() {
        assertThat(MaskedName.of("Nguyễn Văn An")).isEqualTo("N*** V** A*");
        assertThat(MaskedName.of("  đỗ   thị  bình ")).isEqualTo("Đ* T** B***");
        // Decomposed input (a keyboard that sends combining marks) masks the same.
        assertThat(MaskedName.of("E\u0302 Văn")).isEqualTo("Ê V**");
        assertThat(MaskedName.of("")).isEmpty();
        assertThat(MaskedName.of(null)).isEmpty();
    }
}
