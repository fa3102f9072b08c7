// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.places;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.kiosk.places.Places.RawProvince;
import vn.motcua.kiosk.places.Places.RawWard;

/**
 * Reads the administrative-units file token by token, as strictly as the other data files (comments
 * allowed; unknown or repeated keys, wrong types and trailing garbage refused). Not Jackson's data
 * binding: on a cold JVM binding its 3,355 units cost about a fifth of the way to Welcome's first
 * frame, and streaming them about a quarter of that.
 */
final class AdminUnitsReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private AdminUnitsReader() {}

    /** The provinces with their wards; a {@link JsonParseException} (naming the place) when the file is not of this shape. */
    static List<RawProvince> read(InputStream in) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            expect(json, json.nextToken(), JsonToken.START_ARRAY);
            List<RawProvince> provinces = new ArrayList<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
                provinces.add(province(json));
            }
            if (json.nextToken() != null) {
                throw new JsonParseException(json, "trailing content after the list of provinces");
            }
            return provinces;
        }
    }

    private static RawProvince province(JsonParser json) throws IOException {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        String code = null, name = null, nameEn = null, fullName = null, fullNameEn = null, codeName = null;
        List<RawWard> wards = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            JsonToken value = json.nextToken();
            switch (key) {
                case "Code" -> code = text(json, value);
                case "Name" -> name = text(json, value);
                case "NameEn" -> nameEn = text(json, value);
                case "FullName" -> fullName = text(json, value);
                case "FullNameEn" -> fullNameEn = text(json, value);
                case "CodeName" -> codeName = text(json, value);
                case "Wards" -> wards = wards(json, value);
                default -> throw new JsonParseException(json, "unknown key \"" + key + "\" in a province");
            }
        }
        return new RawProvince(code, name, nameEn, fullName, fullNameEn, codeName, wards);
    }

    private static List<RawWard> wards(JsonParser json, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(json, value, JsonToken.START_ARRAY);
        List<RawWard> wards = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            expect(json, json.currentToken(), JsonToken.START_OBJECT);
            String code = null, name = null, nameEn = null, fullName = null, fullNameEn = null, codeName = null;
            String provinceCode = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                JsonToken v = json.nextToken();
                switch (key) {
                    case "Code" -> code = text(json, v);
                    case "Name" -> name = text(json, v);
                    case "NameEn" -> nameEn = text(json, v);
                    case "FullName" -> fullName = text(json, v);
                    case "FullNameEn" -> fullNameEn = text(json, v);
                    case "CodeName" -> codeName = text(json, v);
                    case "ProvinceCode" -> provinceCode = text(json, v);
                    default -> throw new JsonParseException(json, "unknown key \"" + key + "\" in a ward");
                }
            }
            wards.add(new RawWard(code, name, nameEn, fullName, fullNameEn, codeName, provinceCode));
        }
        return wards;
    }

    /** Text or null; a number or a list where text belongs is a mistake to report, not to convert. */
    private static String text(JsonParser json, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(json, value, JsonToken.VALUE_STRING);
        return json.getText();
    }

    private static void expect(JsonParser json, JsonToken actual, JsonToken wanted) throws JsonParseException {
        if (actual != wanted) {
            throw new JsonParseException(json, "expected " + describe(wanted) + ", found " + describe(actual));
        }
    }

    private static String describe(JsonToken token) {
        return token == null ? "the end of the file" : switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "text";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
