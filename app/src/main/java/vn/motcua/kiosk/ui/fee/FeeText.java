// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.fee;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.fees.FeeQuote;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.ui.I18n;

/**
 * The fee before filing, in words: over the form (it follows every answer) and among the facts
 * of the submit screen. The amount is the catalogue's rules on the answers (reductions,
 * exemptions by the subject's birth date, copies), filed online in the agency's province — the
 * same sum the filing records.
 */
public final class FeeText {
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final CatalogueService catalogue;
    private final String provinceCode;
    private final I18n i18n;
    private final Supplier<Optional<Procedure>> procedure;

    /** @param procedure the procedure chosen in the session now */
    public FeeText(CatalogueService catalogue, String provinceCode, I18n i18n, Supplier<Optional<Procedure>> procedure) {
        this.catalogue = catalogue;
        this.provinceCode = provinceCode;
        this.i18n = i18n;
        this.procedure = procedure;
    }

    public Optional<FeeQuote> quote(Answers answers) {
        return procedure.get().map(p -> catalogue.fee(p, answers, provinceCode));
    }

    /** "Lệ phí dự kiến: 200.000 đ" or "Miễn lệ phí"; empty without a procedure. */
    public String estimate(Answers answers) {
        return quote(answers).map(q -> q.free() ? i18n.messages().get("procedure.free")
                : i18n.messages().get("form.fee", amount(q.total()))).orElse("");
    }

    /** "Lệ phí: 200.000 đ" or "Không mất lệ phí", for the submit screen. */
    public Optional<String> submitLine(Answers answers) {
        return quote(answers).map(q -> q.free() ? i18n.messages().get("submit.fee.none")
                : i18n.messages().get("submit.fee", amount(q.total()) + " đ"));
    }

    // Vietnamese grouping (200.000) in both languages: the amount is in đồng either way.
    private static String amount(long vnd) {
        return NumberFormat.getIntegerInstance(VI).format(vnd);
    }
}
