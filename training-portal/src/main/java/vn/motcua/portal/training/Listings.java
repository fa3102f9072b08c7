// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.Response;
import static vn.motcua.portal.training.Wire.hex;
import static vn.motcua.portal.training.Wire.sha256;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.portal.training.Api.Call;

/** GET /procedures and /agencies: the catalogue less what the trainer withdrew, with an ETag. */
final class Listings {
    private final Store store;
    private final Catalogue catalogue;
    private final Wire wire;

    Listings(Store store, Catalogue catalogue, Wire wire) {
        this.store = store;
        this.catalogue = catalogue;
        this.wire = wire;
    }

    Catalogue catalogue() {
        return catalogue;
    }

    Response procedures(Call c) throws IOException {
        return catalogueResponse(c, procedureList());
    }

    Response agencies(Call c) throws IOException {
        return catalogueResponse(c, agencyList());
    }

    private Map<String, Object> procedureList() {
        Set<String> withdrawn = withdrawn();
        List<JsonNode> list = new ArrayList<>();
        for (Catalogue.Procedure p : catalogue.procedures()) {
            if (!withdrawn.contains(p.id())) {
                com.fasterxml.jackson.databind.node.ObjectNode n = p.json().deepCopy();
                n.putNull("form");
                list.add(n);
            }
        }
        return Map.of("procedures", list);
    }

    private Map<String, Object> agencyList() {
        Set<String> withdrawn = withdrawn();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Catalogue.Agency a : catalogue.agencies()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.code());
            m.put("name", a.json().get("name"));
            if (a.json().hasNonNull("provinceCode")) {
                m.put("provinceCode", a.json().get("provinceCode").asText());
            }
            m.put("procedures", a.procedures().stream().filter(p -> !withdrawn.contains(p)).toList());
            list.add(m);
        }
        return Map.of("agencies", list);
    }

    Set<String> withdrawn() {
        Set<String> s = new java.util.HashSet<>();
        store.query("SELECT procedure_id FROM withdrawn").forEach(r -> s.add((String) r.get("procedure_id")));
        return s;
    }

    private Response catalogueResponse(Call c, Map<String, Object> content) throws IOException {
        byte[] bytes = wire.canonicalJson.writeValueAsBytes(content);
        String version = hex(sha256(bytes)).substring(0, 16);
        String etag = "\"" + version + "\"";
        String inm = c.header("If-None-Match");
        if (inm != null) {
            for (String candidate : inm.split(",")) {
                String t = candidate.trim();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals(etag) || t.equals("*")) {
                    return Http.empty(304).header("ETag", etag).header("Cache-Control", "no-cache");
                }
            }
        }
        Map<String, Object> withVersion = new LinkedHashMap<>();
        withVersion.put("version", version);
        withVersion.putAll(content);
        return wire.json(200, withVersion).header("ETag", etag).header("Cache-Control", "no-cache");
    }
}
