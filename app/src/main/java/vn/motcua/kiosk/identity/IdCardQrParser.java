package vn.motcua.kiosk.identity;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the text in a CCCD QR code: {@code id12|oldId9-or-empty|Full name|ddMMyyyy|Nam or Nữ|
 * permanent address|issue date ddMMyyyy}, no labels, empty fields kept, more than 7 fields
 * accepted (domain.md). Never throws on input: every text gets a {@link QrReading}.
 */
public final class IdCardQrParser {
    static final int FIELDS = 7;
    /** Years a card's birth and issue dates can fall in (the ID number's century digit covers 19xx and 20xx). */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2099;
    private static final Pattern ID12 = Pattern.compile("[0-9]{12}");
    private static final Pattern ID9 = Pattern.compile("[0-9]{9}");
    private static final Pattern DATE = Pattern.compile("[0-9]{8}");

    public QrReading parse(String text) {
        if (text == null) {
            return new QrReading.Malformed("identity.qr.empty", 0);
        }
        // Desk readers end with Enter; some send a BOM or stray control characters.
        String clean = Normalizer.normalize(text.replace("\uFEFF", ""), Normalizer.Form.NFC).strip();
        if (clean.isEmpty()) {
            return new QrReading.Malformed("identity.qr.empty", 0);
        }
        // Control characters (C0, DEL, C1) or half a character never come from a card: a garbled read.
        if (clean.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t') || !wholeUtf16(clean)) {
            return new QrReading.Malformed("identity.qr.notIdCard", 0);
        }
        List<String> fields = Arrays.stream(clean.split("\\|", -1)).map(String::strip).toList();
        if (fields.size() < 2) {
            return new QrReading.Malformed("identity.qr.notIdCard", 0);
        }
        if (fields.size() < FIELDS || !ID12.matcher(fields.get(0)).matches()) {
            return new QrReading.UnknownLayout(fields);
        }
        return card(fields);
    }

    private static QrReading card(List<String> f) {
        String old = f.get(1);
        if (!old.isEmpty() && !ID9.matcher(old).matches() && !ID12.matcher(old).matches()) {
            return new QrReading.Malformed("identity.qr.badOldId", 2);
        }
        String name = f.get(2).replaceAll("\\s+", " ");
        if (name.isEmpty() || name.chars().anyMatch(Character::isDigit)) {
            return new QrReading.Malformed("identity.qr.badName", 3);
        }
        Optional<LocalDate> birth = date(f.get(3));
        if (birth.isEmpty()) {
            return new QrReading.Malformed("identity.qr.badBirthDate", 4);
        }
        IdCard.Sex sex;
        switch (f.get(4)) {
            case "Nam" -> sex = IdCard.Sex.MALE;
            case "Nữ" -> sex = IdCard.Sex.FEMALE;
            default -> {
                return new QrReading.Malformed("identity.qr.badSex", 5);
            }
        }
        Optional<LocalDate> issued = date(f.get(6));
        if (issued.isEmpty() || issued.get().isBefore(birth.get())) {
            return new QrReading.Malformed("identity.qr.badIssueDate", 7);
        }
        return new QrReading.Card(new IdCard(f.get(0), old.isEmpty() ? Optional.empty() : Optional.of(old), name,
                birth.get(), sex, f.get(5), issued.get(), f.subList(FIELDS, f.size())));
    }

    private static Optional<LocalDate> date(String ddMMyyyy) {
        if (!DATE.matcher(ddMMyyyy).matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(ddMMyyyy.substring(4));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, Integer.parseInt(ddMMyyyy.substring(2, 4)),
                    Integer.parseInt(ddMMyyyy.substring(0, 2))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean wholeUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
