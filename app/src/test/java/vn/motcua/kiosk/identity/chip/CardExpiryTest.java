// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.identity.IdCard;

/** The card validity rule of domain.md, with its examples, and the access key built from it. */
class CardExpiryTest {
    private static CardExpiry.Outcome of(String birth, String issued) {
        return CardExpiry.of(LocalDate.parse(birth), LocalDate.parse(issued));
    }

    @Test
    void theDomainExamples() {
        assertThat(of("1995-08-15", "2021-04-10")).isEqualTo(new CardExpiry.Outcome.Expires(LocalDate.parse("2035-08-15")));
        assertThat(of("2001-03-02", "2022-07-20")).isEqualTo(new CardExpiry.Outcome.Expires(LocalDate.parse("2026-03-02")));
        assertThat(of("1960-01-01", "2021-06-01")).isEqualTo(new CardExpiry.Outcome.NeverExpires());
    }

    @Test
    void withinTwoYearsBeforeAnAgeTheCardRunsToTheNext() {
        // CCCD: issued at 22 years 364 days → 25; at exactly 23 → 40.
        assertThat(of("2000-05-10", "2023-05-09")).isEqualTo(new CardExpiry.Outcome.Expires(LocalDate.parse("2025-05-10")));
        assertThat(of("2000-05-10", "2023-05-10")).isEqualTo(new CardExpiry.Outcome.Expires(LocalDate.parse("2040-05-10")));
        // 58 and later: never.
        assertThat(of("1966-05-10", "2024-05-09")).isEqualTo(new CardExpiry.Outcome.Expires(LocalDate.parse("2026-05-10")));
        assertThat(of("1966-05-10", "2024-05-10")).isEqualTo(new CardExpiry.Outcome.NeverExpires());
    }

    @Test
    void aThẻCănCướcAddsFourteen() {
        // Issued to a 5-year-old after 1 July 2024: renewed at 14.
        assertThat(of("2019-09-01", "2024-07-01")).isEqualTo(new CardExpiry.Outcome.Expires(LocalDate.parse("2033-09-01")));
        // At 12 or 13: within two years of 14, so 25.
        assertThat(of("2012-09-01", "2025-01-15")).isEqualTo(new CardExpiry.Outcome.Expires(LocalDate.parse("2037-09-01")));
    }

    @Test
    void datesTheRuleCannotFitAreUndecided() {
        assertThat(of("2000-01-01", "1999-12-31")).isEqualTo(new CardExpiry.Outcome.Undecided());
        // A CCCD (before 1 July 2024) was never issued under 14.
        assertThat(of("2015-01-01", "2024-06-30")).isEqualTo(new CardExpiry.Outcome.Undecided());
        // Born on 29 February, expiring in a common year.
        assertThat(of("2000-02-29", "2021-01-01")).isEqualTo(new CardExpiry.Outcome.Undecided());
        assertThat(of("2000-02-29", "2010-01-01")).isInstanceOf(CardExpiry.Outcome.Undecided.class);
    }

    @Property
    void anExpiryIsABirthdayAfterTheIssueAtARenewalAge(@ForAll @IntRange(min = 1930, max = 2024) int year,
                                                      @ForAll @IntRange(min = 1, max = 365) int day,
                                                      @ForAll @IntRange(min = 0, max = 80 * 365) int daysLater) {
        LocalDate birth = LocalDate.ofYearDay(year, day);
        LocalDate issued = birth.plusDays(daysLater);
        if (CardExpiry.of(birth, issued) instanceof CardExpiry.Outcome.Expires e) {
            assertThat(e.date()).isAfter(issued.plusYears(2).minusDays(1));
            assertThat(e.date().getDayOfMonth()).isEqualTo(birth.getDayOfMonth());
            assertThat(e.date().getYear() - birth.getYear()).isIn(14, 25, 40, 60);
        }
    }

    @Test
    void theAccessKeyIsTheLastNineDigitsTheBirthAndTheExpiry() {
        IdCard card = new IdCard("001095012345", Optional.empty(), "Nguyễn Văn An", LocalDate.parse("1995-08-15"),
                IdCard.Sex.MALE, "Hà Nội", LocalDate.parse("2021-04-10"), java.util.List.of());
        AccessKey key = AccessKey.of(card).orElseThrow();
        assertThat(key.documentNumber()).isEqualTo("095012345");
        assertThat(key.birthDate()).isEqualTo("950815");
        assertThat(key.expiryDate()).isEqualTo("350815");
        assertThat(key.toString()).doesNotContain("095012345");

        IdCard old = new IdCard("001060012345", Optional.empty(), "Lê Thị Ba", LocalDate.parse("1960-01-01"),
                IdCard.Sex.FEMALE, "Hà Nội", LocalDate.parse("2021-06-01"), java.util.List.of());
        assertThat(AccessKey.of(old)).as("never expires: the volunteer reads the MRZ").isEmpty();
        assertThat(AccessKey.withExpiry(old, "991231").expiryDate()).isEqualTo("991231");
        assertThat(AccessKey.isMrzDate("351332")).isFalse();
        assertThat(AccessKey.isMrzDate("360231")).as("31 February").isFalse();
        assertThat(AccessKey.isMrzDate("350815")).isTrue();
    }
}
