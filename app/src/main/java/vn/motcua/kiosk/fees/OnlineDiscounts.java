package vn.motcua.kiosk.fees;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.DataProblem;
import vn.motcua.kiosk.config.StrictJson;

/**
 * Provinces' reductions of fees for dossiers filed online (Decree 42/2022 asks for them; each
 * province sets its own by resolution of its People's Council), from
 * {@code kiosk-config/fees/online-discounts.json}.
 */
public final class OnlineDiscounts {
    public static final String FILE = "fees/online-discounts.json";

    /**
     * @param province   province code (of the 34 since 2025) where the dossier is filed
     * @param procedures catalogue procedure ids, or {@code "*"} for every procedure with a fee
     * @param percent    1–100
     * @param validFrom  yyyy-MM-dd, or null
     * @param validTo    yyyy-MM-dd inclusive, or null
     * @param source     the resolution it comes from
     */
    public record Discount(String province, List<String> procedures, Integer percent, String validFrom,
                           String validTo, String source, String notes) {

        boolean covers(String procedureId, String provinceCode, LocalDate day) {
            return province.equals(provinceCode)
                    && (procedures.contains("*") || procedures.contains(procedureId))
                    && (validFrom == null || !day.isBefore(LocalDate.parse(validFrom)))
                    && (validTo == null || !day.isAfter(LocalDate.parse(validTo)));
        }
    }

    public record DiscountList(String notes, List<Discount> discounts) {}

    private final List<Discount> discounts;

    public OnlineDiscounts(List<Discount> discounts) {
        this.discounts = List.copyOf(discounts);
    }

    public static OnlineDiscounts none() {
        return new OnlineDiscounts(List.of());
    }

    public static OnlineDiscounts load(ConfigSource source) throws DataException {
        DiscountList list = StrictJson.read(source, FILE, DiscountList.class, "-");
        String file = source.describe(FILE);
        List<DataProblem> problems = new ArrayList<>();
        List<Discount> ds = list.discounts() == null ? List.of() : list.discounts();
        for (int i = 0; i < ds.size(); i++) {
            Discount d = ds.get(i);
            String where = "discounts[" + i + "]";
            if (d.province() == null || d.province().isBlank()) {
                problems.add(DataProblem.of(file, "-", where + ".province", "config.expected.present", null));
            }
            if (d.procedures() == null || d.procedures().isEmpty()) {
                problems.add(DataProblem.of(file, "-", where + ".procedures", "config.expected.present", null));
            }
            if (d.percent() == null || d.percent() < 1 || d.percent() > 100) {
                problems.add(DataProblem.of(file, "-", where + ".percent", "config.expected.range",
                        String.valueOf(d.percent()), "1", "100"));
            }
            for (String date : new String[] {d.validFrom(), d.validTo()}) {
                if (date != null) {
                    try {
                        LocalDate.parse(date);
                    } catch (DateTimeParseException e) {
                        problems.add(DataProblem.of(file, "-", where, "catalogue.expected.date", date));
                    }
                }
            }
            if (d.source() == null || d.source().isBlank()) {
                problems.add(DataProblem.of(file, "-", where + ".source", "config.expected.not-blank", null));
            }
        }
        if (!problems.isEmpty()) {
            throw new DataException(problems);
        }
        return new OnlineDiscounts(ds);
    }

    public List<Discount> all() {
        return discounts;
    }

    /** The largest discount that applies, if any. */
    public Optional<Discount> find(String procedureId, String provinceCode, LocalDate day) {
        if (provinceCode == null) {
            return Optional.empty();
        }
        return discounts.stream().filter(d -> d.covers(procedureId, provinceCode, day))
                .max(java.util.Comparator.comparingInt(Discount::percent));
    }
}
