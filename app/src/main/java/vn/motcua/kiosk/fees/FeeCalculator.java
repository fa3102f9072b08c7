package vn.motcua.kiosk.fees;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.motcua.kiosk.form.Answers;

/**
 * Works out the fee from the catalogue's rules and the answers so far; the fee screen and the
 * procedure card call it again after every answer. Order: exemption (base 0) or the most
 * favourable reduction (base replaced), plus extra copies, then the online discount of the
 * province where the dossier is filed.
 */
public final class FeeCalculator {
    private final OnlineDiscounts discounts;
    private final Clock clock;

    public FeeCalculator(OnlineDiscounts discounts, Clock clock) {
        this.discounts = discounts;
        this.clock = clock;
    }

    /**
     * @param procedureId the catalogue id, for the province's discount list
     * @param answers     the answers so far (categories, copies); may be empty
     * @param province    code of the province where the dossier is filed, or null
     * @param online      whether it is filed online (the kiosk files online; a volunteer may switch to paper)
     */
    public FeeQuote quote(String procedureId, FeeSchedule schedule, Answers answers, String province, boolean online) {
        LocalDate today = LocalDate.now(clock);
        List<FeeLine> lines = new ArrayList<>();
        if (schedule.alwaysFree()) {
            lines.add(FeeLine.of("fees.line.free", null));
            return new FeeQuote(0, lines);
        }
        long base = schedule.baseAmount();
        if (base > 0) {
            lines.add(FeeLine.of("fees.line.base", null, base));
        }
        Optional<FeeRule> exemption = schedule.exemptionList().stream()
                .filter(r -> r.when().test(answers, today)).findFirst();
        boolean copiesWaived = false;
        if (exemption.isPresent()) {
            base = 0;
            copiesWaived = exemption.get().waivesCopies();
            lines.add(FeeLine.of("fees.line.exempt", exemption.get().reason()));
        } else {
            Optional<FeeRule> reduction = schedule.reductionList().stream()
                    .filter(r -> r.when().test(answers, today) && r.base() != null && r.base() < schedule.baseAmount())
                    .min(Comparator.comparingLong(FeeRule::base));
            if (reduction.isPresent()) {
                base = reduction.get().base();
                lines.add(FeeLine.of("fees.line.reduced", reduction.get().reason(), base));
            }
        }
        int copies = copies(schedule, answers);
        int extra = Math.max(0, copies - schedule.included());
        long extraAmount = copiesWaived ? 0 : extra * schedule.perCopy();
        if (schedule.copiesField() != null && schedule.included() > 0 && copies <= schedule.included()) {
            lines.add(FeeLine.of("fees.line.copies-included", null, copies, schedule.included()));
        }
        if (extra > 0 && schedule.perCopy() > 0) {
            lines.add(copiesWaived ? FeeLine.of("fees.line.extra-copies-waived", null, extra)
                    : FeeLine.of(schedule.included() > 0 ? "fees.line.extra-copies" : "fees.line.per-copy", null,
                            extra, schedule.perCopy(), extraAmount));
        }
        long total = base + extraAmount;
        if (online && total > 0 && schedule.discountable()) {
            Optional<OnlineDiscounts.Discount> d = discounts.find(procedureId, province, today);
            if (d.isPresent()) {
                // Rounded down to the đồng: the citizen is never asked for more than the rule says.
                long discount = total - total * (100 - d.get().percent()) / 100;
                total -= discount;
                lines.add(FeeLine.of("fees.line.online-discount", null, d.get().percent(), discount));
            }
        }
        lines.add(FeeLine.of(total == 0 ? "fees.line.total-free" : "fees.line.total", null, total));
        return new FeeQuote(total, lines);
    }

    /** Copies asked for: the number answered, at least 1; 1 when the procedure has no copies field. */
    static int copies(FeeSchedule schedule, Answers answers) {
        if (schedule.copiesField() == null) {
            return 1;
        }
        String v = answers.get(schedule.copiesField());
        if (v == null || !v.strip().matches("\\d{1,4}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(v.strip()));
    }
}
