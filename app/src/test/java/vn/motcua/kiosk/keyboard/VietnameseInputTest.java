package vn.motcua.kiosk.keyboard;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.kiosk.keyboard.InputMethod.PLAIN;
import static vn.motcua.kiosk.keyboard.InputMethod.TELEX;
import static vn.motcua.kiosk.keyboard.InputMethod.VNI;
import static vn.motcua.kiosk.keyboard.ToneStyle.NEW;
import static vn.motcua.kiosk.keyboard.ToneStyle.OLD;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VietnameseInputTest {

    private static String telex(String keys) {
        return VietnameseInput.compose(TELEX, NEW, keys);
    }

    private static String vni(String keys) {
        return VietnameseInput.compose(VNI, NEW, keys);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "tooi laf ai, tôi là ai",
        "dduwowcj, được",
        "duocwdj, được",
        "VIEETJ, VIỆT",
        "ass, as",
        "nuowcs, nước",
        "khuyeen, khuyên",
    })
    void domainExamples(String keys, String expected) {
        assertThat(telex(keys)).isEqualTo(expected);
    }

    /** Every vowel with every tone: column 0 is the level tone, then sắc huyền hỏi ngã nặng. */
    private static final String[][] VOWELS = {
        {"a", "a", "aáàảãạ"}, {"aw", "a8", "ăắằẳẵặ"}, {"aa", "a6", "âấầẩẫậ"},
        {"e", "e", "eéèẻẽẹ"}, {"ee", "e6", "êếềểễệ"}, {"i", "i", "iíìỉĩị"},
        {"o", "o", "oóòỏõọ"}, {"oo", "o6", "ôốồổỗộ"}, {"ow", "o7", "ơớờởỡợ"},
        {"u", "u", "uúùủũụ"}, {"uw", "u7", "ưứừửữự"}, {"y", "y", "yýỳỷỹỵ"},
    };
    private static final String TELEX_TONES = "sfrxj";

    static Stream<Arguments> everyVowelTimesEveryTone() {
        List<Arguments> rows = new ArrayList<>();
        for (String[] v : VOWELS) {
            for (int t = 0; t <= 5; t++) {
                String expected = String.valueOf(v[2].charAt(t));
                String telex = v[0] + (t == 0 ? "" : String.valueOf(TELEX_TONES.charAt(t - 1)));
                String vni = v[1] + (t == 0 ? "" : String.valueOf(t));
                rows.add(Arguments.of(telex, vni, expected));
                rows.add(Arguments.of(telex.toUpperCase(Locale.ROOT), vni.toUpperCase(Locale.ROOT),
                        expected.toUpperCase(Locale.ROOT)));
                // In a syllable with an initial and a final too: the tone stays on that vowel.
                rows.add(Arguments.of("t" + telex + "m", "t" + vni + "m", "t" + expected + "m"));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} / {1} → {2}")
    @MethodSource
    void everyVowelTimesEveryTone(String telexKeys, String vniKeys, String expected) {
        assertThat(telex(telexKeys)).isEqualTo(expected);
        assertThat(vni(vniKeys)).isEqualTo(expected);
        assertThat(Normalizer.isNormalized(telex(telexKeys), Normalizer.Form.NFC)).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // ươ, uơ, ưu, ưa and the tone on ơ
        "nguoiwf, người", "truwowngf, trường", "huwowngs, hướng", "ruwowuj, rượu", "dduwowngf, đường",
        "uow, ươ", "thuowr, thuở", "huow, huơ", "nuow, nuơ", "nuowc, nươc",
        "huwu, hưu", "cuwus, cứu", "muwa, mưa", "muaw, mưa", "cuwar, cửa", "chuwa, chưa", "muwowif, mười",
        // w with no vowel yet is ư
        "w, ư", "W, Ư", "tw, tư", "nhw, như", "thws, thứ", "ww, w",
        // qu and gi are consonants before another vowel
        "quys, quý", "quyeenf, quyền", "quaf, quà", "quoocs, quốc", "quow, quơ", "quyt, quyt", "quytj, quỵt",
        "quynhf, quỳnh", "gif, gì", "ginf, gìn", "giaf, già", "gieengs, giếng", "giuwx, giữ", "giowf, giờ",
        // other placements
        "ngoaif, ngoài", "khuyur, khuỷu", "tuaanf, tuần", "muoons, muốn", "xoawns, xoắn", "hoanf, hoàn",
        "toans, toán", "mias, mía", "muas, múa", "ddoongf, đồng", "Nguyeenx, Nguyễn", "khoer, khoẻ",
        "huees, huế", "yeeu, yêu", "khuyar, khuỷa", "ngoeoj, ngoẹo", "xoays, xoáy",
        // đ only as the first letter
        "dd, đ", "DD, Đ", "Dd, Đ", "ddd, dd", "add, add", "ddi, đi", "did, đi", "didd, did",
        // uppercase and mixed case
        "DDOONGF, ĐỒNG", "NGUYEENX, NGUYỄN", "NguyEENx, NguyỄN", "Tooi, Tôi", "tOOi, tÔi", "VieEtJ, Việt",
        "NGUOWIF, NGƯỜI", "DDuwowcj, Được", "QUYS, QUÝ", "GIAF, GIÀ",
    })
    void telexWords(String keys, String expected) {
        assertThat(telex(keys)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // the same key again undoes the change and types the key
        "ass, as", "aff, af", "arr, ar", "axx, ax", "ajj, aj", "aaa, aa", "eee, ee", "ooo, oo", "aww, aw",
        "oww, ow", "uww, uw", "ddd, dd", "VIEETJJ, VIÊTJ", "tooo, too", "asss, ass",
        // another tone key replaces the tone; z clears it
        "asf, à", "asz, a", "tooisz, tôi", "z, z", "az, az",
        // a tone or mark key may come anywhere after its letters
        "tiesnge, tiếng", "vietje, việt", "sasch, sách", "duocwdj, được", "nguoifw, người", "dduocwj, được",
        "tieengs, tiếng", "tiengse, tiếng", "hoangf, hoàng", "truongwf, trường", "Vieejt, Việt",
    })
    void undoAndToneAnywhere(String keys, String expected) {
        assertThat(telex(keys)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "email, email", "facebook, facebook", "google, google", "zoom, zoom", "street, street",
        "check, check", "Chrome, Chrome", "Hello, Hello", "2024, 2024", "A12, A12", "phong 12, phong 12",
        "covid19, covid19", "abc123, abc123", "emails, emails", "class, class", "xyz, xyz",
    })
    void wordsThatAreNotVietnameseAreLeftAlone(String keys, String expected) {
        assertThat(telex(keys)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "to6i la2 ai, tôi là ai", "d9u7o7c5, được", "duoc795, được", "VIE65T, VIỆT", "nuoc71, nước",
        "nuo71c, nước", "khuye6n, khuyên", "a11, a1", "a66, a6", "a88, a8", "o77, o7", "d99, d9",
        "a12, à", "a10, a", "0, 0", "2024, 2024", "so61 12, số 12", "Nguye6n4, Nguyễn", "quo71, quớ",
        "gi2, gì", "quy1, quý", "hoa2, hoà", "thuy3, thuỷ", "mu7o7i2, mười", "thuo73, thuở",
    })
    void vni(String keys, String expected) {
        assertThat(vni(keys)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: old {1}, new {2}")
    @CsvSource({
        "hoaf, hòa, hoà", "hoef, hòe, hoè", "thuyr, thủy, thuỷ", "khoer, khỏe, khoẻ", "hoaf binhf, hòa bình, hoà bình",
        "hoanf, hoàn, hoàn", "thuyeens, thuyến, thuyến", "quyf, quỳ, quỳ", "hoaij, hoại, hoại", "mias, mía, mía",
        "HOAF, HÒA, HOÀ",
    })
    void oldAndNewStyle(String keys, String old, String neu) {
        assertThat(VietnameseInput.compose(TELEX, OLD, keys)).isEqualTo(old);
        assertThat(VietnameseInput.compose(TELEX, NEW, keys)).isEqualTo(neu);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        // right after a tone or mark key, backspace takes it back
        "'tieengs\b', tiêng", "'as\b', a", "'aa\b', a", "'dd\b', d", "'duocw\b', duoc", "'asz\b', á",
        // only once; then characters go
        "'tieengs\b\b', tiên", "'as\b\b', ''",
        // otherwise the last character goes with its marks, and the word stays editable
        "'tieeng\b', tiên", "'tieen\b\b', ti", "'ass\b', a", "'hoafn\b', hoà", "'nuowcs\b', nươc", "'hoanf\b', hoan",
        "'nuowcs\b\bs', nướ", "'tieen\bs', tiế", "'tieeng\bgs', tiếng", "'google\b', googl", "'nuowsc\b', nướ", "'nuowsc\bc', nước",
        // into the word before: it is resumed, so a tone still lands on it
        "'tooi \bs', tối", "'tooi la \bf', tôi là",
    })
    void backspace(String keys, String expected) {
        assertThat(telex(keys)).isEqualTo(expected);
    }

    @Test
    void backspaceAfterAnOldStyleWordPlacesTheToneAgain() {
        assertThat(VietnameseInput.compose(TELEX, OLD, "hoafn\b")).isEqualTo("hòa");
    }

    @Test
    void plainModeTypesWhatIsTyped() {
        assertThat(VietnameseInput.compose(PLAIN, NEW, "dduwowcj nguyen.van.an@gmail.com")).isEqualTo("dduwowcj nguyen.van.an@gmail.com");
    }

    @Test
    void theDiacriticRowTypesLettersAndAppliesTonesAndMarks() {
        VietnameseInput in = new VietnameseInput(TELEX, NEW);
        String text = "";
        text = in.type('n').applyTo(text);
        text = in.letter('ư').applyTo(text);
        text = in.letter('ơ').applyTo(text);
        text = in.type('c').applyTo(text);
        text = in.tone(Tone.ACUTE).applyTo(text);
        assertThat(text).isEqualTo("nước");
        text = in.tone(Tone.DOT).applyTo(text);
        assertThat(text).isEqualTo("nược");
        text = in.backspace().applyTo(text);
        assertThat(text).as("backspace takes the tapped tone back").isEqualTo("nước");
        text = in.tone(Tone.ACUTE).applyTo(text);
        assertThat(text).as("the same tone again takes it off").isEqualTo("nươc");

        in.reset();
        text = "";
        for (char c : "toi".toCharArray()) {
            text = in.type(c).applyTo(text);
        }
        text = in.mark(Mark.CIRCUMFLEX).applyTo(text);
        text = in.tone(Tone.GRAVE).applyTo(text);
        assertThat(text).isEqualTo("tồi");
        text = in.mark(Mark.CIRCUMFLEX).applyTo(text);
        assertThat(text).isEqualTo("tòi");

        in.reset();
        text = "";
        text = in.type('d').applyTo(text);
        text = in.mark(Mark.STROKE).applyTo(text);
        text = in.type('a').applyTo(text);
        text = in.mark(Mark.BREVE).applyTo(text);
        text = in.type('n').applyTo(text);
        text = in.tone(Tone.GRAVE).applyTo(text);
        assertThat(text).isEqualTo("đằn");
    }

    @Test
    void aTappedToneWithNoVowelDoesNothing() {
        VietnameseInput in = new VietnameseInput(TELEX, NEW);
        assertThat(in.tone(Tone.ACUTE)).isEqualTo(Edit.NONE);
        in.type('t');
        assertThat(in.tone(Tone.ACUTE)).isEqualTo(Edit.NONE);
        assertThat(in.word()).isEqualTo("t");
    }

    @Test
    void aTappedToneWorksOnAWordThatIsNotVietnamese() {
        VietnameseInput in = new VietnameseInput(PLAIN, NEW);
        String text = "";
        for (char c : "cafe".toCharArray()) {
            text = in.type(c).applyTo(text);
        }
        assertThat(in.tone(Tone.ACUTE).applyTo(text)).isEqualTo("café");
    }

    @Test
    void resumingAWordLetsAToneLandOnIt() {
        VietnameseInput in = new VietnameseInput(TELEX, NEW);
        in.resume("Nguyên");
        assertThat(in.type('x').applyTo("Nguyên")).isEqualTo("Nguyễn");
        in.resume("Nguyen");
        assertThat(in.type('x').applyTo("Nguyen")).as("no ê typed, none added").isEqualTo("Nguyẽn");
        in.resume("email");
        assertThat(in.type('s').applyTo("email")).isEqualTo("emails");
        in.resume("café");
        assertThat(in.type('s').applyTo("café")).isEqualTo("cafés");
    }

    @Test
    void editsAreSmall() {
        VietnameseInput in = new VietnameseInput(TELEX, NEW);
        for (char c : "tieeng".toCharArray()) {
            in.type(c);
        }
        assertThat(in.type('s')).isEqualTo(new Edit(3, "ếng"));
        assertThat(in.type(' ')).isEqualTo(new Edit(0, " "));
        assertThat(in.backspace()).isEqualTo(new Edit(1, ""));
    }

    @Test
    void switchingMethodStartsANewWord() {
        VietnameseInput in = new VietnameseInput(TELEX, NEW);
        String text = in.type('a').applyTo("");
        in.setMethod(VNI);
        text = in.type('1').applyTo(text);
        assertThat(text).isEqualTo("a1");
    }
}
