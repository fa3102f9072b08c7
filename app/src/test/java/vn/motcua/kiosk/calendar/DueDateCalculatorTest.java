package vn.motcua.kiosk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Fixtures;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.form.Answers;

/** Return dates on the shipped holidays, across weekends, Tết 2026 and the April–May holidays. */
class DueDateCalculatorTest {
    private final CatalogueService service = Fixtures.shipped();

    private DueDate due(String procedure, Answers answers, String received) {
        return service.due(service.catalogue().procedure(procedure).orElseThrow(), answers, LocalDateTime.parse(received));
    }

    private DueDate due(String procedure, String received) {
        return due(procedure, new Answers(), received);
    }

    @Test
    void sameDayBefore15AndNextWorkingDayFrom15() {
        assertThat(due("khai-tu", "2026-03-10T14:59").date()).isEqualTo("2026-03-10");
        DueDate late = due("khai-tu", "2026-03-10T15:00");
        assertThat(late.date()).isEqualTo("2026-03-11");
        assertThat(late.explanation()).contains("duedate.after-cutoff");
        assertThat(due("trich-luc-ho-tich", "2026-03-13T16:30").date()).as("Friday afternoon").isEqualTo("2026-03-16");
        assertThat(due("khai-tu", "2026-03-14T09:00").date()).as("Saturday").isEqualTo("2026-03-16");
    }

    @Test
    void sameDayAcrossTet2026() {
        // Friday 13 February, afternoon: the offices reopen on Monday 23 February after nine days.
        assertThat(due("khai-tu", "2026-02-13T15:30").date()).isEqualTo("2026-02-23");
        assertThat(due("khai-tu", "2026-02-18T10:00").date()).as("filed online during Tết").isEqualTo("2026-02-23");
    }

    @Test
    void lltpTenWorkingDaysAcrossTet2026() {
        DueDate d = due("lltp-self", "2026-02-09T10:00");
        // 10, 11, 12, 13 February; Tết 14–22; 23, 24, 25, 26, 27 February; 2 March.
        assertThat(d.date()).isEqualTo("2026-03-02");
        assertThat(d.workingDays()).isEqualTo(10);
        assertThat(d.certain()).isTrue();
        assertThat(d.explanation()).containsExactly("duedate.working-days");
    }

    @Test
    void lltpFifteenWorkingDaysWhenTheApplicantLivedInSeveralProvinces() {
        Answers several = new Answers().put("livedInSeveralProvinces", "true").put("livedAbroad", "false");
        DueDate d = due("lltp-self", several, "2026-02-09T10:00");
        assertThat(d.date()).isEqualTo("2026-03-09");
        assertThat(d.workingDays()).isEqualTo(15);
        assertThat(d.reason().en()).contains("several provinces");
        assertThat(due("lltp-self", new Answers().put("livedAbroad", "true"), "2026-02-09T10:00").workingDays())
                .isEqualTo(15);
        assertThat(due("lltp-self", new Answers().put("livedAbroad", "false"), "2026-02-09T10:00").workingDays())
                .isEqualTo(10);
    }

    @Test
    void drivingLicenceAcrossHungKingsDayInLieuAnd30April2026() {
        // Friday 24 April; Monday 27 is the day in lieu of Sunday 26 (Hùng Kings); 30/4 and 1/5 off.
        assertThat(due("doi-gplx", "2026-04-24T09:00").date()).isEqualTo("2026-05-06");
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDay() {
        assertThat(service.dueDates().calendar().isWorkingDay(LocalDate.parse("2025-04-26"))).isTrue();
        assertThat(service.dueDates().calendar().isWorkingDay(LocalDate.parse("2025-05-02"))).isFalse();
        assertThat(due("khai-tu", "2025-04-26T10:00").date()).isEqualTo("2025-04-26");
        // Tết 2025: Monday 27 January to Friday 31 January.
        assertThat(due("lltp-self", "2025-01-24T10:00").date()).isEqualTo("2025-02-14");
    }

    @Test
    void uncertainHolidaysAndMissingYearsAreFlagged() {
        assertThat(due("lltp-self", "2027-02-01T10:00").certain()).as("Tết 2027 computed, not announced").isFalse();
        assertThat(due("lltp-self", "2026-06-01T10:00").certain()).isTrue();
        assertThat(due("lltp-self", "2026-08-25T10:00").certain()).as("1/9/2026 assumed").isFalse();
    }

    @Test
    void theDeathBundleHasNoPublishedTime() {
        DueDate d = due("lien-thong-khai-tu", "2026-03-10T09:00");
        assertThat(d.known()).isFalse();
        assertThat(d.explanation()).containsExactly("duedate.unknown");
    }

    @Test
    void aYearWithoutAFileCountsWeekendsOnlyAndSaysSo(@TempDir Path dir) throws Exception {
        WorkingCalendar none = WorkingCalendar.load(ConfigSource.folder(dir), 2030, 2030);
        DueDateCalculator calc = new DueDateCalculator(none);
        HandlingTime five = new HandlingTime(HandlingTime.Kind.workingDays, 5, null, null, null);
        DueDate d = calc.due(five, new Answers(), LocalDateTime.parse("2030-01-01T09:00"));
        assertThat(d.date()).isEqualTo("2030-01-08");
        assertThat(d.certain()).isFalse();
    }

    @Test
    void aHolidayOnAWeekendOrInTheWrongYearIsReported(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("holidays"));
        Files.writeString(dir.resolve("holidays/2026.json"), """
                {"year": 2026, "source": "test", "holidays": [
                  {"date": "2026-04-26", "name": {"vi": "Giỗ Tổ", "en": "Hung Kings"}},
                  {"date": "2025-09-02", "name": {"vi": "Quốc khánh", "en": "National Day"}}]}
                """);
        DataException e = catchThrowableOfType(DataException.class,
                () -> WorkingCalendar.load(ConfigSource.folder(dir), 2026, 2026));
        assertThat(e.problems()).extracting(p -> p.field() + " " + p.messageKey()).containsExactly(
                "holidays[0] holidays.expected.weekday", "holidays[1] holidays.expected.day-of-year");
    }
}
