package vn.motcua.kiosk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Bad input for the ID-card QR parser (issue 12): arbitrary text and bytes, and valid QR texts
 * mangled field by field. Whatever comes in, the answer is a {@link QrReading} (never an exception)
 * and a {@link QrReading.Card} only when every field keeps its promise: ID number 12 digits, real
 * dates, issued on or after birth, no control characters or broken UTF-16 in any text.
 */
class IdCardQrParserPropertiesTest {
    private static final Set<String> MESSAGE_KEYS = Set.of("identity.qr.empty", "identity.qr.notIdCard",
            "identity.qr.badOldId", "identity.qr.badName", "identity.qr.badBirthDate", "identity.qr.badSex",
            "identity.qr.badIssueDate");
    private static final String VALID = "001095012345||Nguyễn Văn An|15081995|Nam|Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội|10042021";

    private final IdCardQrParser parser = new IdCardQrParser();

    /** The property of every reading: typed, and a card only when it keeps its invariants. */
    private void answersSafely(String text) {
        QrReading r = parser.parse(text);
        assertThat(r).isNotNull();
        if (r instanceof QrReading.Malformed m) {
            assertThat(MESSAGE_KEYS).contains(m.messageKey());
            assertThat(m.fieldNumber()).isBetween(0, IdCardQrParser.FIELDS);
        } else if (r instanceof QrReading.UnknownLayout u) {
            assertThat(u.fields()).hasSizeGreaterThanOrEqualTo(2);
            u.fields().forEach(IdCardQrParserPropertiesTest::cleanText);
        } else {
            cardKeepsItsPromises(((QrReading.Card) r).card());
        }
    }

    private static void cardKeepsItsPromises(IdCard c) {
        assertThat(c.idNumber()).matches("[0-9]{12}");
        c.oldIdNumber().ifPresent(old -> assertThat(old).matches("[0-9]{9}|[0-9]{12}"));
        assertThat(c.fullName()).isNotBlank().doesNotContainPattern("[0-9]");
        assertThat(c.birthDate().getYear()).isBetween(IdCardQrParser.FIRST_YEAR, IdCardQrParser.LAST_YEAR);
        assertThat(c.issueDate().getYear()).isBetween(IdCardQrParser.FIRST_YEAR, IdCardQrParser.LAST_YEAR);
        assertThat(c.issueDate()).isAfterOrEqualTo(c.birthDate());
        assertThat(c.sex()).isNotNull();
        cleanText(c.fullName());
        cleanText(c.permanentAddress());
        c.extraFields().forEach(IdCardQrParserPropertiesTest::cleanText);
        assertThat(c.prefillValues()).containsKeys("id", "name", "birthDate", "sex", "address", "issueDate");
    }

