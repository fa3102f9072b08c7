// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Bad input for the VietQR check (issue 12). Whatever the portal sends, {@link VietQr#parse} either
 * gives a payload that keeps its promises (VND, Vietnam, a NAPAS beneficiary with a 6-digit bank BIN,
 * an amount of whole VND within the 13 characters EMVCo allows, the CRC last) or throws
 * {@link VietQr.InvalidPayload}, which the fee step turns into "pay at the counter". Most mangled
 * payloads are given a fresh, correct CRC so that the checks behind the CRC are reached.
 */
class VietQrPropertiesTest {

    /** The property of every parse: a trusted payload or the typed refusal, nothing else. */
    private static void answersSafely(String payload) {
        VietQr qr;
        try {
            qr = VietQr.parse(payload);
        } catch (VietQr.InvalidPayload e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        keepsItsPromises(qr);
    }

    private static void keepsItsPromises(VietQr qr) {
        String p = qr.payload();
        assertThat(qr.fields()).containsEntry("00", "01").containsEntry("53", "704").containsEntry("58", "VN");
        assertThat(p).startsWith("000201");
        assertThat(p.substring(p.length() - 8, p.length() - 4)).isEqualTo("6304");
        assertThat(String.format("%04X", VietQr.crc16(p.substring(0, p.length() - 4).getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(p.substring(p.length() - 4));
        assertThat(qr.fields().keySet()).allMatch(id -> id.matches("[0-9]{2}"));
        if (qr.fields().containsKey("01")) {
            assertThat(qr.fields().get("01")).isIn("11", "12");
        }
        assertThat(qr.fields()).containsKey("38");
        assertThat(qr.fields().get("38")).startsWith("0010A000000727");
        assertThat(qr.amount().isPresent()).isEqualTo(qr.fields().containsKey("54"));
        qr.amount().ifPresent(a -> assertThat(a).isBetween(0L, VietQr.MAX_AMOUNT));
        assertThat(p.chars().noneMatch(Character::isISOControl)).isTrue();
    }

    // --- (a) anything at all, with and without a correct CRC ---

    @Property(tries = 1000)
    void anyTextIsTrustedOrRefused(@ForAll @Size(max = 600) String text) {
        answersSafely(text);
    }

    @Property(tries = 1000)
    void anyTextWithACorrectCrcIsTrustedOrRefused(@ForAll @Size(max = 600) String text) {
        answersSafely(withCrc(text));
    }

    @Property(tries = 1000)
    void anyFieldsWithACorrectCrcAreTrustedOrRefused(@ForAll("junkFields") List<String> fields) {
        answersSafely(withCrc(String.join("", fields)));
    }

    // --- (b) a valid payload mangled ---

    @Property(tries = 1000)
    void aMangledPayloadWithAFreshCrcIsTrustedOrRefused(@ForAll("mangled") List<String[]> fields) {
        answersSafely(withCrc(join(fields)));
    }

    @Property(tries = 1000)
    void anyChangeWithoutAFreshCrcIsRefused(@ForAll("payloads") String payload, @ForAll("positions") int at,
                                           @ForAll("printable") char c) {
        int i = at % (payload.length() - 4);
        if (payload.charAt(i) == c) {
            return;
        }
        String changed = payload.substring(0, i) + c + payload.substring(i + 1);
        assertThatThrownBy(() -> VietQr.parse(changed)).isInstanceOf(VietQr.InvalidPayload.class);
    }

    @Property(tries = 1000)
    void aTruncatedPayloadIsRefused(@ForAll("payloads") String payload, @ForAll("positions") int at) {
        String cut = payload.substring(0, at % payload.length());
        assertThatThrownBy(() -> VietQr.parse(cut)).isInstanceOf(VietQr.InvalidPayload.class);
    }

    // --- (c) valid payloads read back ---

    @Property(tries = 1000)
    void aValidPayloadReadsBack(@ForAll("bins") String bin, @ForAll("accounts") String account,
                                @ForAll("amounts") long amount, @ForAll("purposes") String purpose) {
        VietQr qr = assertParses(payload(bin, account, amount, purpose));
        assertThat(qr.amount()).hasValue(amount);
        assertThat(qr.fields().get("38")).contains(bin).contains(account);
        assertThat(qr.fields().get("62")).endsWith(purpose);
        keepsItsPromises(qr);
    }

    private static VietQr assertParses(String payload) {
        try {
            return VietQr.parse(payload);
        } catch (VietQr.InvalidPayload e) {
            throw new AssertionError("refused " + payload + ": " + e.getMessage(), e);
        }
    }

    // --- defects found by the properties, pinned ---

    @Example
    void aNegativeOrSignedLengthIsRefusedNotACrash() {
        // "-1" as a length ran substring backwards: StringIndexOutOfBoundsException out of the fee step.
        assertThatThrownBy(() -> VietQr.parse(withCrc("000201" + "01-1" + "5303704"))).isInstanceOf(VietQr.InvalidPayload.class);
        assertThatThrownBy(() -> VietQr.parse(withCrc("000201" + "54+3" + "100" + "5303704"))).isInstanceOf(VietQr.InvalidPayload.class);
    }

    @Example
    void anAmountThatIsNoWholeSumOfVndIsRefused() {
        // Unreadable amounts were taken for "no amount", so the QR was shown and the bank app asked for any sum.
        for (String amount : List.of("-120000", "120000.5", "12e4", "abc", "", "12345678901234", " 120000")) {
            assertThatThrownBy(() -> VietQr.parse(payloadWithAmount(amount))).as(amount).isInstanceOf(VietQr.InvalidPayload.class);
        }
        assertThat(assertParses(payloadWithAmount("9999999999999")).amount()).hasValue(9_999_999_999_999L);
    }

    @Example
    void aDuplicatedFieldIsRefused() {
        // The second amount silently replaced the first: the kiosk and a bank app could read different sums.
        String body = "000201010212" + beneficiary("970415", "113366668888") + "5303704" + "5406120000" + "5406920000" + "5802VN";
        assertThatThrownBy(() -> VietQr.parse(withCrc(body))).isInstanceOf(VietQr.InvalidPayload.class);
    }

    @Example
    void aPayloadWithoutABeneficiaryIsRefused() {
        // Tag 38 says whose account gets the money; without it (or with a broken one) the transfer goes nowhere.
        assertThatThrownBy(() -> VietQr.parse(withCrc("000201010212530370454061200005802VN"))).isInstanceOf(VietQr.InvalidPayload.class);
        assertThatThrownBy(() -> VietQr.parse(withCrc("000201010212" + "3810" + "0010A00000" + "5303704" + "5802VN")))
                .isInstanceOf(VietQr.InvalidPayload.class);
        assertThatThrownBy(() -> VietQr.parse(withCrc("000201010212" + "38140010A0000007279" + "5303704" + "5802VN")))
                .isInstanceOf(VietQr.InvalidPayload.class);
    }

    @Example
    void theCrcMustBeTheLastFieldNotTextInsideAnother() {
        // A purpose ending in "6304" + a CRC over what precedes passed the check with no CRC field of its own.
        String before = "000201010212" + beneficiary("970415", "113366668888") + "53037045802VN" + "6216" + "0804abcd6304";
        String sneaky = before + String.format("%04X", VietQr.crc16(before.getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> VietQr.parse(sneaky)).isInstanceOf(VietQr.InvalidPayload.class);
    }

    @Example
    void controlCharactersAndBrokenUtf16AreRefused() {
        assertThatThrownBy(() -> VietQr.parse(payload("970415", "1133", 1000, "a\nb"))).isInstanceOf(VietQr.InvalidPayload.class);
        assertThatThrownBy(() -> VietQr.parse(payload("970415", "1133", 1000, "a\uD800b"))).isInstanceOf(VietQr.InvalidPayload.class);
    }

    @Example
    void theDomainVectorStillReads() {
        assertThat(assertParses(VietQrTest.EXAMPLE).amount()).hasValue(120_000L);
    }

    // --- builders and generators ---

    static String tlv(String id, String value) {
        return id + String.format("%02d", value.length()) + value;
    }

    static String withCrc(String body) {
        String b = body + "6304";
        return b + String.format("%04X", VietQr.crc16(b.getBytes(StandardCharsets.UTF_8)));
    }

    static String beneficiary(String bin, String account) {
        return tlv("38", tlv("00", "A000000727") + tlv("01", tlv("00", bin) + tlv("01", account)) + tlv("02", "QRIBFTTA"));
    }

    static String payload(String bin, String account, long amount, String purpose) {
        return withCrc(join(fields(bin, account, Long.toString(amount), purpose)));
    }

    static String payloadWithAmount(String amount) {
        return withCrc(join(fields("970415", "113366668888", amount, "phi LLTP")));
    }

    static List<String[]> fields(String bin, String account, String amount, String purpose) {
        List<String[]> f = new ArrayList<>();
        f.add(new String[] {"00", "01"});
        f.add(new String[] {"01", "12"});
        f.add(new String[] {"38", tlv("00", "A000000727") + tlv("01", tlv("00", bin) + tlv("01", account)) + tlv("02", "QRIBFTTA")});
        f.add(new String[] {"53", "704"});
        f.add(new String[] {"54", amount});
        f.add(new String[] {"58", "VN"});
        f.add(new String[] {"62", tlv("08", purpose)});
        return f;
    }

    /** Fields as ID, LEN, VALUE; a third element, when there, is written as the length instead of the real one. */
    static String join(List<String[]> fields) {
        StringBuilder b = new StringBuilder();
        for (String[] f : fields) {
            b.append(f[0]).append(f.length > 2 ? f[2] : String.format("%02d", f[1].length())).append(f[1]);
        }
        return b.toString();
    }

    @Provide
    Arbitrary<String> bins() {
        return Arbitraries.of("970436", "970415", "970418", "970405", "970000");
    }

    @Provide
    Arbitrary<String> accounts() {
        return Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(19);
    }

    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, VietQr.MAX_AMOUNT),
                Arbitraries.of(0L, 1L, 5_000L, 100_000L, 200_000L, VietQr.MAX_AMOUNT));
    }

    @Provide
    Arbitrary<String> purposes() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(25);
    }

    @Provide
    Arbitrary<String> payloads() {
        return Combinators.combine(bins(), accounts(), amounts(), purposes()).as(VietQrPropertiesTest::payload);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 100_000);
    }

