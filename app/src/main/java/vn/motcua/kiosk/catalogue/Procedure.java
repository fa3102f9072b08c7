package vn.motcua.kiosk.catalogue;

import java.util.List;
import vn.motcua.kiosk.calendar.HandlingTime;
import vn.motcua.kiosk.fees.FeeSchedule;
import vn.motcua.kiosk.form.FormDefinition;
import vn.motcua.kiosk.form.Label;

/**
 * One procedure the kiosk offers, as written in {@code kiosk-config/catalogue/<id>.json}; what a
 * procedure card shows and what the form, papers, fee and receipt screens are built from.
 *
 * @param id                 the kiosk's stable id (file name without .json); bundles and drafts refer to it
 * @param code               the national procedure code (TTHC) as on the portal
 * @param name               full name
 * @param area               id of an {@link Area} of the index
 * @param level              fully or partly online
 * @param summary            one or two lines for the card: who it is for
 * @param fee                fee rules
 * @param handlingTime       how long the agency has
 * @param receivingAgencies  who receives the dossier
 * @param documents          the papers, in the order of the papers screen
 * @param signature          whether the citizen signs with a digital signature
 * @param form               the form to fill
 * @param bundle             for liên thông procedures; null otherwise
 * @param keywords           more words the search should know ("LLTP", "giấy phép lái xe", "GPLX")
 * @param legalBasis         the texts it rests on
 * @param notes              for maintainers: sources, what is [M] (a default to confirm), never shown to citizens
 */
public record Procedure(String id, String code, Label name, String area, Level level, Label summary, FeeSchedule fee,
                        HandlingTime handlingTime, List<Agency> receivingAgencies, List<RequiredDocument> documents,
                        Signature signature, FormDefinition form, Bundle bundle, List<String> keywords,
                        String legalBasis, String notes) {

    public List<String> keywordList() {
        return keywords == null ? List.of() : keywords;
    }

    public List<RequiredDocument> documentList() {
        return documents == null ? List.of() : documents;
    }

    public List<Agency> agencyList() {
        return receivingAgencies == null ? List.of() : receivingAgencies;
    }

    public boolean isBundle() {
        return bundle != null;
    }

    /** A copy with the form replaced (shared sections resolved by the loader). */
    Procedure withForm(FormDefinition resolved) {
        return new Procedure(id, code, name, area, level, summary, fee, handlingTime, receivingAgencies, documents,
                signature, resolved, bundle, keywords, legalBasis, notes);
    }
}
