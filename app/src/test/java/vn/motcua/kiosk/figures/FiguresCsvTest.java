package vn.motcua.kiosk.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresCsvTest {
    @Test
    void oneRowPerFigureWithItsKeyLabelAndValue() {
        Figures.Tally t = new Figures.Tally(4, 1, 2, 1, 0, 2, Map.of("lltp-self", 2), 3, 3, 24, 1, new Figures.Spread(300, 360),
                2, new java.util.TreeMap<>(Map.of("Hoa", 1, "Nguyễn Lan", 1)),
                new Figures.Dossiers(1, 1, new java.util.TreeMap<>(Map.of("full", 2)), 2, 1, 5, 1), Map.of("FORM", 1));
        String csv = FiguresCsv.of("TAP-HUAN-01", Period.THIS_WEEK, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 25), t,
                key -> key.equals("filed:lltp-self") ? "Cấp Phiếu lý lịch tư pháp, cá nhân" : "L(" + key + ")");
        assertThat(csv).startsWith("\uFEFFkey,L(header.label),L(header.value)\r\n");
        assertThat(csv.substring(1).split("\r\n")).containsExactly(
                "key,L(header.label),L(header.value)",
                "kiosk,L(kiosk),TAP-HUAN-01",
                "period,L(period),L(period.THIS_WEEK)",
                "from,L(from),2026-11-23",
                "to,L(to),2026-11-25",
                "sessionsStarted,L(sessionsStarted),4",
                "sessionsFinished,L(sessionsFinished),2",
                "consentDeclined,L(consentDeclined),1",
                "timedOut,L(timedOut),1",
                "parked,L(parked),0",
                "dossiersFiled,L(dossiersFiled),2",
                "filed:lltp-self,\"Cấp Phiếu lý lịch tư pháp, cá nhân\",2",
                "sentAtOnce,L(sentAtOnce),1",
                "queued,L(queued),1",
                "level:full,L(level:full),2",
                "feesDue,L(feesDue),2",
                "paidOnline,L(paidOnline),1",
                "paidOnlinePercent,L(paidOnlinePercent),50",
                "pages,L(pages),5",
                "signed,L(signed),1",
                "abandoned:FORM,L(abandoned:FORM),1",
                "helpCalls,L(helpCalls),3",
                "helpAnswered,L(helpAnswered),3",
                "helpWaitSeconds,L(helpWaitSeconds),24",
                "staffActions,L(staffActions),1",
                "fileSecondsAverage,L(fileSecondsAverage),300",
                "fileSecondsP90,L(fileSecondsP90),360",
                "sessionsHelped,L(sessionsHelped),2",
                "helpedBy:Hoa,Hoa,1",
                "helpedBy:Nguyễn Lan,Nguyễn Lan,1");
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsDefused() {
        assertThat(FiguresCsv.quoted("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(FiguresCsv.quoted("-3")).isEqualTo("-3");
        assertThat(FiguresCsv.quoted("@sum")).isEqualTo("'@sum");
    }
}
