// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** DG13 by field number: the known fields, unknown ones kept raw, and broken DER refused whole. */
class Dg13Test {
    @Test
    void everyKnownFieldOfASyntheticCitizen() throws Exception {
        Dg13 dg = Dg13.parse(Dg13Encoder.citizen().encode());
        assertThat(dg.get(Dg13.Field.ID_NUMBER)).contains("001095012345");
        assertThat(dg.get(Dg13.Field.FULL_NAME)).contains("Nguyễn Văn An");
        assertThat(dg.get(Dg13.Field.BIRTH_DATE)).contains("15/08/1995");
        assertThat(dg.get(Dg13.Field.SEX)).contains("Nam");
        assertThat(dg.get(Dg13.Field.ETHNICITY)).contains("Kinh");
        assertThat(dg.get(Dg13.Field.RELIGION)).contains("Không");
        assertThat(dg.get(Dg13.Field.PLACE_OF_ORIGIN)).contains("Xã Hải Hậu, Ninh Bình");
        assertThat(dg.get(Dg13.Field.FATHER_NAME)).contains("Nguyễn Văn Bình");
        assertThat(dg.get(Dg13.Field.MOTHER_NAME)).contains("Trần Thị Cúc");
        assertThat(dg.get(Dg13.Field.SPOUSE_NAME)).as("an empty spouse is no spouse").isEmpty();
        assertThat(dg.get(Dg13.Field.OLD_ID_NUMBER)).contains("012345678");
        assertThat(dg.unknown()).isEmpty();
        assertThat(dg.toString()).doesNotContain("Nguyễn");
    }

    @Test
    void aVersionAndAnOidInFrontChangeNothing() throws Exception {
        assertThat(Dg13.parse(Dg13Encoder.citizen().withHeader().encode()).fields())
                .isEqualTo(Dg13.parse(Dg13Encoder.citizen().encode()).fields());
    }

    @Test
    void unknownNumbersAreKeptRawNotGuessed() throws Exception {
        Dg13 dg = Dg13.parse(Dg13Encoder.citizen().put(16, "a1b2c3d4-0000").putRaw(17, new byte[] {1, 2, 3}).encode());
        assertThat(dg.unknown()).containsOnlyKeys(16, 17);
        assertThat(dg.fields()).hasSize(Dg13.Field.values().length);
    }

    @Test
    void aKnownNumberHoldingANumberIsKeptRaw() throws Exception {
        Dg13 dg = Dg13.parse(Dg13Encoder.citizen().remove(7).putRaw(7, new byte[] {9}).encode());
        assertThat(dg.get(Dg13.Field.RELIGION)).isEmpty();
        assertThat(dg.unknown()).containsOnlyKeys(7);
    }

    @Test
    void anEntryTwiceOrAnotherTagIsRefused() {
        byte[] good = Dg13Encoder.citizen().encode();
        byte[] otherTag = good.clone();
        otherTag[0] = 0x6B;
        assertThatThrownBy(() -> Dg13.parse(otherTag)).isInstanceOf(ChipDataException.class);
        assertThatThrownBy(() -> Dg13.parse(new byte[0])).isInstanceOf(ChipDataException.class);
        assertThatThrownBy(() -> Dg13.parse(null)).isInstanceOf(ChipDataException.class);
    }

    @Property
    void generatedFieldsReadBackByNumber(@ForAll("citizens") Map<Dg13.Field, String> fields) throws Exception {
        Dg13Encoder e = new Dg13Encoder();
        fields.forEach((f, v) -> {
            if (f.number != 13) {
                e.put(f.number, v);
            }
        });
        if (fields.containsKey(Dg13.Field.FATHER_NAME) && fields.containsKey(Dg13.Field.MOTHER_NAME)) {
            e.put(13, fields.get(Dg13.Field.FATHER_NAME), fields.get(Dg13.Field.MOTHER_NAME));
        }
        Dg13 dg = Dg13.parse(e.encode());
        fields.forEach((f, v) -> {
            if (f.number != 13 || fields.containsKey(Dg13.Field.FATHER_NAME) && fields.containsKey(Dg13.Field.MOTHER_NAME)) {
                assertThat(dg.get(f)).as(f.name()).isEqualTo(java.util.Optional.of(v.strip()).filter(s -> !s.isBlank()));
            }
        });
    }

    @Property
    void everyTruncationIsRefusedWhole(@ForAll @IntRange(min = 0, max = 2000) int cut) {
        byte[] full = Dg13Encoder.citizen().withHeader().encode();
        byte[] part = Arrays.copyOf(full, cut % full.length);
        assertThatThrownBy(() -> Dg13.parse(part)).isInstanceOf(ChipDataException.class);
    }

    @Property
    void flippedBytesNeverThrowAnythingElse(@ForAll @IntRange(min = 0, max = 5000) int at, @ForAll byte value) {
        byte[] bytes = Dg13Encoder.citizen().encode();
        bytes[at % bytes.length] = value;
        try {
            Dg13.parse(bytes);
        } catch (ChipDataException expected) {
            // refused: fine
        }
    }

    @Provide
    Arbitrary<Map<Dg13.Field, String>> citizens() {
        Arbitrary<String> text = Arbitraries.strings().withChars("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạ ,/0123456789ĐƯ")
                .ofMinLength(1).ofMaxLength(60);
        return Arbitraries.maps(Arbitraries.of(Dg13.Field.values()), text).ofMaxSize(16)
                .map(m -> m.isEmpty() ? m : new EnumMap<>(m));
    }
}
