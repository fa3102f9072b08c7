package vn.motcua.kiosk.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.motcua.kiosk.form.Answers;

/**
 * Return dates from the catalogue's handling times and the working calendar. A dossier received
 * on a day off, or after the cut-off, counts as received on the next working day; N working days
 * are then counted from the day after that.
 */
public final class DueDateCalculator {
    private final WorkingCalendar calendar;

    public DueDateCalculator(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public DueDate due(HandlingTime time, Answers answers, LocalDateTime received) {
        List<String> why = new ArrayList<>();
        if (time.kind() == HandlingTime.Kind.unknown) {
            why.add("duedate.unknown");
            return new DueDate(null, null, 0, why, null, false);
        }
        LocalDate day = received.toLocalDate();
        LocalDate countedFrom = day;
        if (!calendar.isWorkingDay(day)) {
            countedFrom = calendar.nextWorkingDay(day);
            why.add("duedate.received-day-off");
        } else if (time.cutoff() != null && !received.toLocalTime().isBefore(LocalTime.parse(time.cutoff()))) {
            countedFrom = calendar.nextWorkingDay(day);
            why.add("duedate.after-cutoff");
        }
        int days = time.kind() == HandlingTime.Kind.sameDay ? 0 : time.days();
        Optional<HandlingTime.Variant> variant = time.variantList().stream()
                .filter(v -> v.when().test(answers, day))
                .max(Comparator.comparingInt(HandlingTime.Variant::days));
        if (variant.isPresent()) {
            days = variant.get().days();
            why.add("duedate.variant");
        }
        why.add(days == 0 ? "duedate.same-day" : "duedate.working-days");
        LocalDate due = calendar.plusWorkingDays(countedFrom, days);
        boolean certain = calendar.isCertain(day, due);
        if (!certain) {
            why.add("duedate.uncertain");
        }
        return new DueDate(due, countedFrom, days, why, variant.map(HandlingTime.Variant::reason).orElse(null),
                certain);
    }
}
