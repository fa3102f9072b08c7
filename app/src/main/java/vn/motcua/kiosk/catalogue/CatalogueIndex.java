package vn.motcua.kiosk.catalogue;

import java.util.List;
import vn.motcua.kiosk.form.Section;

/**
 * {@code kiosk-config/catalogue/index.json}: the areas, the procedure files in display order,
 * and files of sections shared by several forms. A folder inside the application jar cannot be
 * listed, hence the explicit list.
 */
public record CatalogueIndex(List<Area> areas, List<String> procedures, List<String> sharedSections, String notes) {

    /** A file of shared sections: {@code {"sections": [ … ]}}, each used as {@code {"use": "<id>"}}. */
    public record SharedSections(List<Section> sections, String notes) {}
}
