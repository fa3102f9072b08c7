package vn.motcua.kiosk.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Fixtures;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.form.Answers;

/** The LLTP fee table of domain.md, case by case, on the shipped catalogue (today: 10 March 2026). */
class FeeCalculatorTest {
    private final CatalogueService service = Fixtures.shipped();
    private final FeeCalculator plain = new FeeCalculator(OnlineDiscounts.none(), Fixtures.clockAt("2026-03-10T09:00"));

    private Procedure procedure(String id) {
        return service.catalogue().procedure(id).orElseThrow();
    }

    private long lltp(String categories, String copies, String birthDate) {
        Answers a = new Answers();
        if (categories != null) {
            a.put("applicantCategories", categories);
        }
        if (copies != null) {
            a.put("copies", copies);
        }
        if (birthDate != null) {
            a.put("birthDate", birthDate);
        }
        return plain.quote("lltp-self", procedure("lltp-self").fee(), a, "56", true).total();
    }

    @Test
    void theBaseFeeIs200000ForOneOrTwoCopies() {
        assertThat(lltp(null, null, "1990-05-01")).isEqualTo(200_000);
        assertThat(lltp(null, "1", "1990-05-01")).isEqualTo(200_000);
        assertThat(lltp(null, "2", "1990-05-01")).isEqualTo(200_000);
    }

    @ParameterizedTest(name = "{0} copies: {1}")
    @CsvSource({"3, 205000", "4, 210000", "10, 240000"})
    void fromThe3rdCopy5000Each(String copies, long total) {
        assertThat(lltp(null, copies, "1990-05-01")).isEqualTo(total);
    }

    @ParameterizedTest
    @ValueSource(strings = {"student", "merit", "martyrRelative"})
    void studentsPeopleWithMeritAndMartyrsRelativesPay100000(String category) {
        assertThat(lltp(category, "1", "1990-05-01")).isEqualTo(100_000);
        assertThat(lltp(category, "2", "1990-05-01")).isEqualTo(100_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"child", "elderly", "disabled", "poorHousehold", "disadvantagedCommune"})
    void exemptCategoriesPayNothing(String category) {
        assertThat(lltp(category, "1", "1990-05-01")).isZero();
        assertThat(lltp(category, "2", "1990-05-01")).isZero();
    }

    @Test
    void childrenAndTheElderlyAreExemptByTheirBirthDateToo() {
        assertThat(lltp(null, "1", "2012-01-01")).as("14 years old").isZero();
        assertThat(lltp(null, "1", "2010-03-11")).as("15, sixteen tomorrow").isZero();
        assertThat(lltp(null, "1", "2010-03-10")).as("16 today").isEqualTo(200_000);
        assertThat(lltp(null, "1", "1966-03-10")).as("60 today").isZero();
        assertThat(lltp(null, "1", "1966-03-11")).as("59").isEqualTo(200_000);
    }

    @Test
    void combinedCases() {
        assertThat(lltp("student", "3", "2004-09-01")).as("student, 3 copies").isEqualTo(105_000);
        assertThat(lltp("student", "5", "2004-09-01")).as("student, 5 copies").isEqualTo(115_000);
        assertThat(lltp("student,disabled", "1", "2004-09-01")).as("exemption wins over reduction").isZero();
        assertThat(lltp("merit,martyrRelative", "2", "1950-01-01")).as("elderly by age wins").isZero();
        // [M] default: exempt applicants still pay the copies beyond the 2nd.
        assertThat(lltp("poorHousehold", "4", "1990-05-01")).isEqualTo(10_000);
    }

