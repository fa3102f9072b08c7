package vn.motcua.kiosk.fees;

import java.util.List;

/**
 * A procedure's fee as rules (lệ phí / phí), in whole VND:
 * {@code base + max(0, copies - copiesIncluded) × perExtraCopy}, where a matching exemption
 * makes the base 0 and a matching reduction replaces it; then the province's online discount.
 * LLTP: base 200,000, 2 copies included, 5,000 per copy from the 3rd. Civil-status extracts:
 * base 0, 0 included, 8,000 per copy.
 *
 * @param base            VND per dossier; 0 when free
 * @param copiesField     the number field with the copies asked for; null when one is always issued
 * @param copiesIncluded  copies the base covers (default 0)
 * @param perExtraCopy    VND per copy beyond those (default 0)
 * @param reductions      the most favourable matching one applies
 * @param exemptions      any matching one makes the base 0; exemptions win over reductions
 * @param onlineDiscount  whether provincial online discounts apply to this fee (default true)
 * @param notes           sources and [M] defaults
 */
public record FeeSchedule(Long base, String copiesField, Integer copiesIncluded, Long perExtraCopy,
                          List<FeeRule> reductions, List<FeeRule> exemptions, Boolean onlineDiscount, String notes) {
    /** The most a fee amount may be: what a VietQR amount holds (13 digits), so that it can be paid and summed. */
    public static final long MAX_AMOUNT = 9_999_999_999_999L;

    public long baseAmount() {
        return base == null ? 0 : base;
    }

    public int included() {
        return copiesIncluded == null ? 0 : copiesIncluded;
    }

    public long perCopy() {
        return perExtraCopy == null ? 0 : perExtraCopy;
    }

    public List<FeeRule> reductionList() {
        return reductions == null ? List.of() : reductions;
    }

    public List<FeeRule> exemptionList() {
        return exemptions == null ? List.of() : exemptions;
    }

    public boolean discountable() {
        return onlineDiscount == null || onlineDiscount;
    }

    /** No fee whatever the answers: nothing to pay and nothing to explain but "free". */
    public boolean alwaysFree() {
        return baseAmount() == 0 && perCopy() == 0;
    }
}
