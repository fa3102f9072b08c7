// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.catalogue;

import java.util.List;
import java.util.Optional;
import vn.motcua.kiosk.text.TokenSearch;

/**
 * Where a dossier of one procedure may be received (non-territorial filing): the offices the
 * portal lists for it, by province, found by a few letters of their name without accents
 * ("tu phap ca mau"). The default is the office the kiosk sends to when nobody chooses: its own
 * agency when that receives the procedure, else the first of its province's that does.
 *
 * @param ownCode     the kiosk's own agency (kiosk.json agency.code)
 * @param ownProvince the kiosk's province (kiosk.json agency.provinceCode)
 */
public record ReceivingOffices(String procedureId, String ownCode, String ownProvince, List<Office> offices) {
    public ReceivingOffices {
        offices = offices.stream().filter(o -> o.receives(procedureId)).toList();
    }

    /** The office a dossier goes to unless the citizen chooses; null before the portal's list is known. */
    public String defaultCode() {
        if (offices.stream().anyMatch(o -> o.code().equals(ownCode))) {
            return ownCode;
        }
        return offices.stream().filter(o -> ownProvince != null && ownProvince.equals(o.provinceCode())).map(Office::code)
                .findFirst().orElse(null);
    }

    /** The provinces (codes) with at least one office for this procedure, in the list's order. */
    public List<String> provinces() {
        return offices.stream().map(Office::provinceCode).filter(p -> p != null).distinct().toList();
    }

    /** A province's offices matching the typed words, best first; all of them when nothing is typed. */
    public List<Office> search(String provinceCode, String typed, int limit) {
        List<Office> here = offices.stream().filter(o -> provinceCode.equals(o.provinceCode())).toList();
        if (typed == null || typed.isBlank()) {
            return here.stream().limit(limit).toList();
        }
        return new TokenSearch<>(here, o -> List.of(o.name().vi())).search(typed, limit).stream()
                .map(TokenSearch.Hit::item).toList();
    }

    public Optional<Office> office(String code) {
        return offices.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}
