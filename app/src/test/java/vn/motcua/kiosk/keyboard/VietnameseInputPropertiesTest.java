package vn.motcua.kiosk.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the engine. Words come from real Vietnamese (new tone style) and are turned into
 * keys by an encoder written here from the Telex and VNI tables, independent of the engine: marks
 * and the tone are typed at a random point after their letters, the case of each letter is random.
 */
class VietnameseInputPropertiesTest {

    private static final List<String> WORDS = List.of(
            "tôi", "là", "ai", "được", "việt", "nước", "khuyên", "người", "nguyễn", "trường", "hướng", "rượu",
            "hưu", "cứu", "mưa", "cửa", "chưa", "thứ", "quý", "quyền", "quà", "quốc", "quỳnh", "gì", "gìn", "già",
            "giếng", "giữ", "giờ", "ngoài", "khuỷu", "tuần", "muốn", "xoắn", "hoàn", "toán", "mía", "múa",
            "đồng", "khoẻ", "huế", "yêu", "xoáy", "ngoẹo", "tiếng", "sách", "hồ", "sơ", "nộp", "thủ", "tục",
            "hành", "chính", "lý", "lịch", "tư", "pháp", "khai", "sinh", "tử", "kết", "hôn", "trích", "lục",
            "đăng", "ký", "giấy", "phép", "lái", "xe", "căn", "cước", "công", "dân", "địa", "chỉ", "phường",
            "xã", "tỉnh", "thành", "phố", "số", "điện", "thoại", "họ", "tên", "ngày", "tháng", "năm", "quê",
            "quán", "dân", "tộc", "kinh", "nghề", "nghiệp", "nơi", "ở", "hiện", "tại", "thường", "trú", "tạm",
            "cha", "mẹ", "vợ", "chồng", "con", "khánh", "hoà", "đà", "nẵng", "hà", "nội", "cà", "mau", "huyện",
            "thuở", "khuấy", "ngoằn", "oằn", "thuyền", "chuyện", "luật", "uống", "ươm", "ưu", "ước", "uỷ", "ban",
            "nhân", "chứng", "minh", "bảo", "hiểm", "y", "tế", "mai", "táng", "phí", "lệ", "miễn", "giảm", "người",
            "cao", "tuổi", "khuyết", "tật", "nghèo", "đặc", "biệt", "khó", "khăn", "gửi", "bưu", "điện", "ngữ");

    private static final String TELEX_TONES = "sfrxj";

    private record Decomposed(char base, boolean upper, Mark mark, Tone tone) {}

    private static Decomposed decompose(char ch) {
        Letter.Parsed p = Letter.parse(ch);
        return new Decomposed(p.letter().base(), p.letter().upper(), p.letter().mark(), p.tone());
    }

