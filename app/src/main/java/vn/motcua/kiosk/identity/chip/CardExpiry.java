// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * When a chip ID card expires, from the birth and issue dates the QR carries (domain.md, "ID card
 * validity"): the chip's access key needs the expiry and the QR does not print it. A card is
 * renewed at set ages; one issued within two years before such an age is good until the next.
 * CCCD (issued before 1 July 2024): 25, 40, 60. Thẻ căn cước (from 1 July 2024): 14, 25, 40, 60.
 * The expiry is the birthday in the year of that age; past the last age the card never expires.
 */
public final class CardExpiry {
    /** The day the Law on Identification (26/2023/QH15) began: cards from then are "Thẻ căn cước". */
    static final LocalDate IDENTITY_LAW = LocalDate.of(2024, 7, 1);
    private static final List<Integer> CCCD_AGES = List.of(25, 40, 60);
    private static final List<Integer> CAN_CUOC_AGES = List.of(14, 25, 40, 60);
    /** The youngest age a CCCD was issued at (Law 59/2014, Art. 19). */
    private static final int CCCD_FIRST_AGE = 14;
    private static final int GRACE_YEARS = 2;

    /** What the rule says about one card. */
    public sealed interface Outcome {
        /** The card expires on this day (the MRZ prints it as yyMMdd). */
        record Expires(LocalDate date) implements Outcome {}

        /** Printed "Không thời hạn": the MRZ's expiry cannot be worked out, the volunteer reads it. */
        record NeverExpires() implements Outcome {}

        /** The dates do not fit the rule (issued before birth, a CCCD before 14, 29 February): ask. */
        record Undecided() implements Outcome {}
    }

    private CardExpiry() {}

    public static Outcome of(LocalDate birth, LocalDate issued) {
        if (issued.isBefore(birth)) {
            return new Outcome.Undecided();
        }
        boolean canCuoc = !issued.isBefore(IDENTITY_LAW);
        if (!canCuoc && issued.isBefore(birth.plusYears(CCCD_FIRST_AGE))) {
            return new Outcome.Undecided();
        }
        for (int age : canCuoc ? CAN_CUOC_AGES : CCCD_AGES) {
            // Issued before the two years that lead up to this age: it runs until this age.
            if (issued.isBefore(birth.plusYears(age - GRACE_YEARS))) {
                LocalDate expiry = birth.plusYears(age);
                // A 29 February birthday has no day in a common year; which day the card says is unknown.
                if (!MonthDay.from(expiry).equals(MonthDay.from(birth))) {
                    return new Outcome.Undecided();
                }
                return new Outcome.Expires(expiry);
            }
        }
        return new Outcome.NeverExpires();
    }
}
