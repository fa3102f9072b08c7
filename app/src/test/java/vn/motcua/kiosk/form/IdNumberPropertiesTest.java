package vn.motcua.kiosk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import vn.motcua.kiosk.catalogue.Fixtures;

class IdNumberPropertiesTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    private final IdNumberRules rules = Fixtures.shipped().idNumbers();

    /** A person and the ID number the rules would give them. */
    record Holder(String id, LocalDate birthDate, String sex) {}

    @Provide
    Arbitrary<Holder> holders() {
        List<String> provinces = List.of("001", "002", "031", "048", "056", "075", "079", "092", "096");
        return Combinators.combine(
                Arbitraries.of(provinces),
                Arbitraries.integers().between(1900, 2026),
                Arbitraries.integers().between(1, 365),
                Arbitraries.of("male", "female"),
                Arbitraries.strings().numeric().ofLength(6)).as((province, year, day, sex, serial) -> {
                    LocalDate birth = LocalDate.ofYearDay(year, Math.min(day, LocalDate.of(year, 1, 1).lengthOfYear()));
                    if (birth.isAfter(TODAY)) {
                        birth = TODAY;
                    }
                    int centuryDigit = (birth.getYear() / 100 - 19) * 2 + (sex.equals("male") ? 0 : 1);
                    String id = province + centuryDigit + String.format("%02d", birth.getYear() % 100) + serial;
                    return new Holder(id, birth, sex);
                });
    }

    @Property
    void generatedValidNumbersAreAccepted(@ForAll("holders") Holder h) {
        assertThat(rules.check("id", h.id(), h.birthDate(), h.sex(), TODAY, false)).isEmpty();
        assertThat(rules.decode(h.id())).hasValueSatisfying(d -> {
            assertThat(d.birthYear()).isEqualTo(h.birthDate().getYear());
            assertThat(d.male()).isEqualTo(h.sex().equals("male"));
        });
    }

    @Property
    void everyPrefixIsAcceptedWhileTyping(@ForAll("holders") Holder h, @ForAll @IntRange(min = 1, max = 11) int length) {
        assertThat(rules.check("id", h.id().substring(0, length), h.birthDate(), h.sex(), TODAY, true)).isEmpty();
    }

    @Property
    void flippingTheSexDigitIsRejected(@ForAll("holders") Holder h) {
        int d = h.id().charAt(3) - '0';
        String flipped = h.id().substring(0, 3) + (d ^ 1) + h.id().substring(4);
        assertThat(rules.check("id", flipped, h.birthDate(), h.sex(), TODAY, false))
                .extracting(FieldError::messageKey).contains("form.error.id.sex");
    }

    @Property
    void changingTheYearDigitsIsRejected(@ForAll("holders") Holder h, @ForAll @IntRange(min = 1, max = 99) int shift) {
        int yy = Integer.parseInt(h.id().substring(4, 6));
        String changed = h.id().substring(0, 4) + String.format("%02d", (yy + shift) % 100) + h.id().substring(6);
        assertThat(rules.check("id", changed, h.birthDate(), h.sex(), TODAY, false)).isNotEmpty();
    }

    @Property
    void droppingAddingOrReplacingWithALetterIsRejected(@ForAll("holders") Holder h,
                                                        @ForAll @IntRange(min = 0, max = 11) int at) {
        String dropped = h.id().substring(0, at) + h.id().substring(at + 1);
        String added = h.id().substring(0, at) + "7" + h.id().substring(at);
        String letter = h.id().substring(0, at) + "O" + h.id().substring(at + 1);
        assertThat(rules.check("id", dropped, h.birthDate(), h.sex(), TODAY, false)).isNotEmpty();
        assertThat(rules.check("id", added, h.birthDate(), h.sex(), TODAY, false)).isNotEmpty();
        assertThat(rules.check("id", letter, h.birthDate(), h.sex(), TODAY, false)).isNotEmpty();
    }

    @Property
    void anUnknownProvinceCodeIsRejected(@ForAll("holders") Holder h,
                                         @ForAll @IntRange(min = 97, max = 999) int code) {
        String other = String.format("%03d", code) + h.id().substring(3);
        assertThat(rules.check("id", other, h.birthDate(), h.sex(), TODAY, false))
                .extracting(FieldError::messageKey).containsExactly("form.error.id.province");
    }
}
