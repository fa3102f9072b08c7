// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataKeyTest {
    private static final String NAME = "Khổng Thị Ỷ Lan";
    private final DataKey key = DataKey.random();

    @Test
    void aBoxOpensWithItsKeyAndContextOnlyAndHoldsNoPlaintext() {
        byte[] box = key.sealText(NAME, "draft:1");
        assertThat(new String(box, StandardCharsets.ISO_8859_1)).doesNotContain(new String(NAME.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1));
        assertThat(DataKey.isSealed(box)).isTrue();
        assertThat(key.openText(box, "draft:1")).isEqualTo(NAME);
        // The same box under another row's name, or another kiosk's key, does not open.
        assertThatThrownBy(() -> key.open(box, "draft:2")).isInstanceOf(DataKey.BrokenSeal.class).hasMessageContaining("draft:2");
        assertThatThrownBy(() -> DataKey.random().open(box, "draft:1")).isInstanceOf(DataKey.BrokenSeal.class);
    }

    @Test
    void aChangedByteOrATruncatedBoxIsRefused() {
        byte[] box = key.sealText(NAME, "c");
        box[box.length - 3] ^= 1;
        assertThatThrownBy(() -> key.open(box, "c")).isInstanceOf(DataKey.BrokenSeal.class);
        assertThatThrownBy(() -> key.open(new byte[] {'M', 'C', 'K', '1', 0}, "c")).isInstanceOf(DataKey.BrokenSeal.class);
        assertThatThrownBy(() -> key.open("{\"answers\":{}}".getBytes(StandardCharsets.UTF_8), "c"))
                .isInstanceOf(DataKey.BrokenSeal.class);
    }

    @Test
    void twoSealsOfTheSameTextDiffer() {
        assertThat(key.sealText(NAME, "c")).isNotEqualTo(key.sealText(NAME, "c"));
    }
}
