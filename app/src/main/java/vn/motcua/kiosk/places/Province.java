package vn.motcua.kiosk.places;

import java.util.List;

/** A province-level unit (tỉnh / thành phố trực thuộc trung ương) since 1 July 2025, with its communes. */
public record Province(String code, String name, String fullName, String nameEn, String fullNameEn,
                       List<Commune> communes) {
    public Province {
        communes = List.copyOf(communes);
    }

    /** The name shown to the citizen: Vietnamese by default, English when asked for. */
    public String fullName(boolean english) {
        return english && fullNameEn != null && !fullNameEn.isBlank() ? fullNameEn : fullName;
    }
}