    @Provide
    Arbitrary<Character> printable() {
        return Arbitraries.chars().range(' ', '~');
    }

    @Provide
    Arbitrary<List<String>> junkFields() {
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.of("00", "01", "38", "53", "54", "58", "62", "63", "99"),
                Arbitraries.strings().all().ofLength(2));
        Arbitrary<String> len = Arbitraries.oneOf(Arbitraries.strings().numeric().ofLength(2),
                Arbitraries.of("-1", "+5", "-0", "+0", " 5", "5 ", "٠٥", "99", "00"), Arbitraries.strings().all().ofLength(2));
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().ascii().ofMaxLength(40),
                Arbitraries.of("01", "11", "12", "704", "VN", "A000000727", "120000", "-120000", "1e5", "9".repeat(30)));
        return Combinators.combine(id, len, value).as((i, l, v) -> i + l + v).list().ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<String[]>> mangled() {
        return Combinators.combine(payloadFields(), Arbitraries.of(Mangle.values()).list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.integers().between(0, 1_000_000), junkValue())
                .as((fields, ops, seed, junk) -> {
                    List<String[]> f = new ArrayList<>(fields);
                    int k = seed;
                    for (Mangle m : ops) {
                        m.apply(f, k, junk);
                        k = k / 3 + 11;
                    }
                    return f;
                });
    }

    Arbitrary<List<String[]>> payloadFields() {
        return Combinators.combine(bins(), accounts(), amounts(), purposes())
                .as((b, a, amount, p) -> fields(b, a, Long.toString(amount), p));
    }

    Arbitrary<String> junkValue() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of("-1", "+120000", "0", "00000000000000000001", "9".repeat(14), "9".repeat(200), "12.5",
                        "1 000", "\u0000", "\uD800", "Nguyễn", "０１", "6304ABCD"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25));
    }

    enum Mangle {
        REMOVE {
            void apply(List<String[]> f, int k, String junk) {
                if (!f.isEmpty()) {
                    f.remove(k % f.size());
                }
            }
        },
        DUPLICATE {
            void apply(List<String[]> f, int k, String junk) {
                if (!f.isEmpty()) {
                    int i = k % f.size();
                    f.add((k / 5) % (f.size() + 1), f.get(i));
                }
            }
        },
        SWAP {
            void apply(List<String[]> f, int k, String junk) {
                if (f.size() > 1) {
                    java.util.Collections.swap(f, k % f.size(), (k / 7) % f.size());
                }
            }
        },
        REPLACE_VALUE {
            void apply(List<String[]> f, int k, String junk) {
                if (!f.isEmpty()) {
                    int i = k % f.size();
                    f.set(i, new String[] {f.get(i)[0], junk});
                }
            }
        },
        WRONG_LENGTH {
            void apply(List<String[]> f, int k, String junk) {
                if (!f.isEmpty()) {
                    int i = k % f.size();
                    String[] lengths = {"-1", "-9", "+3", "99", "00", "0A", " 4", "１２", String.format("%02d", k % 100)};
                    f.set(i, new String[] {f.get(i)[0], f.get(i)[1], lengths[k % lengths.length]});
                }
            }
        },
        WRONG_ID {
            void apply(List<String[]> f, int k, String junk) {
                if (!f.isEmpty()) {
                    int i = k % f.size();
                    String[] ids = {"63", "6", "ab", "-1", "54", "00", "38", "\u0000\u0000", "٥٤"};
                    f.set(i, new String[] {ids[k % ids.length], f.get(i)[1]});
                }
            }
        },
        NESTED {
            void apply(List<String[]> f, int k, String junk) {
                // Breaks the beneficiary template inside tag 38.
                for (int i = 0; i < f.size(); i++) {
                    if (f.get(i)[0].equals("38")) {
                        String v = f.get(i)[1];
                        int at = k % (v.length() + 1);
                        f.set(i, new String[] {"38", v.substring(0, at) + junk + v.substring(Math.min(v.length(), at + (k % 5)))});
                        return;
                    }
                }
            }
        },
        HUGE {
            void apply(List<String[]> f, int k, String junk) {
                f.add(k % (f.size() + 1), new String[] {"62", "x".repeat(100 + k % 2000), "99"});
            }
        };

        abstract void apply(List<String[]> f, int k, String junk);
    }
}