    /** Text that a form, a PDF and the database can take as it is. */
    private static void cleanText(String s) {
        assertThat(s).isNotNull();
        assertThat(s.chars().noneMatch(ch -> Character.isISOControl(ch) && ch != '\t')).as("no control characters").isTrue();
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(s)).as("whole UTF-16, no lone surrogate").isTrue();
        assertThat(s).doesNotContain("|");
    }

    // --- (a) anything at all ---

    @Property(tries = 1000)
    void anyTextGetsATypedAnswer(@ForAll @Size(max = 400) String text) {
        answersSafely(text);
    }

    @Property(tries = 1000)
    void anyBytesDecodedAsAReaderWouldGetATypedAnswer(@ForAll @Size(max = 400) byte[] bytes) {
        answersSafely(new String(bytes, StandardCharsets.UTF_8));
        answersSafely(new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 1000)
    void pipeSeparatedJunkGetsATypedAnswer(@ForAll("junkFields") List<String> fields) {
        answersSafely(String.join("|", fields));
    }

    // --- (b) a valid text mangled ---

    @Property(tries = 1000)
    void aMangledCardGetsATypedAnswer(@ForAll("mangled") String text) {
        answersSafely(text);
    }

    @Property(tries = 200)
    void aHugeFieldGetsATypedAnswer(@ForAll("fieldIndex") int field, @ForAll("hugeText") String huge) {
        String[] f = VALID.split("\\|", -1);
        f[field] = huge;
        answersSafely(String.join("|", f));
    }

    // --- (c) valid texts still read, whatever the reader adds around them ---

    @Property(tries = 1000)
    void aValidCardReadsBackWithWhatReadersAdd(@ForAll("validCards") IdCard card, @ForAll("readerNoise") String before,
                                               @ForAll("readerNoise") String after) {
        QrReading r = parser.parse(before + IdCardQrParserTest.format(card) + after);
        assertThat(r).isEqualTo(new QrReading.Card(card));
        cardKeepsItsPromises(((QrReading.Card) r).card());
    }

    // --- defects found by the properties, pinned ---

    @Example
    void controlCharactersOtherThanC0AreNoCard() {
        // DEL and the C1 controls (U+0080–U+009F) passed the check that only looked below U+0020.
        assertThat(parser.parse(VALID.replace("Văn", "V\u007Făn"))).isEqualTo(new QrReading.Malformed("identity.qr.notIdCard", 0));
        assertThat(parser.parse(VALID.replace("Số 12", "Số\u0085 12"))).isEqualTo(new QrReading.Malformed("identity.qr.notIdCard", 0));
        assertThat(parser.parse(VALID + "|\u009B31m")).isEqualTo(new QrReading.Malformed("identity.qr.notIdCard", 0));
    }

    @Example
    void aLoneSurrogateIsNoCard() {
        // Half of a character: what a reader sends after a transmission error; a PDF or the database would choke on it.
        assertThat(parser.parse(VALID.replace("An", "A\uD800n"))).isEqualTo(new QrReading.Malformed("identity.qr.notIdCard", 0));
        assertThat(parser.parse(VALID.replace("Hà Nội", "Hà Nội\uDC00"))).isEqualTo(new QrReading.Malformed("identity.qr.notIdCard", 0));
    }

    @Example
    void yearsNoCardCanCarryAreRefused() {
        // 01010000 is a valid LocalDate (year 0) and 01019999 too; neither is on a real card.
        assertThat(parser.parse(VALID.replace("15081995", "15080000"))).isEqualTo(new QrReading.Malformed("identity.qr.badBirthDate", 4));
        assertThat(parser.parse(VALID.replace("15081995", "15081899"))).isEqualTo(new QrReading.Malformed("identity.qr.badBirthDate", 4));
        assertThat(parser.parse(VALID.replace("10042021", "10049999"))).isEqualTo(new QrReading.Malformed("identity.qr.badIssueDate", 7));
        assertThat(parser.parse(VALID.replace("15081995", "01011900").replace("10042021", "31122099"))).isInstanceOf(QrReading.Card.class);
    }

    // --- generators ---

    @Provide
    Arbitrary<IdCard> validCards() {
        return new IdCardQrParserTest().cards();
    }

    @Provide
    Arbitrary<String> readerNoise() {
        return Arbitraries.of("", "\n", "\r\n", "\r", " ", "\t", "\uFEFF", "  \r\n");
    }

    @Provide
    Arbitrary<Integer> fieldIndex() {
        return Arbitraries.integers().between(0, 6);
    }

    @Provide
    Arbitrary<String> hugeText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(13).ofMaxLength(100_000),
                Arbitraries.strings().all().ofMinLength(1000).ofMaxLength(100_000),
                Arbitraries.integers().between(1000, 100_000).map(n -> "Nguyễn ".repeat(n / 7)),
                Arbitraries.integers().between(1000, 100_000).map("9"::repeat));
    }

    @Provide
    Arbitrary<List<String>> junkFields() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(14),
                Arbitraries.of("Nam", "Nữ", "Nu", "nam", "", " ", "00000000", "29022000", "29021900", "31129999",
                        "01010000", "-1", "１２３", "٠١٢٣٤٥٦٧٨٩٠١"));
        return field.list().ofMinSize(0).ofMaxSize(12);
    }

    /** The valid example with one thing done to it; several rounds make several things. */
    @Provide
    Arbitrary<String> mangled() {
        Arbitrary<Mangle> one = Arbitraries.of(Mangle.values());
        return Combinators.combine(one.list().ofMinSize(1).ofMaxSize(4), Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8))
                .as((ops, seed, junk) -> {
                    String s = VALID;
                    int k = seed;
                    for (Mangle m : ops) {
                        s = m.apply(s, k, junk);
                        k = k / 3 + 7;
                    }
                    return s;
                });
    }

    enum Mangle {
        TRUNCATE {
            String apply(String s, int k, String junk) {
                return s.substring(0, k % (s.length() + 1));
            }
        },
        REMOVE_FIELD {
            String apply(String s, int k, String junk) {
                List<String> f = fields(s);
                f.remove(k % f.size());
                return String.join("|", f);
            }
        },
        DUPLICATE_FIELD {
            String apply(String s, int k, String junk) {
                List<String> f = fields(s);
                int i = k % f.size();
                f.add(i, f.get(i));
                return String.join("|", f);
            }
        },
        SWAP_FIELDS {
            String apply(String s, int k, String junk) {
                List<String> f = fields(s);
                int i = k % f.size();
                int j = (k / 7) % f.size();
                String t = f.get(i);
                f.set(i, f.get(j));
                f.set(j, t);
                return String.join("|", f);
            }
        },
        REPLACE_FIELD {
            String apply(String s, int k, String junk) {
                List<String> f = fields(s);
                f.set(k % f.size(), junk);
                return String.join("|", f);
            }
        },
        INSERT_AT {
            String apply(String s, int k, String junk) {
                int at = k % (s.length() + 1);
                return s.substring(0, at) + junk + s.substring(at);
            }
        },
        CONTROL_CHARACTER {
            String apply(String s, int k, String junk) {
                char[] controls = {'\u0000', '\u0007', '\n', '\r', '\u001B', '\u007F', '\u0085', '\u009B', '\u2028',
                        '\u200B', '\uFFFE', '\uD800', '\uDFFF'};
                int at = k % (s.length() + 1);
                return s.substring(0, at) + controls[k % controls.length] + s.substring(at);
            }
        },
        IMPOSSIBLE_DATE {
            String apply(String s, int k, String junk) {
                String[] dates = {"00000000", "31022000", "29022001", "99999999", "01130000", "15080000", "0101-1900",
                        "1508199", "150819951", "１５０８１９９５", "32011990"};
                return s.replaceFirst(k % 2 == 0 ? "15081995" : "10042021", dates[k % dates.length]);
            }
        },
        WRONG_ID {
            String apply(String s, int k, String junk) {
                String[] ids = {"00109501234", "0010950123456", "00109501234A", "-01095012345", "٠٠١٠٩٥٠١٢٣٤٥",
                        "001095012345001095012345", " 001095012345"};
                return s.replaceFirst("001095012345", ids[k % ids.length]);
            }
        },
        FLIP_UTF8_BYTE {
            String apply(String s, int k, String junk) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                if (b.length == 0) {
                    return s;
                }
                b[k % b.length] ^= (byte) (1 << (k % 8));
                return new String(b, StandardCharsets.UTF_8);
            }
        };

        abstract String apply(String s, int k, String junk);

        static List<String> fields(String s) {
            return new ArrayList<>(List.of(s.split("\\|", -1)));
        }
    }

    @Example
    void theValidExampleOfTheseGeneratorsReads() {
        assertThat(parser.parse(VALID)).isInstanceOf(QrReading.Card.class);
        assertThat(((QrReading.Card) parser.parse(VALID)).card().birthDate()).isEqualTo(LocalDate.of(1995, 8, 15));
    }
}
