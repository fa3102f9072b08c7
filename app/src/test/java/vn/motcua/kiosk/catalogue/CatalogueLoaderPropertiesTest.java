package vn.motcua.kiosk.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.DataProblem;
import vn.motcua.kiosk.config.StrictJson;
import vn.motcua.kiosk.fees.FeeSchedule;
import vn.motcua.kiosk.form.Field;
import vn.motcua.kiosk.form.Section;
import vn.motcua.kiosk.i18n.Messages;

/**
 * Bad input for the procedure catalogue (issue 12): every file of {@code kiosk-config/catalogue/}
 * mangled as a tree (keys removed, values of every wrong type, nulls inside lists, huge numbers and
 * texts) and as bytes (cut, broken UTF-8, keys doubled). Either the catalogue loads and keeps its
 * promises, or {@link DataException} names each problem in words in both languages — never
 * another exception, so start-up shows the technician what to fix instead of crashing.
 */
class CatalogueLoaderPropertiesTest {
    private static final Map<String, byte[]> SHIPPED = shippedFiles();
    private static final List<String> FILES = List.copyOf(SHIPPED.keySet());
    private static final Messages VI = Messages.of(Locale.forLanguageTag("vi"));
    private static final Messages EN = Messages.of(Locale.ENGLISH);

    private static Map<String, byte[]> shippedFiles() {
        Path root = Fixtures.shippedFolder();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(root.resolve("catalogue"))) {
            for (Path p : all.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The catalogue from memory, with one file replaced: no disk per try. */
    static ConfigSource with(String file, byte[] bytes) {
        Map<String, byte[]> files = new LinkedHashMap<>(SHIPPED);
        files.put(file, bytes);
        return new ConfigSource() {
            @Override
            public InputStream open(String fileName) throws IOException {
                byte[] b = files.get(fileName);
                if (b == null) {
                    throw new NoSuchFileException(fileName);
                }
                return new ByteArrayInputStream(b);
            }

            @Override
            public String describe(String fileName) {
                return "memory/" + fileName;
            }
        };
    }

    /** The property of every load: a catalogue that keeps its promises, or every problem in words. */
    private static Catalogue loadsOrSaysWhy(String file, byte[] bytes) {
        Catalogue c;
        try {
            c = new CatalogueLoader().load(with(file, bytes));
        } catch (DataException e) {
            assertThat(e.problems()).isNotEmpty();
            for (DataProblem p : e.problems()) {
                assertThat(p.file()).startsWith("memory/catalogue/");
                for (Messages m : List.of(VI, EN)) {
                    assertThat(m.has(p.messageKey())).as(p.messageKey()).isTrue();
                    assertThat(p.args().size()).as("arguments for every placeholder of " + p.messageKey())
                            .isGreaterThanOrEqualTo(placeholders(m.get(p.messageKey())));
                    assertThat(CatalogueCheck.describe(m, p)).isNotBlank().hasSizeLessThan(2000);
                }
            }
            return null;
        }
        keepsItsPromises(c);
        return c;
    }

    private static void keepsItsPromises(Catalogue c) {
        assertThat(c.areas()).isNotEmpty().allSatisfy(a -> assertThat(a.id()).matches("[a-z0-9]+(-[a-z0-9]+)*"));
        assertThat(c.procedures()).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (Procedure p : c.procedures()) {
            assertThat(p.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(ids.add(p.id())).as("unique id " + p.id()).isTrue();
            assertThat(c.area(p.area())).as(p.id() + " area").isPresent();
            assertThat(p.code()).isNotBlank();
            assertThat(p.name().vi()).isNotBlank();
            assertThat(p.name().en()).isNotBlank();
            assertThat(p.level()).isNotNull();
            assertThat(p.signature()).isNotNull();
            assertThat(p.agencyList()).isNotEmpty().allSatisfy(a -> assertThat(a).isNotNull());
            assertThat(p.documentList()).isNotEmpty().allSatisfy(d -> {
                assertThat(d).isNotNull();
                assertThat(d.id()).isNotBlank();
                assertThat(d.name().vi()).isNotBlank();
            });
            assertThat(p.handlingTime().kind()).isNotNull();
            FeeSchedule fee = p.fee();
            assertThat(fee).isNotNull();
            assertThat(fee.baseAmount()).isBetween(0L, FeeSchedule.MAX_AMOUNT);
            assertThat(fee.perCopy()).isBetween(0L, FeeSchedule.MAX_AMOUNT);
            assertThat(fee.included()).isNotNegative();
            fee.reductionList().forEach(r -> assertThat(r.base()).isBetween(0L, fee.baseAmount()));
            assertThat(p.form().sectionList()).isNotEmpty();
            for (Section s : p.form().sectionList()) {
                assertThat(s).isNotNull();
                assertThat(s.use()).isNull();
                for (Field f : s.fieldList()) {
                    assertThat(f).isNotNull();
                    assertThat(f.type()).isNotNull();
                }
            }
            p.keywordList().forEach(k -> assertThat(k).isNotNull());
            if (p.bundle() != null) {
                assertThat(p.bundle().memberList()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(m -> assertThat(m).isNotNull());
            }
        }
        // What the procedure screen does first with a catalogue.
        assertThat(c.search().search("ly lich", 10)).isNotNull();
        c.areas().forEach(a -> assertThat(c.inArea(a.id())).isNotNull());
    }

    /** How many arguments a message pattern takes: its highest {n} plus one. */
    static int placeholders(String pattern) {
        var m = java.util.regex.Pattern.compile("\\{([0-9]+)").matcher(pattern);
        int n = 0;
        while (m.find()) {
            n = Math.max(n, Integer.parseInt(m.group(1)) + 1);
        }
        return n;
    }

    // --- (a) anything at all in place of a file ---

    @Property(tries = 300)
    void anyBytesInAnyFileLoadOrAreRefusedInWords(@ForAll("files") String file, @ForAll @Size(max = 2000) byte[] bytes) {
        loadsOrSaysWhy(file, bytes);
    }

    @Property(tries = 300)
    void anyJsonValueAsAFileLoadsOrIsRefusedInWords(@ForAll("files") String file, @ForAll("jsonValues") JsonNode value) {
        loadsOrSaysWhy(file, value.toString().getBytes(StandardCharsets.UTF_8));
    }

    // --- (b) the shipped files mangled ---

    @Property(tries = 1000)
    void aMangledTreeLoadsOrIsRefusedInWords(@ForAll("mangledTrees") Mangled m) {
        loadsOrSaysWhy(m.file(), m.bytes());
    }

    @Property(tries = 500)
    void aMangledTextLoadsOrIsRefusedInWords(@ForAll("files") String file, @ForAll("seeds") int seed,
                                            @ForAll("cuts") int how) {
        byte[] b = SHIPPED.get(file).clone();
        int at = seed % b.length;
        byte[] changed = switch (how) {
            case 0 -> java.util.Arrays.copyOf(b, at);
            case 1 -> {
                b[at] ^= (byte) (1 << (seed % 8));
                yield b;
            }
            case 2 -> insert(b, at, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
            case 3 -> insert(b, at, new byte[] {0});
            default -> insert(b, at, ("\"" + "ấ".repeat(20_000) + "\"").getBytes(StandardCharsets.UTF_8));
        };
        loadsOrSaysWhy(file, changed);
    }

    // --- (c) valid catalogues still load ---

    @Property(tries = 100)
    void theShippedFilesReformattedLoadTheSame(@ForAll("files") String file, @ForAll("layouts") int layout) throws Exception {
        JsonNode tree = StrictJson.mapper().readTree(SHIPPED.get(file));
        String text = layout == 0 ? tree.toString() : "// reformatted\n" + StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        Catalogue c = new CatalogueLoader().load(with(file, text.getBytes(StandardCharsets.UTF_8)));
        keepsItsPromises(c);
        assertThat(c.procedures()).extracting(Procedure::id)
                .containsExactlyElementsOf(Fixtures.shipped().catalogue().procedures().stream().map(Procedure::id).toList());
    }

    @Property(tries = 200)
    void feesWithinTheLimitLoad(@ForAll("amounts") long base, @ForAll("amounts") long perCopy) throws Exception {
        ObjectNode tree = (ObjectNode) StrictJson.mapper().readTree(SHIPPED.get("catalogue/trich-luc-ho-tich.json"));
        ((ObjectNode) tree.get("fee")).put("base", base).put("perExtraCopy", perCopy);
        ((ObjectNode) tree.get("fee")).remove("reductions");
        Catalogue c = new CatalogueLoader().load(with("catalogue/trich-luc-ho-tich.json", tree.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(c.procedure("trich-luc-ho-tich").orElseThrow().fee().baseAmount()).isEqualTo(base);
    }

    // --- defects found by the properties, pinned ---

    @Example
    void aNullInsideAListIsRefusedNotACrash() throws Exception {
        // A null area, document, agency, section, field, exemption or bundle member was a NullPointerException at start-up.
        for (String[] c : new String[][] {{"catalogue/index.json", "/areas"}, {"catalogue/khai-tu.json", "/documents"},
                {"catalogue/khai-tu.json", "/receivingAgencies"}, {"catalogue/khai-tu.json", "/form/sections"},
                {"catalogue/sections/death.json", "/sections/0/fields"}, {"catalogue/lien-thong-khai-tu.json", "/bundle/members"},
                {"catalogue/sections/lltp.json", "/sections"}, {"catalogue/trich-luc-ho-tich.json", "/fee/exemptions"},
                {"catalogue/index.json", "/procedures"}}) {
            ObjectNode tree = (ObjectNode) StrictJson.mapper().readTree(SHIPPED.get(c[0]));
            ((ArrayNode) tree.at(c[1])).addNull();
            assertThat(loadsOrSaysWhy(c[0], tree.toString().getBytes(StandardCharsets.UTF_8))).as(c[0] + c[1]).isNull();
        }
    }

    @Example
    void aFeeBeyondWhatAQrCanCarryIsRefused() throws Exception {
        // 9,223,372,036,854,775,807 VND per copy loaded: no QR can carry it, and base + copies × it overflows a long.
        ObjectNode tree = (ObjectNode) StrictJson.mapper().readTree(SHIPPED.get("catalogue/trich-luc-ho-tich.json"));
        ((ObjectNode) tree.get("fee")).put("perExtraCopy", Long.MAX_VALUE);
        assertThat(loadsOrSaysWhy("catalogue/trich-luc-ho-tich.json", tree.toString().getBytes(StandardCharsets.UTF_8))).isNull();
        ((ObjectNode) tree.get("fee")).put("perExtraCopy", FeeSchedule.MAX_AMOUNT + 1);
        assertThat(loadsOrSaysWhy("catalogue/trich-luc-ho-tich.json", tree.toString().getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Example
    void aFieldWithoutIdTypeOrChoiceValueIsRefusedNotACrash() throws Exception {
        // Conditions (a document's requiredIf) look fields up while the form's own check has only noted these:
        // a field without "id" (FormDefinition.field), without "type" (the switch on it) or a choice without
        // "value" (Field.hasChoice) was a NullPointerException at start-up.
        for (String[] c : new String[][] {{"applicant.name", "id"}, {"applicant.relation", "type"}}) {
            ObjectNode tree = (ObjectNode) StrictJson.mapper().readTree(SHIPPED.get("catalogue/sections/death.json"));
            field(tree, c[0]).remove(c[1]);
            assertThat(loadsOrSaysWhy("catalogue/sections/death.json", tree.toString().getBytes(StandardCharsets.UTF_8)))
                    .as(c[0] + " without " + c[1]).isNull();
        }
        ObjectNode tree = (ObjectNode) StrictJson.mapper().readTree(SHIPPED.get("catalogue/sections/death.json"));
        ((ObjectNode) field(tree, "applicant.relation").get("choices").get(0)).remove("value");
        assertThat(loadsOrSaysWhy("catalogue/sections/death.json", tree.toString().getBytes(StandardCharsets.UTF_8))).isNull();
    }

    private static ObjectNode field(ObjectNode sections, String id) {
        for (JsonNode s : sections.get("sections")) {
            for (JsonNode f : s.get("fields")) {
                if (id.equals(f.path("id").asText())) {
                    return (ObjectNode) f;
                }
            }
        }
        throw new AssertionError(id);
    }

    @Example
    void aHugeIdIsShownShortened() throws Exception {
        // A 100,000-character id was repeated whole in each problem and in the list of known ids.
        ObjectNode tree = (ObjectNode) StrictJson.mapper().readTree(SHIPPED.get("catalogue/khai-tu.json"));
        tree.put("id", "x".repeat(100_000));
        try {
            new CatalogueLoader().load(with("catalogue/khai-tu.json", tree.toString().getBytes(StandardCharsets.UTF_8)));
            throw new AssertionError("loaded");
        } catch (DataException e) {
            assertThat(e.problems()).allSatisfy(p -> {
                assertThat(p.procedure()).hasSizeLessThan(300);
                assertThat(p.found() == null ? "" : p.found()).hasSizeLessThan(300);
                p.args().forEach(a -> assertThat(a).hasSizeLessThan(700));
            });
        }
    }

    @Example
    void aKeyWrittenTwiceInACatalogueFileIsRefused() {
        String text = new String(SHIPPED.get("catalogue/khai-tu.json"), StandardCharsets.UTF_8)
                .replace("\"area\": \"ho-tich\",", "\"area\": \"ho-tich\",\n  \"area\": \"tu-phap\",");
        assertThat(loadsOrSaysWhy("catalogue/khai-tu.json", text.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Example
    void theShippedCatalogueLoads() {
        assertThat(loadsOrSaysWhy("catalogue/index.json", SHIPPED.get("catalogue/index.json"))).isNotNull();
    }

    // --- generators ---

    record Mangled(String file, byte[] bytes) {
        @Override
        public String toString() {
            return file + ": " + new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8) + "…";
        }
    }

    private static byte[] insert(byte[] b, int at, byte[] j) {
        byte[] c = new byte[b.length + j.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(j, 0, c, at, j.length);
        System.arraycopy(b, at, c, at + j.length, b.length - at);
        return c;
    }

    @Provide
    Arbitrary<String> files() {
        return Arbitraries.of(FILES);
    }

    @Provide
    Arbitrary<Integer> seeds() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 4);
    }

    @Provide
    Arbitrary<Integer> layouts() {
        return Arbitraries.integers().between(0, 1);
    }

    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, FeeSchedule.MAX_AMOUNT), Arbitraries.of(0L, FeeSchedule.MAX_AMOUNT));
    }

    /** A file, a path in it, what to do there and a value: done to the shipped tree. */
    @Provide
    Arbitrary<Mangled> mangledTrees() {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (String f : FILES) {
            List<String> all = new ArrayList<>();
            collect(tree(f), "", all);
            paths.put(f, all);
        }
        return Arbitraries.of(FILES).flatMap(f -> Combinators.combine(Arbitraries.of(paths.get(f)),
                        Arbitraries.of(TreeMangle.values()), jsonValues())
                .as((path, mangle, value) -> {
                    ObjectNode tree = tree(f);
                    mangle.apply(tree, path, value);
                    return new Mangled(f, tree.toString().getBytes(StandardCharsets.UTF_8));
                }));
    }

    private static ObjectNode tree(String file) {
        try {
            return (ObjectNode) StrictJson.mapper().readTree(SHIPPED.get(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        out.add(path);
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                collect(node.get(f), path + "/" + f.replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, out);
            }
        }
    }

    @Provide
    Arbitrary<JsonNode> jsonValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.just(f.nullNode()),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.integers().map(f::numberNode),
                Arbitraries.of(-1L, 0L, 1L, 366L, Long.MAX_VALUE, Long.MIN_VALUE, 10_000_000_000_000L).map(f::numberNode),
                Arbitraries.doubles().map(f::numberNode),
                Arbitraries.of(new BigInteger("9".repeat(40)), new BigInteger("-" + "9".repeat(40))).map(f::numberNode),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-0.5")).map(f::numberNode),
                Arbitraries.strings().all().ofMaxLength(20).map(f::textNode),
                Arbitraries.of("", " ", "full", "partial", "sameDay", "workingDays", "unknown", "number", "multiChoice",
                        "text", "date", "ho-tich", "tu-phap", "khai-tu", "khai-sinh", "lltp", "fullName", "applicant",
                        "15:00", "25:00", "2026-02-30", "../kiosk.json", "/etc/passwd", "a.json", "\u0000", "\uD800",
                        "{0}").map(f::textNode),
                Arbitraries.integers().between(1000, 100_000).map(n -> f.textNode("x".repeat(n))));
        return Arbitraries.oneOf(scalars, scalars, scalars.list().ofMaxSize(3).map(l -> {
            ArrayNode a = f.arrayNode();
            l.forEach(a::add);
            return a;
        }), scalars.map(v -> {
            ObjectNode o = f.objectNode();
            o.set("id", v);
            return o;
        }), Arbitraries.integers().between(1, 900).map(depth -> {
            JsonNode n = f.arrayNode();
            for (int i = 0; i < depth; i++) {
                n = f.arrayNode().add(n);
            }
            return n;
        }));
    }

    enum TreeMangle {
        REMOVE, SET, ADD_NULL_TO_LIST, DUPLICATE_IN_LIST, WRAP_IN_ARRAY, ADD_UNKNOWN_KEY;

        void apply(ObjectNode root, String path, JsonNode value) {
            JsonNode target = root.at(path);
            if (this == ADD_NULL_TO_LIST && target instanceof ArrayNode a) {
                a.insertNull(Math.floorMod(value.hashCode(), a.size() + 1));
                return;
            }
            if (this == DUPLICATE_IN_LIST && target instanceof ArrayNode a && !a.isEmpty()) {
                a.add(a.get(Math.floorMod(value.hashCode(), a.size())).deepCopy());
                return;
            }
            if (this == ADD_UNKNOWN_KEY && target instanceof ObjectNode o) {
                o.set("surplus", value);
                return;
            }
            if (path.isEmpty()) {
                if (this == REMOVE) {
                    root.removeAll();
                }
                return;
            }
            int cut = path.lastIndexOf('/');
            JsonNode parent = root.at(path.substring(0, cut));
            String last = path.substring(cut + 1).replace("~1", "/").replace("~0", "~");
            if (parent instanceof ObjectNode o) {
                switch (this) {
                    case REMOVE -> o.remove(last);
                    case WRAP_IN_ARRAY -> o.set(last, JsonNodeFactory.instance.arrayNode().add(o.get(last)));
                    default -> o.set(last, value);
                }
            } else if (parent instanceof ArrayNode a) {
                int i = Integer.parseInt(last);
                switch (this) {
                    case REMOVE -> a.remove(i);
                    case WRAP_IN_ARRAY -> a.set(i, JsonNodeFactory.instance.arrayNode().add(a.get(i)));
                    default -> a.set(i, value);
                }
            }
        }
    }
}
