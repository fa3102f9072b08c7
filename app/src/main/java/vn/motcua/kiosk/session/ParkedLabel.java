// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.session;

import java.util.Map;

/**
 * What a parked draft shows in a volunteer's list beside its procedure: the applicant's name,
 * masked. Empty when the answers have no name yet.
 */
@FunctionalInterface
public interface ParkedLabel {
    String maskedName(String procedureId, Map<String, String> answers);
}
