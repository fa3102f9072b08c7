// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.motcua.kiosk.places.Province;

/** The answers of a made-up citizen's civil-status extract, for screens the tour shows past the form's first sections. */
final class TourAnswers {
    private TourAnswers() {}

    static Map<String, String> extractRequest(Province province) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("applicant.name", "Trần Thị Bình");
        a.put("applicant.idNumber", "056195012345");
        a.put("applicant.address.province", province.code());
        a.put("applicant.address.commune", province.communes().get(0).code());
        a.put("applicant.address.street", "Số 5 Trần Phú");
        a.put("applicant.relation", "self");
        a.put("applicant.phone", "0905123456");
        a.put("recordType", "birth");
        a.put("subject.name", "Trần Thị Bình");
        a.put("registration.place", "UBND phường Nha Trang");
        a.put("copies", "1");
        return a;
    }
}
