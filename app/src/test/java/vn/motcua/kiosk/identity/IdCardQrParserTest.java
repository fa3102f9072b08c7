package vn.motcua.kiosk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IdCardQrParserTest {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("ddMMyyyy");
    private final IdCardQrParser parser = new IdCardQrParser();

    @Test
    void readsTheExampleFromTheDomainBrief() {
        QrReading r = parser.parse("001095012345||Nguyễn Văn An|15081995|Nam|Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội|10042021\r\n");
        assertThat(r).isInstanceOf(QrReading.Card.class);
        IdCard c = ((QrReading.Card) r).card();
        assertThat(c.idNumber()).isEqualTo("001095012345");
        assertThat(c.oldIdNumber()).isEmpty();
        assertThat(c.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(c.birthDate()).isEqualTo(LocalDate.of(1995, 8, 15));
        assertThat(c.sex()).isEqualTo(IdCard.Sex.MALE);
        assertThat(c.permanentAddress()).isEqualTo("Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội");
        assertThat(c.issueDate()).isEqualTo(LocalDate.of(2021, 4, 10));
        assertThat(c.extraFields()).isEmpty();
        assertThat(c.toString()).doesNotContain("001095012345").doesNotContain("Nguyễn");
    }

    @Test
    void keepsTheOldNumberAndExtraFieldsOfNewerCards() {
        QrReading r = parser.parse("079301001234|025123456|Trần Thị Bình|01022001|Nữ|Phường Bến Nghé, TP Hồ Chí Minh|05052022|X|");
        IdCard c = ((QrReading.Card) r).card();
        assertThat(c.oldIdNumber()).contains("025123456");
        assertThat(c.sex()).isEqualTo(IdCard.Sex.FEMALE);
        assertThat(c.extraFields()).containsExactly("X", "");
    }

    @Test
    void decomposedTextFromAReaderIsNormalised() {
        String nfd = Normalizer.normalize("079301001234||Trần Thị Bình|01022001|Nữ|Huế|05052022", Normalizer.Form.NFD);
        IdCard c = ((QrReading.Card) parser.parse(nfd)).card();
        assertThat(c.fullName()).isEqualTo("Trần Thị Bình");
        assertThat(c.sex()).isEqualTo(IdCard.Sex.FEMALE);
    }

    @Test
    void anUnknownLayoutIsGivenBackFieldByField() {
        QrReading r = parser.parse("CC|Nguyễn Văn An|15081995|Nam");
        assertThat(r).isEqualTo(new QrReading.UnknownLayout(List.of("CC", "Nguyễn Văn An", "15081995", "Nam")));
        assertThat(r.toString()).doesNotContain("Nguyễn");
    }

    @Test
    void textThatIsNoIdCardIsMalformed() {
        assertThat(parser.parse("https://dichvucong.gov.vn")).isEqualTo(new QrReading.Malformed("identity.qr.notIdCard", 0));
        assertThat(parser.parse("   \n")).isEqualTo(new QrReading.Malformed("identity.qr.empty", 0));
        assertThat(parser.parse(null)).isEqualTo(new QrReading.Malformed("identity.qr.empty", 0));
    }

    @Test
    void eachBadFieldIsNamed() {
        String ok = "001095012345||Nguyễn Văn An|15081995|Nam|Hà Nội|10042021";
        assertThat(parser.parse(ok.replace("|15081995|", "|31021995|"))).isEqualTo(new QrReading.Malformed("identity.qr.badBirthDate", 4));
        assertThat(parser.parse(ok.replace("|Nam|", "|Nu|"))).isEqualTo(new QrReading.Malformed("identity.qr.badSex", 5));
        assertThat(parser.parse(ok.replace("10042021", "10041990"))).isEqualTo(new QrReading.Malformed("identity.qr.badIssueDate", 7));
        assertThat(parser.parse(ok.replace("||", "|12AB|"))).isEqualTo(new QrReading.Malformed("identity.qr.badOldId", 2));
        assertThat(parser.parse(ok.replace("Nguyễn Văn An", ""))).isEqualTo(new QrReading.Malformed("identity.qr.badName", 3));
    }

    // --- properties ---

    @Property
    void everyWellFormedCardReadsBackExactly(@ForAll("cards") IdCard card) {
        assertThat(parser.parse(format(card))).isEqualTo(new QrReading.Card(card));
    }

    @Property
    void extraFieldsNeverBreakTheFirstSeven(@ForAll("cards") IdCard card,
                                            @ForAll @IntRange(min = 1, max = 5) int extra) {
        String text = format(card) + "|extra".repeat(extra);
        IdCard read = ((QrReading.Card) parser.parse(text)).card();
        assertThat(read.idNumber()).isEqualTo(card.idNumber());
        assertThat(read.extraFields()).hasSize(extra).containsOnly("extra");
    }

    @Property
    void anyTextGetsAnAnswerAndNeverAnException(@ForAll String text) {
        assertThat(parser.parse(text)).isNotNull();
    }

    @Property
    void anImpossibleBirthDateFillsNothing(@ForAll("cards") IdCard card, @ForAll @IntRange(min = 32, max = 99) int day) {
        String text = format(card).replaceFirst("\\|" + card.birthDate().format(DMY) + "\\|",
                "|" + day + card.birthDate().format(DateTimeFormatter.ofPattern("MMyyyy")) + "|");
        assertThat(parser.parse(text)).isEqualTo(new QrReading.Malformed("identity.qr.badBirthDate", 4));
    }

    static String format(IdCard c) {
        return String.join("|", c.idNumber(), c.oldIdNumber().orElse(""), c.fullName(), c.birthDate().format(DMY),
                c.sex() == IdCard.Sex.MALE ? "Nam" : "Nữ", c.permanentAddress(), c.issueDate().format(DMY));
    }

    @Provide
    Arbitrary<IdCard> cards() {
        Arbitrary<String> id = Arbitraries.strings().numeric().ofLength(12);
        Arbitrary<Optional<String>> old = Arbitraries.strings().numeric().ofLength(9).optional();
        Arbitrary<String> word = Arbitraries.strings().withChars("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
                .ofMinLength(1).ofMaxLength(7).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1));
        Arbitrary<String> name = word.list().ofMinSize(2).ofMaxSize(5).map(ws -> String.join(" ", ws));
        Arbitrary<String> address = Arbitraries.strings().withCharRange('a', 'z').withChars(" ,.0123456789ĐđƯươ")
                .ofMinLength(1).ofMaxLength(60).map(String::strip).filter(s -> !s.isEmpty());
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 36_000).map(d -> LocalDate.of(1920, 1, 1).plusDays(d));
        Arbitrary<Integer> issuedAfter = Arbitraries.integers().between(0, 20_000);
        Arbitrary<IdCard.Sex> sex = Arbitraries.of(IdCard.Sex.class);
        return Combinators.combine(id, old, name, birth, sex, address, issuedAfter)
                .as((i, o, n, b, s, a, after) -> new IdCard(i, o, n, b, s, a, b.plusDays(after), List.of()));
    }
}
