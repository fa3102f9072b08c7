package vn.motcua.kiosk.form;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.DataProblem;
import vn.motcua.kiosk.config.StrictJson;

/**
 * The structure of a 12-digit citizen ID number: 3 digits of the province where the birth was
 * registered (the 63 pre-2025 province codes, which stay on cards issued before the 2025 merger
 * and are data in {@code kiosk-config/id-numbers/}), 1 digit for sex and century (0 male / 1
 * female born 19xx, 2/3 born 20xx, 4/5 21xx, and so on by century), 2 digits of the year of
 * birth, 6 serial digits.
 */
public final class IdNumberRules {
    public static final String FILE = "id-numbers/cccd-province-codes.json";
    public static final int LENGTH = 12;

    /** The file's shape. */
    public record CodeList(String source, String notes, List<ProvinceCode> codes) {}

    public record ProvinceCode(String code, String name) {}

    /** What an ID number says about its holder. */
    public record Decoded(String provinceCode, String provinceName, boolean male, int birthYear) {}

    private final Map<String, String> provinces;

    public IdNumberRules(List<ProvinceCode> codes) {
        Map<String, String> m = new LinkedHashMap<>();
        codes.forEach(c -> m.put(c.code(), c.name()));
        this.provinces = Map.copyOf(m);
    }

    public static IdNumberRules load(ConfigSource source) throws DataException {
        CodeList list = StrictJson.read(source, FILE, CodeList.class, "-");
        String file = source.describe(FILE);
        List<DataProblem> problems = new ArrayList<>();
        if (list.codes() == null || list.codes().isEmpty()) {
            problems.add(DataProblem.of(file, "-", "codes", "config.expected.present", null));
        } else {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < list.codes().size(); i++) {
                ProvinceCode c = list.codes().get(i);
                if (c == null || c.code() == null || !c.code().matches("\\d{3}") || !seen.add(c.code())) {
                    problems.add(DataProblem.of(file, "-", "codes[" + i + "]", "idnumbers.expected.code",
                            c == null ? "null" : c.code()));
                }
            }
        }
        if (list.source() == null || list.source().isBlank()) {
            problems.add(DataProblem.of(file, "-", "source", "config.expected.not-blank", null));
        }
        if (!problems.isEmpty()) {
            throw new DataException(problems);
        }
        return new IdNumberRules(list.codes());
    }

    public int provinceCount() {
        return provinces.size();
    }

    public boolean isProvinceCode(String code) {
        return provinces.containsKey(code);
    }

    /** Decodes a well-formed number (12 digits, known province); empty otherwise. */
    public Optional<Decoded> decode(String id) {
        if (id == null || !id.matches("\\d{12}") || !provinces.containsKey(id.substring(0, 3))) {
            return Optional.empty();
        }
        int d = id.charAt(3) - '0';
        int year = 1900 + (d / 2) * 100 + Integer.parseInt(id.substring(4, 6));
        return Optional.of(new Decoded(id.substring(0, 3), provinces.get(id.substring(0, 3)), d % 2 == 0, year));
    }

    /**
     * Problems of an ID number, checked against the birth date and sex when known ({@code male}
     * / {@code female}). While the citizen is typing only what more digits cannot fix is
     * reported, so the field does not turn red after the first key.
     */
    public List<FieldError> check(String path, String raw, LocalDate birthDate, String sex, LocalDate today,
                                  boolean typing) {
        List<FieldError> out = new ArrayList<>();
        String id = raw == null ? "" : raw.strip();
        if (id.isEmpty()) {
            return out;
        }
        if (!id.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            out.add(FieldError.of(path, "form.error.id.digits"));
            return out;
        }
        if (id.length() > LENGTH || (!typing && id.length() < LENGTH)) {
            out.add(FieldError.of(path, "form.error.id.length", LENGTH, id.length()));
            return out;
        }
        if (id.length() >= 3 && !provinces.containsKey(id.substring(0, 3))) {
            out.add(FieldError.of(path, "form.error.id.province", id.substring(0, 3)));
            return out;
        }
        if (id.length() >= 4) {
            int d = id.charAt(3) - '0';
            int century = 1900 + (d / 2) * 100;
            if (century > today.getYear()) {
                out.add(FieldError.of(path, "form.error.id.century", d));
                return out;
            }
            if (sex != null && (sex.equals("male") || sex.equals("female")) && (d % 2 == 0) != sex.equals("male")) {
                out.add(FieldError.of(path, "form.error.id.sex"));
            }
            if (id.length() >= 6) {
                int year = century + Integer.parseInt(id.substring(4, 6));
                if (year > today.getYear()) {
                    out.add(FieldError.of(path, "form.error.id.future-year", year));
                } else if (birthDate != null && birthDate.getYear() != year) {
                    out.add(FieldError.of(path, "form.error.id.birth-year", year, birthDate.getYear()));
                }
            }
        }
        return out;
    }
}
