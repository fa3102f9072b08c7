// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import vn.motcua.kiosk.identity.IdCardQrParser;
import vn.motcua.kiosk.identity.QrReading;
import vn.motcua.kiosk.session.ApplicantPrefill;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.startup.KioskServices;

/**
 * The kiosk's services in a child JVM, for the privacy audit's crash (issue 12): a session
 * started, consent given, LLTP chosen, {@link TestCitizen}'s ID card read and her place of birth
 * typed key by key — the calls the screens make — then "SAVED" once the draft is on disk, and a
 * wait for SIGKILL. Args: data folder, the clock's instant (ISO-8601).
 */
public final class MidFormKioskChild {
    public static void main(String[] args) throws Exception {
        TestClock clock = new TestClock(Instant.parse(args[1]));
        KioskServices services = TestKiosk.open(TestKiosk.config(), Path.of(args[0]), clock);
        SessionService sessions = services.sessions();
        sessions.begin();
        sessions.acceptConsent();
        sessions.chooseProcedure("lltp-self");
        QrReading read = new IdCardQrParser().parse(TestCitizen.QR);
        Map<String, String> card = ((QrReading.Card) read).card().prefillValues();
        new ApplicantPrefill(sessions, services.catalogue()).fill(card);
        sessions.moveTo(Step.FORM);
        String place = TestCitizen.PLACE_OF_BIRTH;
        for (int i = 1; i <= place.length(); i++) {
            sessions.answer("placeOfBirth", place.substring(0, i));
        }
        sessions.flush();
        System.out.println("SAVED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
