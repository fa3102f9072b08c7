package vn.motcua.kiosk.catalogue;

import java.util.List;
import vn.motcua.kiosk.form.Label;

/**
 * A liên thông filing: one dossier that triggers several procedures at several agencies.
 *
 * @param members     the linked procedures
 * @param choiceField a multiChoice field of the form whose choice values are the member ids: the
 *                    citizen ticks which to include (its min/max say how many); null when all
 *                    members are always included
 */
public record Bundle(List<Member> members, String choiceField) {

    public List<Member> memberList() {
        return members == null ? List.of() : members;
    }

    /**
     * @param id        stable within the bundle; the choice value when the citizen picks members
     * @param procedure id of a catalogue procedure this member is (checked at load), or null for
     *                  a procedure the kiosk does not offer on its own
     * @param code      the national procedure code, when known
     * @param name      shown in the tick list
     * @param agency    who handles this part
     */
    public record Member(String id, String procedure, String code, Label name, Label agency, String notes) {}
}