    /** Keys for a word: letters in order, each mark key and the tone key at a random later point. */
    static String encode(String word, InputMethod method, long seed) {
        Random random = new Random(seed);
        List<String> keys = new ArrayList<>();
        List<int[]> late = new ArrayList<>(); // {earliest point: how many letters come before}
        List<String> lateKeys = new ArrayList<>();
        int firstVowelEnd = -1;
        Tone tone = Tone.NONE;
        for (int i = 0; i < word.length(); i++) {
            Decomposed d = decompose(word.charAt(i));
            char base = d.upper() ? Character.toUpperCase(d.base()) : d.base();
            keys.add(String.valueOf(base));
            boolean vowel = "aeiouy".indexOf(d.base()) >= 0;
            if (vowel && firstVowelEnd < 0) {
                firstVowelEnd = keys.size();
            }
            if (d.tone() != Tone.NONE) {
                tone = d.tone();
            }
            // ươ takes one horn key after the o; thuở (uơ) one after the o too.
            boolean hornedUBeforeO = d.base() == 'u' && d.mark() == Mark.HORN && i + 1 < word.length()
                    && decompose(word.charAt(i + 1)).base() == 'o' && decompose(word.charAt(i + 1)).mark() == Mark.HORN;
            if (d.mark() != Mark.NONE && !hornedUBeforeO) {
                String k = switch (d.mark()) {
                    case CIRCUMFLEX -> method == InputMethod.TELEX ? String.valueOf(d.base()) : "6";
                    case BREVE -> method == InputMethod.TELEX ? "w" : "8";
                    case HORN -> method == InputMethod.TELEX ? "w" : "7";
                    case STROKE -> method == InputMethod.TELEX ? "d" : "9";
                    default -> throw new IllegalStateException();
                };
                late.add(new int[] {keys.size()});
                lateKeys.add(k);
            }
        }
        if (tone != Tone.NONE) {
            late.add(new int[] {firstVowelEnd});
            lateKeys.add(method == InputMethod.TELEX ? String.valueOf(TELEX_TONES.charAt(tone.ordinal() - 1))
                    : String.valueOf(tone.ordinal()));
        }
        // Insert from the last planned key backwards at a random point at or after its earliest.
        List<String> out = new ArrayList<>(keys);
        int[] offsets = new int[keys.size() + 1];
        for (int j = 0; j < late.size(); j++) {
            int earliest = late.get(j)[0];
            int at = earliest + random.nextInt(keys.size() - earliest + 1);
            // After the letters before that point and every key already put at or before it.
            int pos = at;
            for (int q = 0; q <= at; q++) {
                pos += offsets[q];
            }
            out.add(pos, lateKeys.get(j));
            offsets[at]++;
        }
        return String.join("", out);
    }

