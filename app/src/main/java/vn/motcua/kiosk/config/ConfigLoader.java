package vn.motcua.kiosk.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.kiosk.config.ConfigProblem.Expectation;
import vn.motcua.kiosk.staff.PinHash;

/**
 * Reads {@code kiosk.json} strictly: unknown keys, wrong types and missing keys are errors that
 * name the file, the key and what was expected, so a technician can fix a kiosk from the message.
 */
public final class ConfigLoader {
    public static final String FILE = "kiosk.json";

    private static final ObjectMapper MAPPER = strictMapper();

    public KioskConfig load(ConfigSource source) throws ConfigException {
        String file = source.describe(FILE);
        KioskConfig config;
        try (InputStream in = source.open(FILE)) {
            config = MAPPER.readValue(in, KioskConfig.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(ConfigProblem.of(file, "-", Expectation.FILE_PRESENT, null)));
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(problemOf(file, e)));
        } catch (CharConversionException e) {
            // Bytes Jackson took for UTF-32 by their first bytes, then found broken: a text problem, not a missing file.
            throw new ConfigException(List.of(ConfigProblem.of(file, "-", Expectation.VALID_JSON, null, e.getMessage())));
        } catch (IOException e) {
            throw new ConfigException(List.of(ConfigProblem.of(file, "-", Expectation.FILE_PRESENT, e.getMessage())));
        }
        if (config == null) {
            throw new ConfigException(List.of(ConfigProblem.of(file, "-", Expectation.OBJECT, "null")));
        }
        List<ConfigProblem> problems = new Validator(file).validate(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.ALLOW_COMMENTS)
                // A key written twice is a hand-editing mistake: the second value would silently win.
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        // A hand-edited "90" or 1 where text is meant is a mistake worth reporting, not guessing.
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Boolean, LogicalType.Float)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** A Jackson error as a problem that names the file, the dotted key and what was expected. */
    public static ConfigProblem problemOf(String file, JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            var loc = e.getLocation();
            String where = loc == null ? "-" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            // The parser's words fill the "({0})" of the message, as for the data files.
            return ConfigProblem.of(file, where, Expectation.VALID_JSON, null, e.getOriginalMessage());
        }
        String key = mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        if (key.isEmpty()) {
            key = "-";
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return ConfigProblem.of(file, key, Expectation.KNOWN_KEY, unknown.getPropertyName(), known);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            String found = e instanceof InvalidFormatException invalid ? String.valueOf(invalid.getValue()) : null;
            if (target.isEnum()) {
                String values = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "));
                return ConfigProblem.of(file, key, Expectation.ONE_OF, found, values);
            }
            if (target == Integer.class || target == int.class || target == Long.class) {
                return ConfigProblem.of(file, key, Expectation.WHOLE_NUMBER, found);
            }
            if (target == String.class) {
                return ConfigProblem.of(file, key, Expectation.TEXT, found);
            }
            if (target == Boolean.class || target == boolean.class) {
                return ConfigProblem.of(file, key, Expectation.TRUE_OR_FALSE, found);
            }
            if (target == URI.class) {
                return ConfigProblem.of(file, key, Expectation.URL, found);
            }
            return ConfigProblem.of(file, key, Expectation.OBJECT, found);
        }
        return ConfigProblem.of(file, key, Expectation.VALID_JSON, null, e.getOriginalMessage());
    }

    /** Checks what the JSON types cannot: presence, ranges, consistency. Collects every problem. */
    private static final class Validator {
        private final String file;
        private final List<ConfigProblem> problems = new ArrayList<>();

        Validator(String file) {
            this.file = file;
        }

        List<ConfigProblem> validate(KioskConfig c) {
            text("kioskId", c.kioskId());
            if (present("agency", c.agency())) {
                text("agency.code", c.agency().code());
                text("agency.name", c.agency().name());
                String province = c.agency().provinceCode();
                String tracking = c.agency().trackingUrl();
                if (tracking != null && !trackingTemplate(tracking)) {
                    problems.add(ConfigProblem.of(file, "agency.trackingUrl", Expectation.URL, tracking));
                }
                if (present("agency.provinceCode", province) && !province.matches("[0-9]{2}")) {
                    problems.add(ConfigProblem.of(file, "agency.provinceCode", Expectation.PROVINCE_CODE, province));
                }
            }
            present("mode", c.mode());
            if (present("portal", c.portal())) {
                if (present("portal.url", c.portal().url())) {
                    portalUrl(c.portal().url(), c.mode());
                }
                text("portal.secretFile", c.portal().secretFile());
            }
            present("language", c.language());
            if (present("timeouts", c.timeouts())) {
                Integer warn = c.timeouts().inactivityWarningSeconds();
                Integer end = c.timeouts().inactivityEndSeconds();
                boolean ok = range("timeouts.inactivityWarningSeconds", warn, 10, 3600);
                ok &= range("timeouts.inactivityEndSeconds", end, 15, 7200);
                if (ok && end <= warn) {
                    problems.add(ConfigProblem.of(file, "timeouts.inactivityEndSeconds",
                            Expectation.WARNING_BEFORE_END, String.valueOf(end), String.valueOf(warn)));
                }
            }
            if (present("devices", c.devices())) {
                text("devices.scanner", c.devices().scanner());
                text("devices.printer", c.devices().printer());
                present("devices.receiptPaper", c.devices().receiptPaper());
                var reader = c.devices().idCardReader();
                if (present("devices.idCardReader", reader) && present("devices.idCardReader.type", reader.type())
                        && reader.type() == KioskConfig.ReaderType.serial) {
                    text("devices.idCardReader.serialPort", reader.serialPort());
                }
                var chip = c.devices().chipReader();
                if (present("devices.chipReader", chip)) {
                    names("devices.chipReader.readers", chip.readers());
                    names("devices.chipReader.csca", chip.csca());
                }
            }
            if (present("staff", c.staff())) {
                staff(c.staff());
            }
            if (present("volunteers", c.volunteers())) {
                range("volunteers.signOutMinutes", c.volunteers().signOutMinutes(), 1, 480);
                if (c.volunteers().members() != null) {
                    members("volunteers.members", c.volunteers().members());
                }
            }
            if (present("signing", c.signing())) {
                present("signing.shuffledPinPad", c.signing().shuffledPinPad());
                List<String> signers = c.signing().resultSigners();
                if (present("signing.resultSigners", signers)) {
                    if (signers.isEmpty() || signers.stream().anyMatch(f -> f == null || f.isBlank())) {
                        problems.add(ConfigProblem.of(file, "signing.resultSigners", Expectation.CERTIFICATE_FILES,
                                signers.toString()));
                    }
                }
                URI tsa = c.signing().tsaUrl();
                if (tsa != null && (!tsa.isAbsolute() || tsa.getHost() == null
                        || !List.of("http", "https").contains(tsa.getScheme()))) {
                    problems.add(ConfigProblem.of(file, "signing.tsaUrl", Expectation.URL, tsa.toString()));
                }
            }
            if (present("keyboard", c.keyboard())) {
                present("keyboard.tonePlacement", c.keyboard().tonePlacement());
            }
            if (present("privacy", c.privacy())) {
                range("privacy.interruptedDraftMinutes", c.privacy().interruptedDraftMinutes(), 0, 240);
                range("privacy.parkedDraftDays", c.privacy().parkedDraftDays(), 1, 90);
                range("privacy.refusedOutboxDays", c.privacy().refusedOutboxDays(), 1, 90);
                range("privacy.trainingDossierDays", c.privacy().trainingDossierDays(), 1, 90);
            }
            return problems;
        }

        /** A shared PIN, named members with their own, or both; names unique. */
        private void staff(KioskConfig.Staff staff) {
            List<KioskConfig.Member> members = staff.members();
            if (members == null || members.isEmpty()) {
                if (present("staff.pinHash", staff.pinHash())) {
                    pinHash("staff.pinHash", staff.pinHash());
                }
                return;
            }
            if (staff.pinHash() != null) {
                pinHash("staff.pinHash", staff.pinHash());
            }
            members("staff.members", members);
        }

        /** Each with a name, unique in the list, and a well-formed PIN hash. */
        private void members(String list, List<KioskConfig.Member> members) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < members.size(); i++) {
                KioskConfig.Member m = members.get(i);
                String key = list + "[" + i + "]";
                if (!present(key, m)) {
                    continue;
                }
                text(key + ".name", m.name());
                if (m.name() != null && !m.name().isBlank() && !names.add(m.name().strip().toLowerCase(Locale.ROOT))) {
                    problems.add(ConfigProblem.of(file, key + ".name", Expectation.UNIQUE_NAME, "\"" + m.name() + "\""));
                }
                if (present(key + ".pinHash", m.pinHash())) {
                    pinHash(key + ".pinHash", m.pinHash());
                }
            }
        }

        /** An http(s) page with {code} where the dossier code goes. */
        private static boolean trackingTemplate(String template) {
            if (!template.contains("{code}")) {
                return false;
            }
            try {
                URI u = new URI(template.replace("{code}", "X"));
                return u.isAbsolute() && u.getHost() != null && List.of("http", "https").contains(u.getScheme());
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }

        private void pinHash(String key, String value) {
            if (!PinHash.isWellFormed(value)) {
                // The hash is not echoed: it is a secret even when malformed.
                problems.add(ConfigProblem.of(file, key, Expectation.PIN_HASH, null));
            }
        }

        private boolean present(String key, Object value) {
            if (value == null) {
                problems.add(ConfigProblem.of(file, key, Expectation.PRESENT, null));
                return false;
            }
            return true;
        }

        private void text(String key, String value) {
            if (present(key, value) && value.isBlank()) {
                problems.add(ConfigProblem.of(file, key, Expectation.NOT_BLANK, "\"" + value + "\""));
            }
        }

        /** A list (may be empty) of names none of which is blank. */
        private void names(String key, List<String> values) {
            if (present(key, values)) {
                for (int i = 0; i < values.size(); i++) {
                    text(key + "[" + i + "]", values.get(i));
                }
            }
        }

        private boolean range(String key, Integer value, int min, int max) {
            if (!present(key, value)) {
                return false;
            }
            if (value < min || value > max) {
                problems.add(ConfigProblem.of(file, key, Expectation.RANGE, String.valueOf(value),
                        String.valueOf(min), String.valueOf(max)));
                return false;
            }
            return true;
        }

        private void portalUrl(URI url, Mode mode) {
            String scheme = url.getScheme();
            if ("embedded".equals(scheme)) {
                if (!KioskConfig.Portal.EMBEDDED_TRAINING.equals(url) || mode != Mode.training) {
                    problems.add(ConfigProblem.of(file, "portal.url", Expectation.EMBEDDED_TRAINING, url.toString()));
                }
                return;
            }
            if (!url.isAbsolute() || url.getHost() == null
                    || !("https".equals(scheme) || "http".equals(scheme))) {
                problems.add(ConfigProblem.of(file, "portal.url", Expectation.URL, url.toString()));
                return;
            }
            // Citizens' data leaves the machine only encrypted; plain HTTP is for the loopback training portal.
            if ("http".equals(scheme) && !isLoopback(url.getHost())) {
                problems.add(ConfigProblem.of(file, "portal.url", Expectation.HTTPS_OR_LOOPBACK, url.toString()));
            }
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        }
    }
}