    @Test
    void theExplanationListsTheRulesApplied() {
        Answers a = new Answers().put("applicantCategories", "student").put("copies", "4").put("birthDate", "2004-09-01");
        FeeQuote q = plain.quote("lltp-self", procedure("lltp-self").fee(), a, "56", true);
        assertThat(q.lines()).extracting(FeeLine::messageKey)
                .containsExactly("fees.line.base", "fees.line.reduced", "fees.line.extra-copies", "fees.line.total");
        assertThat(q.lines().get(1).reason().vi()).contains("sinh viên");
        assertThat(q.lines().get(2).args()).containsExactly(2L, 5_000L, 10_000L);
        assertThat(q.total()).isEqualTo(110_000);

        FeeQuote exempt = plain.quote("lltp-self", procedure("lltp-self").fee(),
                new Answers().put("applicantCategories", "disabled"), "56", true);
        assertThat(exempt.lines()).extracting(FeeLine::messageKey)
                .containsExactly("fees.line.base", "fees.line.exempt", "fees.line.copies-included", "fees.line.total-free");
    }

    @Test
    void extractCopiesCost8000EachAndExemptionsWaiveThemAll() {
        var fee = procedure("trich-luc-ho-tich").fee();
        assertThat(plain.quote("trich-luc-ho-tich", fee, new Answers().put("copies", "1"), null, true).total()).isEqualTo(8_000);
        assertThat(plain.quote("trich-luc-ho-tich", fee, new Answers().put("copies", "3"), null, true).total()).isEqualTo(24_000);
        assertThat(plain.quote("trich-luc-ho-tich", fee,
                new Answers().put("copies", "3").put("applicantCategories", "meritFamily"), null, true).total()).isZero();
    }

    @Test
    void otherProcedures() {
        assertThat(plain.quote("doi-gplx", procedure("doi-gplx").fee(), new Answers(), null, true).total()).isEqualTo(135_000);
        for (String free : List.of("khai-sinh", "khai-tu", "lien-thong-khai-sinh", "lien-thong-khai-tu")) {
            FeeQuote q = plain.quote(free, procedure(free).fee(), new Answers(), null, true);
            assertThat(q.free()).as(free).isTrue();
            assertThat(q.lines()).extracting(FeeLine::messageKey).containsExactly("fees.line.free");
        }
    }

    @Test
    void aProvincesOnlineDiscountIsData() {
        var discounts = new OnlineDiscounts(List.of(new OnlineDiscounts.Discount("56", List.of("lltp-self"), 50,
                "2025-01-01", "2026-12-31", "test resolution", null)));
        FeeCalculator calc = new FeeCalculator(discounts, Fixtures.clockAt("2026-03-10T09:00"));
        var fee = procedure("lltp-self").fee();
        Answers three = new Answers().put("copies", "3").put("birthDate", "1990-05-01");
        FeeQuote q = calc.quote("lltp-self", fee, three, "56", true);
        assertThat(q.total()).isEqualTo(102_500);
        assertThat(q.applied("fees.line.online-discount")).isTrue();
        assertThat(calc.quote("lltp-self", fee, three, "56", false).total()).as("on paper").isEqualTo(205_000);
        assertThat(calc.quote("lltp-self", fee, three, "01", true).total()).as("other province").isEqualTo(205_000);
        assertThat(calc.quote("lltp-proxy", fee, three, "56", true).total()).as("other procedure").isEqualTo(205_000);
        FeeCalculator later = new FeeCalculator(discounts, Fixtures.clockAt("2027-01-02T09:00"));
        assertThat(later.quote("lltp-self", fee, three, "56", true).total()).as("expired").isEqualTo(205_000);
    }

    @Test
    void theFeeUpdatesAsTheCitizenAnswers() {
        var p = procedure("lltp-self");
        Answers a = new Answers();
        assertThat(service.fee(p, a, "56").total()).isEqualTo(200_000);
        a.put("copies", "3");
        assertThat(service.fee(p, a, "56").total()).isEqualTo(205_000);
        a.putValues("applicantCategories", List.of("student"));
        assertThat(service.fee(p, a, "56").total()).isEqualTo(105_000);
        a.put("copies", "abc");
        assertThat(service.fee(p, a, "56").total()).as("an unfinished answer counts as one copy").isEqualTo(100_000);
    }
}
