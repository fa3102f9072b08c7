// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private final Catalogue catalogue = new Catalogue(new ObjectMapper());

    private static Instant vn(String local) {
        return LocalDateTime.parse(local).atZone(PortalClock.VIETNAM).toInstant();
    }

    @Test
    void sameDayProceduresAfterTheCutoffAreDueTheNextWorkingDay() {
        Catalogue.Procedure birth = catalogue.procedure("khai-sinh").orElseThrow();
        assertThat(Schedule.dueAt(birth, vn("2024-07-15T10:00"))).isEqualTo(vn("2024-07-15T17:00")); // Monday morning
        assertThat(Schedule.dueAt(birth, vn("2024-07-15T15:30"))).isEqualTo(vn("2024-07-16T17:00"));
        assertThat(Schedule.dueAt(birth, vn("2024-07-19T16:00"))).isEqualTo(vn("2024-07-22T17:00")); // Friday → Monday
    }

    @Test
    void workingDaysSkipWeekends() {
        Catalogue.Procedure lltp = catalogue.procedure("lltp-self").orElseThrow();
        assertThat(Schedule.dueAt(lltp, vn("2024-07-15T09:00"))).isEqualTo(vn("2024-07-29T17:00")); // 10 working days
        assertThat(Schedule.dueAt(lltp, vn("2024-07-20T09:00"))).isEqualTo(vn("2024-08-02T17:00")); // filed on a Saturday
    }

    @Test
    void everyFourthDossierIsPlannedLateAndTheOthersOnTime() {
        Catalogue.Procedure lltp = catalogue.procedure("lltp-self").orElseThrow();
        Instant received = vn("2024-07-15T09:00");
        for (int seq = 1; seq <= 8; seq++) {
            Schedule.Plan p = Schedule.plan(lltp, received, seq);
            assertThat(p.late()).isEqualTo(seq % 4 == 0);
            assertThat(p.doneAt().isAfter(p.dueAt())).isEqualTo(p.late());
            assertThat(p.inProgressAt()).isAfter(received).isBefore(p.doneAt());
        }
    }

    @Test
    void feesFollowTheTable() {
        assertThat(Catalogue.fee(catalogue.procedure("lltp-self").orElseThrow(), 2).amount()).isEqualTo(200_000);
        assertThat(Catalogue.fee(catalogue.procedure("lltp-self").orElseThrow(), 4).amount()).isEqualTo(210_000);
        assertThat(Catalogue.fee(catalogue.procedure("khai-tu").orElseThrow(), 1).amount()).isZero();
        assertThat(Catalogue.fee(catalogue.procedure("trich-luc-ho-tich").orElseThrow(), 3).amount()).isEqualTo(24_000);
        assertThat(Catalogue.fee(catalogue.procedure("doi-gplx").orElseThrow(), 1).amount()).isEqualTo(135_000);
    }
}
