package vn.motcua.kiosk.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.motcua.kiosk.text.TokenSearch;

/**
 * The procedure screen's search box: accent-insensitive ("ly lich" finds "Lý lịch"; đ is d),
 * word by word, tolerant of one wrong letter in words of four letters or more ("khai sinb"),
 * ranked exact > prefix > typo. It searches the names in both languages, the area's name, the
 * procedure code and the catalogue's keywords.
 */
public final class ProcedureSearch {
    private final TokenSearch<Procedure> search;

    public ProcedureSearch(List<Procedure> procedures, Map<String, Area> areas) {
        this.search = new TokenSearch<>(procedures, p -> List.of(p.name().vi(), p.name().en()), p -> {
            List<String> texts = new ArrayList<>();
            texts.add(p.code());
            texts.addAll(p.keywordList());
            Area a = areas.get(p.area());
            if (a != null) {
                texts.add(a.name().vi());
                texts.add(a.name().en());
            }
            return texts;
        });
    }

    /** Matching procedures, best first. */
    public List<Procedure> search(String query, int limit) {
        return search.search(query, limit).stream().map(TokenSearch.Hit::item).toList();
    }

    /** With the score and how weakly a word matched, for tests and for highlighting. */
    public List<TokenSearch.Hit<Procedure>> hits(String query, int limit) {
        return search.search(query, limit);
    }
}
