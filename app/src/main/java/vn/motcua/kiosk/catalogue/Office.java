// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.catalogue;

import java.util.List;
import vn.motcua.kiosk.form.Label;

/**
 * A receiving office from the portal's agency list: its code (what the portal body carries), its
 * name, its province (two digits as in admin-units; null when the portal does not say) and the
 * procedures it receives.
 */
public record Office(String code, Label name, String provinceCode, List<String> procedures) {
    public Office {
        procedures = procedures == null ? List.of() : List.copyOf(procedures);
    }

    public boolean receives(String procedureId) {
        return procedures.contains(procedureId);
    }
}
