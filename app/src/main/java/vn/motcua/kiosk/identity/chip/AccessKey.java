// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.motcua.kiosk.identity.IdCard;

/**
 * What opens the chip (BAC and PACE's MRZ key): the document number (the last 9 digits of the
 * 12-digit ID number), the birth date and the expiry date, the dates as the MRZ prints them
 * (yyMMdd). Built from the QR just read, so the citizen types nothing; the expiry comes from
 * {@link CardExpiry}, or from the volunteer reading the MRZ when the rule cannot tell.
 * Personal data: {@link #toString()} shows none of it.
 */
public record AccessKey(String documentNumber, String birthDate, String expiryDate) {
    static final DateTimeFormatter MRZ_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Pattern DOC = Pattern.compile("[0-9]{9}");
    private static final Pattern YYMMDD = Pattern.compile("[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])");

    public AccessKey {
        if (!DOC.matcher(documentNumber).matches() || !YYMMDD.matcher(birthDate).matches()
                || !YYMMDD.matcher(expiryDate).matches()) {
            throw new IllegalArgumentException("not an MRZ access key");
        }
    }

    /** The key for this card when the validity rule gives its expiry; empty: ask the volunteer. */
    public static Optional<AccessKey> of(IdCard card) {
        return CardExpiry.of(card.birthDate(), card.issueDate()) instanceof CardExpiry.Outcome.Expires e
                ? Optional.of(withExpiry(card, e.date().format(MRZ_DATE)))
                : Optional.empty();
    }

    /** The key with the expiry the volunteer read off the card's MRZ (yyMMdd). */
    public static AccessKey withExpiry(IdCard card, String yyMMdd) {
        return new AccessKey(card.idNumber().substring(card.idNumber().length() - 9),
                card.birthDate().format(MRZ_DATE), yyMMdd);
    }

    /** Whether the volunteer's six digits can be an MRZ date. */
    public static boolean isMrzDate(String s) {
        if (s == null || !YYMMDD.matcher(s).matches()) {
            return false;
        }
        try {
            fullDate(s);
            return true;
        } catch (java.time.DateTimeException e) {
            return false; // 31 February
        }
    }

    /** The expiry as a day, for showing (MRZ years 00–69 are 20xx, as ICAO's two-digit rule). */
    public LocalDate expiry() {
        return fullDate(expiryDate);
    }

    private static LocalDate fullDate(String yyMMdd) {
        int yy = Integer.parseInt(yyMMdd.substring(0, 2));
        return LocalDate.of((yy < 70 ? 2000 : 1900) + yy, Integer.parseInt(yyMMdd.substring(2, 4)),
                Integer.parseInt(yyMMdd.substring(4)));
    }

    @Override
    public String toString() {
        return "AccessKey[personal data not shown]";
    }
}
