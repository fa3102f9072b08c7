package vn.motcua.kiosk.calendar;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.DataProblem;
import vn.motcua.kiosk.config.StrictJson;
import vn.motcua.kiosk.form.Label;

/**
 * Working days of state agencies: Monday to Friday, less the public holidays and bridge days of
 * the year's holiday file, plus the weekend days worked in exchange. A year without a file
 * counts weekends only, and due dates falling in it say so.
 */
public final class WorkingCalendar {
    public static final String FOLDER = "holidays/";

    private final Map<LocalDate, HolidayYear.Day> holidays = new HashMap<>();
    private final Set<LocalDate> workingWeekends = new HashSet<>();
    private final Set<LocalDate> uncertain = new HashSet<>();
    private final Set<Integer> years = new TreeSet<>();

    public WorkingCalendar(List<HolidayYear> loaded) {
        for (HolidayYear y : loaded) {
            years.add(y.year());
            for (HolidayYear.Day d : y.holidayList()) {
                LocalDate date = LocalDate.parse(d.date());
                holidays.put(date, d);
                if (!d.isCertain()) {
                    uncertain.add(date);
                }
            }
            for (HolidayYear.Day d : y.workingWeekendList()) {
                LocalDate date = LocalDate.parse(d.date());
                workingWeekends.add(date);
                if (!d.isCertain()) {
                    uncertain.add(date);
                }
            }
        }
    }

    /**
     * Loads the holiday files of the given years; a missing file is allowed (that year counts
     * weekends only), a malformed one is an error naming the file and the entry.
     */
    public static WorkingCalendar load(ConfigSource source, int fromYear, int toYear) throws DataException {
        List<HolidayYear> loaded = new ArrayList<>();
        List<DataProblem> problems = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            String name = FOLDER + year + ".json";
            if (!exists(source, name)) {
                continue;
            }
            try {
                HolidayYear y = StrictJson.read(source, name, HolidayYear.class, "-");
                List<DataProblem> p = check(source.describe(name), year, y);
                if (p.isEmpty()) {
                    loaded.add(y);
                }
                problems.addAll(p);
            } catch (DataException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new DataException(problems);
        }
        return new WorkingCalendar(loaded);
    }

    private static boolean exists(ConfigSource source, String name) {
        try (var in = source.open(name)) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return true; // let the reader report it
        }
    }

    private static List<DataProblem> check(String file, int year, HolidayYear y) {
        List<DataProblem> problems = new ArrayList<>();
        if (y.year() == null || y.year() != year) {
            problems.add(DataProblem.of(file, "-", "year", "holidays.expected.year", String.valueOf(y.year()),
                    String.valueOf(year)));
        }
        if (y.source() == null || y.source().isBlank()) {
            problems.add(DataProblem.of(file, "-", "source", "config.expected.not-blank", null));
        }
        checkDays(file, year, "holidays", y.holidayList(), false, problems);
        checkDays(file, year, "workingWeekends", y.workingWeekendList(), true, problems);
        return problems;
    }

    private static void checkDays(String file, int year, String key, List<HolidayYear.Day> days, boolean weekend,
                                  List<DataProblem> problems) {
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            HolidayYear.Day d = days.get(i);
            String where = key + "[" + i + "]";
            LocalDate date;
            try {
                date = LocalDate.parse(String.valueOf(d.date()));
            } catch (DateTimeParseException e) {
                problems.add(DataProblem.of(file, "-", where, "catalogue.expected.date", d.date()));
                continue;
            }
            if (date.getYear() != year || !seen.add(date)) {
                problems.add(DataProblem.of(file, "-", where, "holidays.expected.day-of-year", d.date(),
                        String.valueOf(year)));
            }
            boolean isWeekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend != isWeekend) {
                // A holiday on a weekend changes nothing (its day in lieu is listed instead); a make-up day is a weekend day.
                problems.add(DataProblem.of(file, "-", where, weekend ? "holidays.expected.weekend"
                        : "holidays.expected.weekday", d.date()));
            }
            Label n = d.name();
            if (n == null || n.vi() == null || n.vi().isBlank() || n.en() == null || n.en().isBlank()) {
                problems.add(DataProblem.of(file, "-", where, "catalogue.expected.label", null, "name"));
            }
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workingWeekends.contains(date)) {
            return true;
        }
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return false;
        }
        return !holidays.containsKey(date);
    }

    /** The holiday on that date, if it is one: for showing why a day is skipped. */
    public java.util.Optional<HolidayYear.Day> holiday(LocalDate date) {
        return java.util.Optional.ofNullable(holidays.get(date));
    }

    /** The first working day after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** {@code date} itself when it is a working day, else the next one. */
    public LocalDate thisOrNextWorkingDay(LocalDate date) {
        return isWorkingDay(date) ? date : nextWorkingDay(date);
    }

    /** The n-th working day after {@code date} (n ≥ 0; 0 gives {@code date}). */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        LocalDate d = date;
        for (int i = 0; i < n; i++) {
            d = nextWorkingDay(d);
        }
        return d;
    }

    /** Whether every day from..to is covered by a holiday file and none of its entries is uncertain. */
    public boolean isCertain(LocalDate from, LocalDate to) {
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            if (!years.contains(y)) {
                return false;
            }
        }
        return uncertain.stream().noneMatch(d -> !d.isBefore(from) && !d.isAfter(to));
    }

    public Set<Integer> years() {
        return java.util.Collections.unmodifiableSet(years);
    }
}
