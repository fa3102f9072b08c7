package vn.motcua.kiosk.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The procedures the kiosk offers, grouped by area, in the catalogue's order. Immutable. */
public final class Catalogue {
    private final List<Area> areas;
    private final Map<String, Area> areaById = new LinkedHashMap<>();
    private final List<Procedure> procedures;
    private final Map<String, Procedure> byId = new LinkedHashMap<>();
    private final ProcedureSearch search;

    public Catalogue(List<Area> areas, List<Procedure> procedures) {
        this.areas = List.copyOf(areas);
        this.procedures = List.copyOf(procedures);
        areas.forEach(a -> areaById.put(a.id(), a));
        procedures.forEach(p -> byId.put(p.id(), p));
        this.search = new ProcedureSearch(this.procedures, areaById);
    }

    public List<Area> areas() {
        return areas;
    }

    public Optional<Area> area(String id) {
        return Optional.ofNullable(areaById.get(id));
    }

    public List<Procedure> procedures() {
        return procedures;
    }

    public Optional<Procedure> procedure(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The procedures of one area, for browsing by field. */
    public List<Procedure> inArea(String areaId) {
        return procedures.stream().filter(p -> p.area().equals(areaId)).toList();
    }

    public ProcedureSearch search() {
        return search;
    }
}
