package vn.motcua.kiosk.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FoldTest {

    @Test
    void stripsDiacriticsFoldsCaseAndStroke() {
        assertThat(Fold.fold("Lý lịch Tư pháp")).isEqualTo("ly lich tu phap");
        assertThat(Fold.fold("ĐĂNG KÝ KHAI TỬ")).isEqualTo("dang ky khai tu");
        assertThat(Fold.fold("đổi giấy phép")).isEqualTo("doi giay phep");
        assertThat(Fold.fold("  Phường  Ba Đình,  Hà Nội ")).isEqualTo("phuong ba dinh ha noi");
        // Decomposed input (as some keyboards send it) folds the same as composed.
        assertThat(Fold.fold(Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD))).isEqualTo("nguyen thi anh");
        assertThat(Fold.tokens("Bà Rịa - Vũng Tàu")).containsExactly("ba", "ria", "vung", "tau");
    }

    @Test
    void oneEditMeansOneLetterReplacedMissingExtraOrSwapped() {
        assertThat(Fold.withinOneEdit("sinh", "sinb")).isTrue();
        assertThat(Fold.withinOneEdit("lich", "lihc")).isTrue();
        assertThat(Fold.withinOneEdit("phap", "pháp".replace("á", "a"))).isTrue();
        assertThat(Fold.withinOneEdit("phap", "phapp")).isTrue();
        assertThat(Fold.withinOneEdit("phap", "pha")).isTrue();
        assertThat(Fold.withinOneEdit("phap", "hpap")).isTrue();
        assertThat(Fold.withinOneEdit("phap", "phxy")).isFalse();
        assertThat(Fold.withinOneEdit("lich", "ilhc")).isFalse();
        assertThat(Fold.withinOneEdit("giay", "giayyy")).isFalse();
    }

    @Property
    void foldingIsIdempotent(@ForAll("vietnamese") String text) {
        assertThat(Fold.fold(Fold.fold(text))).isEqualTo(Fold.fold(text));
    }

    @Property
    void foldedTextIsPlainLowerAsciiForVietnamese(@ForAll("vietnamese") String text) {
        assertThat(Fold.fold(text)).matches("[a-z0-9 ]*");
    }

    @Property
    void aWordWithOneLetterChangedIsStillFound(@ForAll("words") String word, @ForAll @IntRange(min = 0, max = 20) int at,
                                               @ForAll("letters") char replacement) {
        int i = at % word.length();
        String typo = word.substring(0, i) + replacement + word.substring(i + 1);
        TokenSearch<String> search = new TokenSearch<>(List.of("other things", "thủ tục " + word), List::of);
        assertThat(search.search("thu tuc " + typo, 5)).extracting(TokenSearch.Hit::item).contains("thủ tục " + word);
    }

    @Property
    void aWordWithTwoNeighboursSwappedIsStillFound(@ForAll("words") String word, @ForAll @IntRange(min = 0, max = 20) int at) {
        int i = at % (word.length() - 1);
        String typo = word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
        TokenSearch<String> search = new TokenSearch<>(List.of(word), List::of);
        assertThat(search.search(typo, 5)).hasSize(1);
    }

    @Provide
    Arbitrary<String> vietnamese() {
        return Arbitraries.strings().withChars("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ ĐĂÂÊÔƠƯÁÀẢÃẠ0123456789-,.")
                .ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(4).ofMaxLength(10);
    }

    @Provide
    Arbitrary<Character> letters() {
        return Arbitraries.chars().range('a', 'z');
    }
}
