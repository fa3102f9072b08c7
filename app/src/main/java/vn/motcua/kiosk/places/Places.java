package vn.motcua.kiosk.places;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.motcua.kiosk.config.ConfigProblem.Expectation;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.DataProblem;
import vn.motcua.kiosk.text.TokenSearch;

/**
 * The administrative units the address picker offers: provinces and their communes, from
 * {@code kiosk-config/admin-units/vn-admin-units-2025.json} (MIT, see the NOTICE.md beside it).
 * Units change by resolution, so this is data: a kiosk gets a new list without a rebuild, and
 * nothing here assumes 34 or 3,321.
 */
public final class Places {
    public static final String FILE = "admin-units/vn-admin-units-2025.json";
    public static final String NOTICE = "admin-units/NOTICE.md";

    /** The shape of the shipped file (PascalCase keys as published upstream). */
    record RawProvince(String code, String name, String nameEn, String fullName, String fullNameEn, String codeName,
                       List<RawWard> wards) {}

    record RawWard(String code, String name, String nameEn, String fullName, String fullNameEn, String codeName,
                   String provinceCode) {}

    private final Map<String, Province> provinces;
    private final Map<String, Commune> communes;
    /** Built on first use: about a third of the catalogue's load, which Welcome's first frame need not wait for. */
    private volatile Indexes indexes;

    private record Indexes(TokenSearch<Province> provinces, TokenSearch<Commune> allCommunes,
                           Map<String, TokenSearch<Commune>> communesByProvince) {}

    public Places(List<Province> provinces) {
        this.provinces = new LinkedHashMap<>();
        this.communes = new LinkedHashMap<>();
        for (Province p : provinces) {
            this.provinces.put(p.code(), p);
            for (Commune c : p.communes()) {
                this.communes.put(c.code(), c);
            }
        }
    }

    /** Builds the search indexes now (the kiosk does it off the FX thread after its first frame), so no search waits. */
    public void prepareSearch() {
        indexes();
    }

    private Indexes indexes() {
        Indexes built = indexes;
        if (built == null) {
            synchronized (this) {
                built = indexes;
                if (built == null) {
                    Map<String, TokenSearch<Commune>> byProvince = new LinkedHashMap<>();
                    for (Province p : provinces.values()) {
                        byProvince.put(p.code(), new TokenSearch<>(p.communes(), Places::communeTexts));
                    }
                    built = new Indexes(
                            new TokenSearch<>(List.copyOf(provinces.values()), p -> List.of(p.fullName(), nullToEmpty(p.fullNameEn()))),
                            new TokenSearch<>(List.copyOf(communes.values()), Places::communeTexts), byProvince);
                    indexes = built;
                }
            }
        }
        return built;
    }

    private static List<String> communeTexts(Commune c) {
        return List.of(c.fullName(), nullToEmpty(c.fullNameEn()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Loads and checks the list: codes present and unique, every commune in the province that lists it. */
    public static Places load(ConfigSource source) throws DataException {
        String file = source.describe(FILE);
        List<RawProvince> raw;
        try (InputStream in = source.open(FILE)) {
            raw = AdminUnitsReader.read(in);
        } catch (IOException e) {
            throw new DataException(DataProblem.of(file, "-", "-",
                    e instanceof com.fasterxml.jackson.core.JsonProcessingException
                            ? Expectation.VALID_JSON.messageKey() : Expectation.FILE_PRESENT.messageKey(),
                    null, String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
        List<DataProblem> problems = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            throw new DataException(DataProblem.of(file, "-", "-", "places.expected.provinces", null));
        }
        Set<String> seen = new HashSet<>();
        List<Province> provinces = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            RawProvince p = raw.get(i);
            String where = "[" + i + "]";
            if (blank(p.code()) || blank(p.fullName()) || p.wards() == null) {
                problems.add(DataProblem.of(file, "-", where, "places.expected.unit", p.code()));
                continue;
            }
            if (!seen.add("P" + p.code())) {
                problems.add(DataProblem.of(file, "-", where + ".Code", "places.expected.unique-code", p.code()));
            }
            List<Commune> communes = new ArrayList<>();
            for (int j = 0; j < p.wards().size(); j++) {
                RawWard w = p.wards().get(j);
                String wWhere = where + ".Wards[" + j + "]";
                if (blank(w.code()) || blank(w.fullName())) {
                    problems.add(DataProblem.of(file, "-", wWhere, "places.expected.unit", w.code()));
                    continue;
                }
                if (!seen.add("W" + w.code())) {
                    problems.add(DataProblem.of(file, "-", wWhere + ".Code", "places.expected.unique-code", w.code()));
                }
                if (!p.code().equals(w.provinceCode())) {
                    problems.add(DataProblem.of(file, "-", wWhere + ".ProvinceCode", "places.expected.parent",
                            w.provinceCode(), p.code()));
                }
                communes.add(new Commune(w.code(), w.name(), w.fullName(), w.nameEn(), w.fullNameEn(), p.code()));
            }
            provinces.add(new Province(p.code(), p.name(), p.fullName(), p.nameEn(), p.fullNameEn(), communes));
        }
        try (InputStream in = source.open(NOTICE)) {
            in.readAllBytes();
        } catch (IOException e) {
            // The MIT licence requires the attribution to travel with the data.
            problems.add(DataProblem.of(source.describe(NOTICE), "-", "-", Expectation.FILE_PRESENT.messageKey(), null));
        }
        if (!problems.isEmpty()) {
            throw new DataException(problems);
        }
        return new Places(provinces);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public List<Province> provinces() {
        return List.copyOf(provinces.values());
    }

    public Optional<Province> province(String code) {
        return Optional.ofNullable(code == null ? null : provinces.get(code));
    }

    public Optional<Commune> commune(String code) {
        return Optional.ofNullable(code == null ? null : communes.get(code));
    }

    public int communeCount() {
        return communes.size();
    }

    /** True when the commune exists and belongs to the province. */
    public boolean isCommuneOf(String provinceCode, String communeCode) {
        Commune c = communes.get(communeCode);
        return c != null && c.provinceCode().equals(provinceCode);
    }

    public List<Province> searchProvinces(String query, int limit) {
        return indexes().provinces().search(query, limit).stream().map(TokenSearch.Hit::item).toList();
    }

    /** Communes of one province matching the query, best first: "ba dinh" and "phường ba đình" find Phường Ba Đình. */
    public List<Commune> searchCommunes(String provinceCode, String query, int limit) {
        TokenSearch<Commune> search = indexes().communesByProvince().get(provinceCode);
        return search == null ? List.of() : search.search(query, limit).stream().map(TokenSearch.Hit::item).toList();
    }

    /** Communes of every province matching the query, best first. */
    public List<Commune> searchCommunes(String query, int limit) {
        return indexes().allCommunes().search(query, limit).stream().map(TokenSearch.Hit::item).toList();
    }
}
