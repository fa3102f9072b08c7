package vn.motcua.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.staff.PinHash;

/**
 * Bad input for {@code kiosk.json} (issue 12): arbitrary bytes, the shipped file mangled as a tree
 * (keys removed, values of every wrong type, huge numbers and texts) and as text (cut, keys doubled,
 * control characters, broken UTF-8, other encodings). Each either loads to a configuration the
 * kiosk can start with, or is refused with {@link ConfigException} whose problems read as sentences
 * in both languages — never another exception.
 */
class ConfigLoaderPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SHIPPED = shipped();
    private static final Messages VI = Messages.of(Locale.forLanguageTag("vi"));
    private static final Messages EN = Messages.of(Locale.ENGLISH);
    /** A sentence on the error page: a 200,000-character value echoed whole would bury what to fix. */
    static final int MAX_SENTENCE = 1500;

    private final ConfigLoader loader = new ConfigLoader();

    private static byte[] shipped() {
        try (InputStream in = ConfigSource.embedded().open(ConfigLoader.FILE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kiosk.json from memory: no disk per try. */
    static ConfigSource holding(byte[] bytes) {
        return new ConfigSource() {
            @Override
            public InputStream open(String fileName) throws IOException {
                if (!fileName.equals(ConfigLoader.FILE)) {
                    throw new NoSuchFileException(fileName);
                }
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public String describe(String fileName) {
                return "memory/" + fileName;
            }
        };
    }

    /** The property of every load: a configuration that keeps its promises, or problems in words. */
    private KioskConfig loadsOrSaysWhy(byte[] bytes) {
        KioskConfig c;
        try {
            c = loader.load(holding(bytes));
        } catch (ConfigException e) {
            assertThat(e.problems()).isNotEmpty();
            for (ConfigProblem p : e.problems()) {
                assertThat(p.file()).isEqualTo("memory/kiosk.json");
                assertThat(p.key()).isNotBlank();
                assertThat(p.expected()).isNotNull();
                for (Messages m : List.of(VI, EN)) {
                    assertThat(m.has(p.expected().messageKey())).as(p.expected().messageKey()).isTrue();
                    assertThat(p.args().size()).as("arguments for every placeholder of " + p.expected())
                            .isGreaterThanOrEqualTo(placeholders(m.get(p.expected().messageKey())));
                    assertThat(m.describe(p)).isNotBlank().hasSizeLessThan(MAX_SENTENCE);
                }
            }
            return null;
        }
        keepsItsPromises(c);
        return c;
    }

    private static void keepsItsPromises(KioskConfig c) {
        assertThat(c.kioskId()).isNotBlank();
        assertThat(c.agency().code()).isNotBlank();
        assertThat(c.agency().provinceCode()).matches("[0-9]{2}");
        assertThat(c.mode()).isNotNull();
        assertThat(c.language()).isNotNull();
        assertThat(c.portal().secretFile()).isNotBlank();
        if (!c.portal().embeddedTraining()) {
            assertThat(c.portal().url().getScheme()).isIn("http", "https");
            assertThat(c.portal().url().getHost()).isNotNull();
        } else {
            assertThat(c.training()).isTrue();
        }
        assertThat(c.timeouts().inactivityWarningSeconds()).isBetween(10, 3600);
        assertThat(c.timeouts().inactivityEndSeconds()).isBetween(15, 7200).isGreaterThan(c.timeouts().inactivityWarningSeconds());
        assertThat(c.devices().scanner()).isNotBlank();
        assertThat(c.devices().printer()).isNotBlank();
        assertThat(c.devices().receiptPaper()).isNotNull();
        assertThat(c.devices().idCardReader().type()).isNotNull();
        // Start-up builds the staff gate from the hash: what passed the check must be usable.
        assertThat(PinHash.parse(c.staff().pinHash())).isNotNull();
        assertThat(c.signing().shuffledPinPad()).isNotNull();
        assertThat(c.signing().resultSigners()).isNotEmpty().allSatisfy(f -> assertThat(f).isNotBlank());
        assertThat(c.keyboard().tonePlacement()).isNotNull();
        assertThat(c.privacy().interruptedDraftMinutes()).isBetween(0, 240);
        assertThat(c.privacy().parkedDraftDays()).isBetween(1, 90);
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

    // --- (a) anything at all ---

    @Property(tries = 1000)
    void anyBytesLoadOrAreRefusedInWords(@ForAll @Size(max = 2000) byte[] bytes) {
        loadsOrSaysWhy(bytes);
    }

    @Property(tries = 1000)
    void anyTextLoadsOrIsRefusedInWords(@ForAll @Size(max = 2000) String text) {
        loadsOrSaysWhy(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void anyJsonValueLoadsOrIsRefusedInWords(@ForAll("jsonValues") JsonNode value) {
        loadsOrSaysWhy(value.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void deepNestingIsRefusedNotAStackOverflow(@ForAll("depths") int depth, @ForAll("openers") String opener) {
        String deep = opener.repeat(depth) + "1";
        loadsOrSaysWhy(deep.getBytes(StandardCharsets.UTF_8));
        String inside = new String(SHIPPED, StandardCharsets.UTF_8).replace("\"scanner\": \"auto\"", "\"scanner\": " + deep);
        loadsOrSaysWhy(inside.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(500, 20_000);
    }

    @Provide
    Arbitrary<String> openers() {
        return Arbitraries.of("[", "{\"a\":", "[{\"x\":[");
    }

    // --- (b) the shipped file mangled ---

    @Property(tries = 1000)
    void aMangledTreeLoadsOrIsRefusedInWords(@ForAll("paths") String path, @ForAll("treeMangles") TreeMangle mangle,
                                            @ForAll("jsonValues") JsonNode value) {
        ObjectNode tree = shippedTree();
        mangle.apply(tree, path, value);
        loadsOrSaysWhy(tree.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void aMangledTextLoadsOrIsRefusedInWords(@ForAll("textMangles") List<TextMangle> mangles,
                                            @ForAll("seeds") int seed) {
        byte[] b = SHIPPED;
        int k = seed;
        for (TextMangle m : mangles) {
            b = m.apply(b, k);
            k = k / 3 + 13;
        }
        loadsOrSaysWhy(b);
    }

    @Property(tries = 300)
    void aDoubledKeyIsRefused(@ForAll("leafLines") int line) {
        String text = new String(SHIPPED, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        String doubled = lines.get(line).strip();
        String copy = doubled.endsWith(",") ? doubled : doubled + ",";
        lines.add(line, copy);
        assertThat(loadsOrSaysWhy(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)))
                .as("a key written twice (" + doubled + ") is a mistake to report, not a value to pick").isNull();
    }

    // --- (c) valid files still load ---

    @Property(tries = 500)
    void validValuesInAnyLayoutLoad(@ForAll("warnings") int warn, @ForAll("extraSeconds") int extra,
                                    @ForAll("minutes") int minutes, @ForAll("days") int days,
                                    @ForAll("layouts") int layout) throws Exception {
        ObjectNode tree = shippedTree();
        int end = Math.max(15, Math.min(7200, warn + extra));
        ((ObjectNode) tree.get("timeouts")).put("inactivityWarningSeconds", warn).put("inactivityEndSeconds", end);
        ((ObjectNode) tree.get("privacy")).put("interruptedDraftMinutes", minutes).put("parkedDraftDays", days);
        String text = switch (layout) {
            case 0 -> tree.toString();
            case 1 -> JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            default -> "/* kiosk */\n" + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree).replace(",\n", ", // ok\n");
        };
        KioskConfig c = loader.load(holding(text.getBytes(StandardCharsets.UTF_8)));
        keepsItsPromises(c);
        assertThat(c.timeouts().inactivityWarningSeconds()).isEqualTo(warn);
        assertThat(c.privacy().parkedDraftDays()).isEqualTo(days);
    }

    // --- defects found by the properties, pinned ---

    @Example
    void aKeyWrittenTwiceIsRefusedNamingWhere() {
        // The second value silently won: a technician who fixed the first saw no change.
        String text = new String(SHIPPED, StandardCharsets.UTF_8).replace("\"mode\": \"training\",",
                "\"mode\": \"training\",\n  \"mode\": \"production\",");
        ConfigException e = refused(text.getBytes(StandardCharsets.UTF_8));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.expected()).isEqualTo(ConfigProblem.Expectation.VALID_JSON);
            assertThat(p.key()).startsWith("line ");
            assertThat(p.args()).anySatisfy(a -> assertThat(a).contains("mode"));
        });
    }

    @Example
    void brokenJsonSaysWhatTheParserSawInTheSentence() {
        // The parser's words went to "found" and the sentence kept a bare "({0})".
        ConfigException e = refused("{\"kioskId\": }".getBytes(StandardCharsets.UTF_8));
        assertThat(VI.describe(e.problems().get(0))).doesNotContain("{0}").contains("JSON hợp lệ (Unexpected character");
        assertThat(EN.describe(e.problems().get(0))).doesNotContain("{0}").contains("valid JSON (Unexpected character");
    }

    @Example
    void aHugeWrongValueIsShownShortened() {
        // A 100,000-character value was echoed whole into the sentence on the error page.
        ObjectNode tree = shippedTree();
        ((ObjectNode) tree.get("agency")).put("provinceCode", "5".repeat(100_000));
        ((ObjectNode) tree.get("portal")).put("url", "http://" + "x".repeat(100_000));
        ConfigException e = refused(tree.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(e.problems()).extracting(ConfigProblem::expected)
                .containsExactlyInAnyOrder(ConfigProblem.Expectation.PROVINCE_CODE, ConfigProblem.Expectation.HTTPS_OR_LOOPBACK);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.found()).hasSizeLessThan(300).endsWith("…"));
    }

    @Example
    void aPinHashThatIsNoBase64IsRefusedAtLoadNotAtStart() {
        // "A" matched the pattern, so the check passed and start-up failed decoding it.
        for (String bad : List.of("pbkdf2-sha256:600000:A:J2ArxKxPOt02dRyseIZahY5qro49vFNezaeWUqEXH1E=",
                "pbkdf2-sha256:600000:xY17zpmVb1gpmDYk3MOEHA==:AAAAA",
                "pbkdf2-sha256:600000:xY17zpmVb1gpmDYk3MOEHA==:AAAA",
                "pbkdf2-sha256:999999999:xY17zpmVb1gpmDYk3MOEHA==:J2ArxKxPOt02dRyseIZahY5qro49vFNezaeWUqEXH1E=")) {
            String text = new String(SHIPPED, StandardCharsets.UTF_8).replaceFirst("pbkdf2-sha256:[^\"]+", bad);
            assertThat(refused(text.getBytes(StandardCharsets.UTF_8)).problems()).as(bad)
                    .extracting(ConfigProblem::expected).containsExactly(ConfigProblem.Expectation.PIN_HASH);
        }
    }

    @Example
    void anotherEncodingIsRefusedAsJsonNotAsAMissingFile() {
        // Jackson reads UTF-16/32 by their first bytes; broken UTF-32 came out as an IOException, shown as "file missing".
        for (Charset cs : List.of(Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE"))) {
            byte[] b = new String(SHIPPED, StandardCharsets.UTF_8).getBytes(cs);
            byte[] cut = java.util.Arrays.copyOf(b, b.length - 2);
            assertThat(refused(cut).problems()).as(cs.name())
                    .extracting(ConfigProblem::expected).containsExactly(ConfigProblem.Expectation.VALID_JSON);
        }
        assertThat(refused(new byte[] {0, 0, 0, '{', (byte) 0xD8, 0, 0, 0}).problems())
                .extracting(ConfigProblem::expected).containsExactly(ConfigProblem.Expectation.VALID_JSON);
    }

    private ConfigException refused(byte[] bytes) {
        try {
            loader.load(holding(bytes));
        } catch (ConfigException e) {
            loadsOrSaysWhy(bytes);
            return e;
        }
        throw new AssertionError("loaded");
    }

    @Example
    void theShippedFileLoads() throws Exception {
        keepsItsPromises(loader.load(holding(SHIPPED)));
    }

    // --- generators ---

    static ObjectNode shippedTree() {
        try {
            return (ObjectNode) ConfigLoader.strictMapper().readTree(SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path of the shipped tree, "a/b/0" style, the root as "". */
    @Provide
    Arbitrary<String> paths() {
        List<String> all = new ArrayList<>();
        collect(shippedTree(), "", all);
        return Arbitraries.of(all);
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        out.add(path);
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                collect(node.get(f), path.isEmpty() ? f : path + "/" + f, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, out);
            }
        }
    }

    @Provide
    Arbitrary<TreeMangle> treeMangles() {
        return Arbitraries.of(TreeMangle.values());
    }

    @Provide
    Arbitrary<List<TextMangle>> textMangles() {
        return Arbitraries.of(TextMangle.values()).list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<Integer> seeds() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<Integer> leafLines() {
        List<String> lines = new String(SHIPPED, StandardCharsets.UTF_8).lines().toList();
        List<Integer> leaves = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("\"") && l.contains(":") && !l.endsWith("{") && !l.endsWith("[")) {
                leaves.add(i);
            }
        }
        return Arbitraries.of(leaves);
    }

    @Provide
    Arbitrary<Integer> warnings() {
        return Arbitraries.integers().between(10, 3600);
    }

    @Provide
    Arbitrary<Integer> extraSeconds() {
        return Arbitraries.integers().between(1, 7200);
    }

    @Provide
    Arbitrary<Integer> minutes() {
        return Arbitraries.integers().between(0, 240);
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(1, 90);
    }

    @Provide
    Arbitrary<Integer> layouts() {
        return Arbitraries.integers().between(0, 2);
    }

    /** JSON values of every type, including the extreme ones. */
    @Provide
    Arbitrary<JsonNode> jsonValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.just(f.nullNode()),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.integers().map(f::numberNode),
                Arbitraries.longs().map(f::numberNode),
                Arbitraries.of(-1, 0, 9, 10, 14, 15, 3600, 3601, 7200, 7201, Integer.MAX_VALUE, Integer.MIN_VALUE).map(f::numberNode),
                Arbitraries.doubles().map(f::numberNode),
                Arbitraries.of(new java.math.BigInteger("9".repeat(40)), new java.math.BigInteger("-" + "9".repeat(40))).map(f::numberNode),
                Arbitraries.of(new java.math.BigDecimal("1e400"), new java.math.BigDecimal("-0.5"), new java.math.BigDecimal("90.0")).map(f::numberNode),
                Arbitraries.strings().all().ofMaxLength(30).map(f::textNode),
                Arbitraries.of("", " ", "90", "true", "null", "training", "production", "vi", "en", "keyboard", "serial",
                        "a5", "auto", "embedded:training", "http://", "https://x", "http://10.0.0.1/api", "file:///etc/passwd",
                        "https://[::1", "http://localhost:8080", "pbkdf2-sha256:1000:A:A", "56", "5", "056", "\u0000",
                        "\uD800", "result-signers/training-ca.pem").map(f::textNode),
                Arbitraries.integers().between(1000, 200_000).map(n -> f.textNode("x".repeat(n))));
        return Arbitraries.oneOf(scalars, scalars.list().ofMaxSize(4).map(l -> {
            ArrayNode a = f.arrayNode();
            l.forEach(a::add);
            return a;
        }), scalars.map(v -> {
            ObjectNode o = f.objectNode();
            o.set("x", v);
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
        REMOVE, SET, ADD_UNKNOWN_KEY, WRAP_IN_ARRAY;

        void apply(ObjectNode root, String path, JsonNode value) {
            if (path.isEmpty()) {
                if (this == ADD_UNKNOWN_KEY || this == SET) {
                    root.set("unknownKey", value);
                } else {
                    root.removeAll();
                }
                return;
            }
            int cut = path.lastIndexOf('/');
            JsonNode parent = cut < 0 ? root : root.at("/" + path.substring(0, cut));
            String last = path.substring(cut + 1);
            if (parent instanceof ObjectNode o) {
                switch (this) {
                    case REMOVE -> o.remove(last);
                    case SET -> o.set(last, value);
                    case ADD_UNKNOWN_KEY -> {
                        if (o.get(last) instanceof ObjectNode child) {
                            child.set("surplus", value);
                        } else {
                            o.set(last + "X", value);
                        }
                    }
                    case WRAP_IN_ARRAY -> o.set(last, JsonNodeFactory.instance.arrayNode().add(o.get(last)));
                }
            } else if (parent instanceof ArrayNode a) {
                int i = Integer.parseInt(last);
                switch (this) {
                    case REMOVE -> a.remove(i);
                    case SET -> a.set(i, value);
                    case ADD_UNKNOWN_KEY -> a.add(value);
                    case WRAP_IN_ARRAY -> a.set(i, JsonNodeFactory.instance.arrayNode().add(a.get(i)));
                }
            }
        }
    }

    enum TextMangle {
        TRUNCATE {
            byte[] apply(byte[] b, int k) {
                return java.util.Arrays.copyOf(b, k % (b.length + 1));
            }
        },
        FLIP_BIT {
            byte[] apply(byte[] b, int k) {
                byte[] c = b.clone();
                if (c.length > 0) {
                    c[k % c.length] ^= (byte) (1 << (k % 8));
                }
                return c;
            }
        },
        INSERT_BYTES {
            byte[] apply(byte[] b, int k) {
                byte[][] junk = {{0}, {0x07}, {(byte) 0xC3}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {'"'}, {','}, {'}'}, {'/', '*'}, {'\\'}, {'\n'}};
                byte[] j = junk[k % junk.length];
                int at = k % (b.length + 1);
                byte[] c = new byte[b.length + j.length];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(j, 0, c, at, j.length);
                System.arraycopy(b, at, c, at + j.length, b.length - at);
                return c;
            }
        },
        DELETE_RANGE {
            byte[] apply(byte[] b, int k) {
                if (b.length == 0) {
                    return b;
                }
                int at = k % b.length;
                int n = Math.min(b.length - at, 1 + k % 40);
                byte[] c = new byte[b.length - n];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + n, c, at, b.length - at - n);
                return c;
            }
        },
        OTHER_ENCODING {
            byte[] apply(byte[] b, int k) {
                String[] names = {"UTF-16BE", "UTF-16LE", "UTF-16", "UTF-32BE", "UTF-32LE", "windows-1258", "ISO-8859-1"};
                return new String(b, StandardCharsets.UTF_8).getBytes(Charset.forName(names[k % names.length]));
            }
        },
        HUGE_VALUE {
            byte[] apply(byte[] b, int k) {
                String s = new String(b, StandardCharsets.UTF_8);
                String huge = k % 2 == 0 ? "9".repeat(500 + k % 5000) : "\"" + "á".repeat(1000 + k % 100_000) + "\"";
                return s.replaceFirst("\\b90\\b|\"auto\"", huge).getBytes(StandardCharsets.UTF_8);
            }
        };

        abstract byte[] apply(byte[] b, int k);
    }

    @Example
    void theGeneratorsReachTheLoaderPastTheJsonCheck() {
        // A tree with a changed value must reach the validator (else the properties test nothing past parsing).
        ObjectNode tree = shippedTree();
        ((ObjectNode) tree.get("timeouts")).put("inactivityWarningSeconds", 5);
        assertThat(refused(tree.toString().getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(ConfigProblem::expected).containsExactly(ConfigProblem.Expectation.RANGE);
    }
}
