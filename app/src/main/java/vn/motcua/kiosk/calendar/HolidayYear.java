package vn.motcua.kiosk.calendar;

import java.util.List;
import vn.motcua.kiosk.form.Label;

/**
 * One year of days off for state agencies, from {@code kiosk-config/holidays/YYYY.json}.
 * Lunar holidays (Tết, Hùng Kings' day) are given as the solar dates the government announced
 * or, before it did, as computed and marked {@code certain: false}.
 *
 * @param holidays        weekdays on which agencies are closed (holidays, days in lieu, bridge days)
 * @param workingWeekends Saturdays or Sundays worked to make up for a bridge day
 */
public record HolidayYear(Integer year, String source, String notes, List<Day> holidays, List<Day> workingWeekends) {

    public List<Day> holidayList() {
        return holidays == null ? List.of() : holidays;
    }

    public List<Day> workingWeekendList() {
        return workingWeekends == null ? List.of() : workingWeekends;
    }

    /** @param date yyyy-MM-dd; @param certain false while the official announcement is not known */
    public record Day(String date, Label name, Boolean certain, String notes) {
        public boolean isCertain() {
            return !Boolean.FALSE.equals(certain);
        }
    }
}
