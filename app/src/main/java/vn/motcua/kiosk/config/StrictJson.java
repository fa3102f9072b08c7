package vn.motcua.kiosk.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import vn.motcua.kiosk.config.ConfigProblem.Expectation;

/**
 * Reads the data files of {@code kiosk-config/} with the same strictness as {@code kiosk.json}
 * (unknown keys, wrong types and trailing garbage refused, comments allowed) and turns Jackson's
 * errors into {@link DataProblem}s. The field a problem names is the {@code id} of the nearest
 * enclosing object that has one (a form field, a document), else the JSON path, so that a
 * technician can find it in a file of several hundred lines.
 */
public final class StrictJson {
    private static final ObjectMapper MAPPER = ConfigLoader.strictMapper()
            // A null inside a list (an area, a document, a field) is a mistake to name, not an element to crash on.
            .setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));

    private StrictJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads {@code fileName} from the source; {@code procedure} names the problems before the file's own id is known. */
    public static <T> T read(ConfigSource source, String fileName, Class<T> type, String procedure)
            throws DataException {
        String file = source.describe(fileName);
        JsonNode tree;
        try (InputStream in = source.open(fileName)) {
            tree = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "-" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new DataException(DataProblem.of(file, procedure, where, Expectation.VALID_JSON.messageKey(),
                    null, e.getOriginalMessage()));
        } catch (CharConversionException e) {
            // Bytes Jackson took for UTF-32 by their first bytes, then found broken: a text problem, not a missing file.
            throw new DataException(DataProblem.of(file, procedure, "-", Expectation.VALID_JSON.messageKey(),
                    null, e.getMessage()));
        } catch (IOException e) {
            throw new DataException(DataProblem.of(file, procedure, "-", Expectation.FILE_PRESENT.messageKey(),
                    null));
        }
        if (tree == null || !tree.isObject()) {
            throw new DataException(DataProblem.of(file, procedure, "-", Expectation.OBJECT.messageKey(),
                    tree == null ? "null" : tree.getNodeType().toString()));
        }
        if (tree.hasNonNull("id") && tree.get("id").isTextual()) {
            procedure = tree.get("id").asText();
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new DataException(fromJackson(file, procedure, tree, e));
        } catch (IllegalArgumentException e) {
            // A record's compact constructor refused a value.
            throw new DataException(DataProblem.of(file, procedure, "-", Expectation.VALID_JSON.messageKey(),
                    null, e.getMessage()));
        }
    }

    private static DataProblem fromJackson(String file, String procedure, JsonNode tree, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return DataProblem.of(file, procedure, "-", Expectation.VALID_JSON.messageKey(), null,
                    e.getOriginalMessage());
        }
        String path = mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        String field = nearestId(tree, mapping.getPath(), path);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return DataProblem.of(file, procedure, field, Expectation.KNOWN_KEY.messageKey(),
                    unknown.getPropertyName(), known);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            String found = e instanceof InvalidFormatException invalid ? String.valueOf(invalid.getValue())
                    : valueAt(tree, mapping.getPath());
            Expectation expected;
            String[] args = {};
            if (target.isEnum()) {
                expected = Expectation.ONE_OF;
                args = new String[] {Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "))};
            } else if (target == Integer.class || target == int.class || target == Long.class
                    || target == long.class || target == BigDecimal.class) {
                expected = Expectation.WHOLE_NUMBER;
            } else if (target == String.class || target == LocalDate.class || target == LocalTime.class) {
                expected = Expectation.TEXT;
            } else if (target == Boolean.class || target == boolean.class) {
                expected = Expectation.TRUE_OR_FALSE;
            } else {
                expected = Expectation.OBJECT;
            }
            return DataProblem.of(file, procedure, field, expected.messageKey(), found, args);
        }
        return DataProblem.of(file, procedure, field, Expectation.VALID_JSON.messageKey(), null,
                e.getOriginalMessage());
    }

    /** The id of the innermost object on the path that has one, with the rest of the path after it. */
    private static String nearestId(JsonNode tree, List<JsonMappingException.Reference> refs, String fullPath) {
        JsonNode node = tree;
        String id = null;
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < refs.size() && node != null; i++) {
            var r = refs.get(i);
            node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
            String step = r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]";
            if (node != null && node.isObject() && node.hasNonNull("id") && node.get("id").isTextual()
                    && i < refs.size() - 1) {
                id = node.get("id").asText();
                after.setLength(0);
            } else {
                after.append(step);
            }
        }
        if (id == null) {
            return fullPath.isEmpty() ? "-" : fullPath;
        }
        String rest = after.toString();
        return rest.isEmpty() ? id : id + " (" + (rest.startsWith(".") ? rest.substring(1) : rest) + ")";
    }

    private static String valueAt(JsonNode tree, List<JsonMappingException.Reference> refs) {
        JsonNode node = tree;
        for (var r : refs) {
            if (node == null) {
                return null;
            }
            node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
        }
        return node == null ? null : node.toString();
    }
}
