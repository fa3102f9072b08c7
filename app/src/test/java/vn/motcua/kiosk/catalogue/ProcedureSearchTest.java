package vn.motcua.kiosk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.text.TokenSearch.MatchKind;

class ProcedureSearchTest {

    private static List<String> ids(String query) {
        return Fixtures.shipped().search().search(query, 10).stream().map(Procedure::id).toList();
    }

    @ParameterizedTest(name = "\"{0}\" finds {1} first")
    @CsvSource({
            "ly lich tu phap, lltp-self",
            "lý lịch, lltp-self",
            "LÝ LỊCH TƯ PHÁP, lltp-self",
            "khai sinh, khai-sinh",
            "doi giay phep lai xe, doi-gplx",
            "đổi giấy phép lái xe, doi-gplx",
            "dang ky khai tu, khai-tu",
            "đăng ký khai tử, khai-tu",
            "trich luc, trich-luc-ho-tich",
            "khai sinb, khai-sinh",
            "ly lihc, lltp-self",
            "criminal record, lltp-self",
            "driving licence, doi-gplx",
            "2.000635, trich-luc-ho-tich",
            "gplx, doi-gplx",
            "bang lai, doi-gplx",
    })
    void findsItsProcedureFirst(String query, String expected) {
        assertThat(ids(query)).first().isEqualTo(expected);
    }

    @Test
    void bothLltpVariantsAndBothBirthProceduresAreFound() {
        assertThat(ids("ly lich")).startsWith("lltp-self", "lltp-proxy");
        assertThat(ids("khai sinh")).containsSubsequence("khai-sinh", "lien-thong-khai-sinh");
        assertThat(ids("lien thong")).containsExactlyInAnyOrder("lien-thong-khai-sinh", "lien-thong-khai-tu");
    }

    @Test
    void dWithStrokeFoldsToD() {
        assertThat(ids("dang ky")).isEqualTo(ids("đăng ký")).contains("khai-sinh", "khai-tu");
        assertThat(ids("ĐỔI")).containsExactly("doi-gplx");
    }

    @Test
    void exactBeatsPrefixBeatsTypo() {
        var exact = Fixtures.shipped().search().hits("khai sinh", 1).get(0);
        var prefix = Fixtures.shipped().search().hits("khai sin", 1).get(0);
        var typo = Fixtures.shipped().search().hits("khai sinb", 1).get(0);
        assertThat(exact.weakest()).isEqualTo(MatchKind.EXACT);
        assertThat(prefix.weakest()).isEqualTo(MatchKind.PREFIX);
        assertThat(typo.weakest()).isEqualTo(MatchKind.TYPO);
        assertThat(exact.score()).isGreaterThan(prefix.score());
        assertThat(prefix.score()).isGreaterThan(typo.score());
    }

    @Test
    void nothingMatchesNonsenseOrAnEmptyQuery() {
        assertThat(ids("xyzzy")).isEmpty();
        assertThat(ids("  ")).isEmpty();
        // Short words are not typo-tolerant: "lu" is not "ly".
        assertThat(ids("lu lich")).doesNotContain("lltp-self");
    }
}