    private static String withCase(String word, long mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            sb.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<String> words() {
        return Combinators.combine(Arbitraries.of(WORDS), Arbitraries.longs(), Arbitraries.integers().between(0, 2))
                .as((w, mask, mode) -> switch (mode) {
                    case 0 -> w;
                    case 1 -> w.toUpperCase(Locale.ROOT);
                    default -> withCase(w, mask);
                });
    }

    @Property(tries = 600)
    void everyWordComesOutOfItsTelexKeys(@ForAll("words") String word, @ForAll long seed) {
        String keys = encode(word, InputMethod.TELEX, seed);
        assertThat(VietnameseInput.compose(InputMethod.TELEX, ToneStyle.NEW, keys)).as(keys).isEqualTo(word);
    }

    @Property(tries = 600)
    void everyWordComesOutOfItsVniKeys(@ForAll("words") String word, @ForAll long seed) {
        String keys = encode(word, InputMethod.VNI, seed);
        assertThat(VietnameseInput.compose(InputMethod.VNI, ToneStyle.NEW, keys)).as(keys).isEqualTo(word);
    }

    @Property(tries = 400)
    void aSentenceComesOutOfItsKeys(@ForAll("words") String a, @ForAll("words") String b, @ForAll("words") String c,
            @ForAll long seed) {
        String keys = encode(a, InputMethod.TELEX, seed) + " " + encode(b, InputMethod.TELEX, seed + 1) + ", "
                + encode(c, InputMethod.TELEX, seed + 2) + ".";
        assertThat(VietnameseInput.compose(InputMethod.TELEX, ToneStyle.NEW, keys)).isEqualTo(a + " " + b + ", " + c + ".");
    }

    // ---- syllables built from parts, not from the word list -------------------------------

    private static final List<String> INITIALS = List.of("", "b", "c", "ch", "d", "đ", "g", "gh", "h", "k", "kh", "l", "m",
            "n", "ng", "ngh", "nh", "ph", "r", "s", "t", "th", "tr", "v", "x");
    private static final List<String> NUCLEI = List.of("a", "ai", "ao", "au", "ay", "ă", "â", "âu", "ây", "e", "eo",
            "ê", "êu", "i", "ia", "iu", "iê", "iêu", "o", "oa", "oai", "oay", "oă", "oe", "oi", "ô", "ôi", "ơ", "ơi",
            "u", "ua", "uâ", "uây", "uê", "ui", "uô", "uôi", "uy", "uyê", "uyu", "ư", "ưa", "ưi", "ưu", "ươ", "ươi",
            "ươu", "y", "yê", "yêu");
    private static final List<String> CODAS = List.of("", "c", "ch", "m", "n", "ng", "nh", "p", "t");

    @Provide
    Arbitrary<String> syllables() {
        return Combinators.combine(Arbitraries.of(INITIALS), Arbitraries.of(NUCLEI), Arbitraries.of(CODAS),
                        Arbitraries.integers().between(0, 5))
                .as((i, n, c, t) -> {
                    String s = i + n + c;
                    if (t == 0) {
                        return s;
                    }
                    // The tone on the first vowel: where it lands is the engine's business here.
                    int v = i.length();
                    String toned = s.substring(0, v + 1) + Tone.values()[t].combining + s.substring(v + 1);
                    return Normalizer.normalize(toned, Normalizer.Form.NFC);
                });
    }

    @Property(tries = 1000)
    void telexAndVniAgree(@ForAll("syllables") String syllable, @ForAll long seed, @ForAll boolean oldStyle) {
        ToneStyle style = oldStyle ? ToneStyle.OLD : ToneStyle.NEW;
        String telex = VietnameseInput.compose(InputMethod.TELEX, style, encode(syllable, InputMethod.TELEX, seed));
        String vni = VietnameseInput.compose(InputMethod.VNI, style, encode(syllable, InputMethod.VNI, seed));
        assertThat(telex).isEqualTo(vni);
        assertThat(fold(telex)).isEqualTo(fold(syllable));
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd');
    }

    @Property(tries = 1000)
    void outputIsAlwaysNfc(@ForAll("anyKeys") String keys, @ForAll InputMethod method, @ForAll ToneStyle style) {
        String out = VietnameseInput.compose(method, style, keys);
        assertThat(Normalizer.isNormalized(out, Normalizer.Form.NFC)).as(keys).isTrue();
    }

    @Provide
    Arbitrary<String> anyKeys() {
        return Arbitraries.strings().withChars("aeiouydwsfrxjzqgnhtcAEOUWDSJ0123456789 \b.ăâđêôơư").ofMaxLength(30);
    }

    @Property(tries = 1000)
    void aPlainWordWithoutToneOrMarkKeysIsLeftAsTyped(@ForAll("plainWords") String word) {
        assertThat(VietnameseInput.compose(InputMethod.TELEX, ToneStyle.NEW, word)).isEqualTo(word);
        assertThat(VietnameseInput.compose(InputMethod.VNI, ToneStyle.NEW, word)).isEqualTo(word);
    }

    /** Letters that are never Telex keys, each of a, e, o at most once (aa and tiene are keys). */
    @Provide
    Arbitrary<String> plainWords() {
        return Arbitraries.strings().withChars("bcghiklmnpqtuvyBCGHIKLMNPQTUVY").ofMinLength(1).ofMaxLength(12)
                .flatMap(s -> Arbitraries.of("", "a", "e", "o", "A", "E", "O").flatMap(v ->
                        Arbitraries.integers().between(0, s.length()).map(at -> s.substring(0, at) + v + s.substring(at))));
    }

    @Property(tries = 300)
    void numbersAreLeftAsTyped(@ForAll("numbers") String number, @ForAll InputMethod method) {
        assertThat(VietnameseInput.compose(method, ToneStyle.NEW, number)).isEqualTo(number);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(14);
    }

    @Property(tries = 500)
    void backspaceAfterEveryKeyOfAWordEmptiesTheField(@ForAll("words") String word, @ForAll long seed) {
        String keys = encode(word, InputMethod.TELEX, seed);
        String out = VietnameseInput.compose(InputMethod.TELEX, ToneStyle.NEW, keys + "\b".repeat(keys.length()));
        assertThat(out).isEmpty();
    }
}
