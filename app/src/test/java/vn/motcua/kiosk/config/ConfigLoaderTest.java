package vn.motcua.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.staff.PinHash;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.config.ConfigProblem.Expectation;
import vn.motcua.kiosk.i18n.Messages;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    /** The shipped configuration, as text, so each test can break one thing in it. */
    private static String shipped() throws IOException {
        try (InputStream in = ConfigSource.embedded().open(ConfigLoader.FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<ConfigProblem> problemsOf(String json) throws IOException {
        Files.writeString(dir.resolve(ConfigLoader.FILE), json);
        ConfigException e = catchThrowableOfType(() -> loader.load(ConfigSource.folder(dir)), ConfigException.class);
        assertThat(e).as("the configuration should have been refused").isNotNull();
        return e.problems();
    }

    private ConfigProblem onlyProblemOf(String json) throws IOException {
        List<ConfigProblem> problems = problemsOf(json);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void shippedConfigurationIsValidTrainingConfiguration() throws Exception {
        KioskConfig c = loader.load(ConfigSource.embedded());
        assertThat(c.mode()).isEqualTo(Mode.training);
        assertThat(c.language()).isEqualTo(Language.vi);
        assertThat(c.timeouts().inactivityWarningSeconds()).isEqualTo(90);
        assertThat(c.timeouts().inactivityEndSeconds()).isEqualTo(120);
        assertThat(c.staff().pinHash()).startsWith("pbkdf2-sha256:");
    }

    @Test
    void aFolderWithTheSameFileLoadsToo() throws Exception {
        Files.writeString(dir.resolve(ConfigLoader.FILE), shipped());
        assertThat(loader.load(ConfigSource.folder(dir)).kioskId()).isEqualTo("TAP-HUAN-01");
    }

    @Test
    void missingFileNamesTheFile() {
        ConfigException e = catchThrowableOfType(() -> loader.load(ConfigSource.folder(dir)), ConfigException.class);
        ConfigProblem p = e.problems().get(0);
        assertThat(p.expected()).isEqualTo(Expectation.FILE_PRESENT);
        assertThat(p.file()).isEqualTo(dir.resolve("kiosk.json").toAbsolutePath().toString());
    }

    @Test
    void brokenJsonSaysWhere() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"mode\": \"training\",", "\"mode\": \"training\""));
        assertThat(p.expected()).isEqualTo(Expectation.VALID_JSON);
        assertThat(p.key()).startsWith("line ");
    }

    @Test
    void anEmptyListOfResultSignersIsRefusedNotTakenAsNobodyToTrust() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"resultSigners\": [\"result-signers/training-ca.pem\"]", "\"resultSigners\": []"));
        assertThat(p.key()).isEqualTo("signing.resultSigners");
        assertThat(p.expected()).isEqualTo(ConfigProblem.Expectation.CERTIFICATE_FILES);
    }

    @Test
    void unknownTopLevelKeyIsNamedWithTheKnownOnes() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"mode\":", "\"modus\": 1, \"mode\":"));
        assertThat(p.expected()).isEqualTo(Expectation.KNOWN_KEY);
        assertThat(p.key()).isEqualTo("modus");
        assertThat(p.args().get(0)).contains("mode", "kioskId", "timeouts");
    }

    @Test
    void unknownNestedKeyGetsItsDottedPath() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"inactivityEndSeconds\"", "\"inactivityEnd\""));
        assertThat(p.key()).isEqualTo("timeouts.inactivityEnd");
        assertThat(p.expected()).isEqualTo(Expectation.KNOWN_KEY);
    }

    @Test
    void textWhereANumberBelongsIsAWrongType() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"inactivityWarningSeconds\": 90", "\"inactivityWarningSeconds\": \"90\""));
        assertThat(p.key()).isEqualTo("timeouts.inactivityWarningSeconds");
        assertThat(p.expected()).isEqualTo(Expectation.WHOLE_NUMBER);
    }

    @Test
    void fractionWhereAWholeNumberBelongs() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"inactivityWarningSeconds\": 90", "\"inactivityWarningSeconds\": 90.5"));
        assertThat(p.expected()).isEqualTo(Expectation.WHOLE_NUMBER);
    }

    @Test
    void numberWhereTextBelongs() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"kioskId\": \"TAP-HUAN-01\"", "\"kioskId\": 7"));
        assertThat(p.key()).isEqualTo("kioskId");
        assertThat(p.expected()).isEqualTo(Expectation.TEXT);
    }

    @Test
    void textWhereAnObjectBelongs() throws Exception {
        String json = shipped().replaceAll("(?s)\"portal\": \\{.*?\\}", "\"portal\": \"http://127.0.0.1\"");
        ConfigProblem p = onlyProblemOf(json);
        assertThat(p.key()).isEqualTo("portal");
        assertThat(p.expected()).isEqualTo(Expectation.OBJECT);
    }

    @Test
    void unknownModeListsTheModes() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"mode\": \"training\"", "\"mode\": \"demo\""));
        assertThat(p.key()).isEqualTo("mode");
        assertThat(p.expected()).isEqualTo(Expectation.ONE_OF);
        assertThat(p.args()).containsExactly("production, training");
        assertThat(p.found()).isEqualTo("demo");
    }

    @Test
    void missingKeysAreAllNamed() throws Exception {
        String json = shipped().replace("\"language\": \"vi\",", "").replaceAll("(?s)\"privacy\": \\{.*?\\}", "\"privacy\": {}");
        List<ConfigProblem> problems = problemsOf(json);
        assertThat(problems).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("language", "privacy.interruptedDraftMinutes", "privacy.parkedDraftDays",
                        "privacy.refusedOutboxDays",
                        "privacy.trainingDossierDays");
        assertThat(problems).extracting(ConfigProblem::expected).containsOnly(Expectation.PRESENT);
    }

    @Test
    void outOfRangeNumberSaysTheRange() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"inactivityWarningSeconds\": 90", "\"inactivityWarningSeconds\": 2"));
        assertThat(p.expected()).isEqualTo(Expectation.RANGE);
        assertThat(p.args()).containsExactly("10", "3600");
        assertThat(p.found()).isEqualTo("2");
    }

    @Test
    void trainingDossiersAreKeptBetweenADayAndNinetyDays() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"trainingDossierDays\": 7", "\"trainingDossierDays\": 0"));
        assertThat(p.key()).isEqualTo("privacy.trainingDossierDays");
        assertThat(p.expected()).isEqualTo(Expectation.RANGE);
        assertThat(p.args()).containsExactly("1", "90");
        assertThat(p.found()).isEqualTo("0");
        assertThat(loader.load(ConfigSource.embedded()).privacy().trainingDossierDays()).isEqualTo(7);
    }

    @Test
    void refusedOutboxDaysOutsideItsRangeSaysTheRange() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"refusedOutboxDays\": 14", "\"refusedOutboxDays\": 0"));
        assertThat(p.key()).isEqualTo("privacy.refusedOutboxDays");
        assertThat(p.expected()).isEqualTo(Expectation.RANGE);
        assertThat(p.args()).containsExactly("1", "90");
        assertThat(p.found()).isEqualTo("0");
    }

    @Test
    void endMustComeAfterTheWarning() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"inactivityEndSeconds\": 120", "\"inactivityEndSeconds\": 60"));
        assertThat(p.key()).isEqualTo("timeouts.inactivityEndSeconds");
        assertThat(p.expected()).isEqualTo(Expectation.WARNING_BEFORE_END);
    }

    @Test
    void portalMustBeAFullAddress() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"embedded:training\"", "\"dichvucong/api\""));
        assertThat(p.key()).isEqualTo("portal.url");
        assertThat(p.expected()).isEqualTo(Expectation.URL);
    }

    @Test
    void plainHttpOnlyToLoopback() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"embedded:training\"", "\"http://dichvucong.example.vn/api/v1\""));
        assertThat(p.expected()).isEqualTo(Expectation.HTTPS_OR_LOOPBACK);
    }

    @Test
    void theEmbeddedTrainingPortalIsForTrainingOnly() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"mode\": \"training\"", "\"mode\": \"production\""));
        assertThat(p.key()).isEqualTo("portal.url");
        assertThat(p.expected()).isEqualTo(Expectation.EMBEDDED_TRAINING);
        assertThat(onlyProblemOf(shipped().replace("\"embedded:training\"", "\"embedded:other\"")).expected())
                .isEqualTo(Expectation.EMBEDDED_TRAINING);
    }

    @Test
    void theDeviceSecretFileIsRequired() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"secretFile\": \"portal-secret.txt\"", "\"secretFile\": \"\""));
        assertThat(p.key()).isEqualTo("portal.secretFile");
    }

    /** The shipped file with its staff section replaced by {@code staff}. */
    private static String withStaff(String staff) throws IOException {
        return shipped().replaceAll("(?s)\"staff\": \\{.*?\\n  \\},", "\"staff\": " + staff.replace("$", "\\$") + ",");
    }

    @Test
    void namedStaffWithTheirOwnPinsAreRead() throws Exception {
        String lan = PinHash.create("1357".toCharArray(), 1_000);
        String minh = PinHash.create("9753".toCharArray(), 1_000);
        Files.writeString(dir.resolve(ConfigLoader.FILE), withStaff(
                "{ \"members\": [{ \"name\": \"Lan\", \"pinHash\": \"" + lan + "\" }, { \"name\": \"Minh\", \"pinHash\": \"" + minh + "\" }] }"));
        KioskConfig c = loader.load(ConfigSource.folder(dir));
        assertThat(c.staff().pinHash()).isNull();
        assertThat(c.staff().members()).extracting(KioskConfig.Member::name).containsExactly("Lan", "Minh");
    }

    @Test
    void staffNamesAreUniqueTheirHashesWellFormedAndSomePinIsRequired() throws Exception {
        String lan = PinHash.create("1357".toCharArray(), 1_000);
        List<ConfigProblem> problems = problemsOf(withStaff("{ \"members\": [{ \"name\": \"Lan\", \"pinHash\": \"" + lan
                + "\" }, { \"name\": \" lan \", \"pinHash\": \"1357\" }, { \"name\": \"\", \"pinHash\": \"" + lan + "\" }] }"));
        assertThat(problems).extracting(ConfigProblem::key, ConfigProblem::expected).containsExactly(
                org.assertj.core.groups.Tuple.tuple("staff.members[1].name", Expectation.UNIQUE_NAME),
                org.assertj.core.groups.Tuple.tuple("staff.members[1].pinHash", Expectation.PIN_HASH),
                org.assertj.core.groups.Tuple.tuple("staff.members[2].name", Expectation.NOT_BLANK));
        assertThat(problems.get(1).found()).isNull();
        ConfigProblem none = onlyProblemOf(withStaff("{ \"members\": [] }"));
        assertThat(none.key()).isEqualTo("staff.pinHash");
        assertThat(none.expected()).isEqualTo(Expectation.PRESENT);
    }

    private static String withVolunteers(String volunteers) throws IOException {
        return shipped().replaceAll("(?s)\"volunteers\": \\{.*?\\n  \\},", "\"volunteers\": " + volunteers.replace("$", "\\$") + ",");
    }

    @Test
    void volunteersAreReadAndTheirMistakesNamed() throws Exception {
        KioskConfig shipped = loader.load(ConfigSource.embedded());
        assertThat(shipped.volunteers().signOutMinutes()).isEqualTo(30);
        assertThat(shipped.volunteers().members()).extracting(KioskConfig.Member::name).containsExactly("Tập huấn");

        String hoa = PinHash.create("8642".toCharArray(), 1_000);
        List<ConfigProblem> problems = problemsOf(withVolunteers("{ \"signOutMinutes\": 0, \"members\": [{ \"name\": \"Hoa\", \"pinHash\": \""
                + hoa + "\" }, { \"name\": \"HOA\", \"pinHash\": \"8642\" }] }"));
        assertThat(problems).extracting(ConfigProblem::key, ConfigProblem::expected).containsExactly(
                org.assertj.core.groups.Tuple.tuple("volunteers.signOutMinutes", Expectation.RANGE),
                org.assertj.core.groups.Tuple.tuple("volunteers.members[1].name", Expectation.UNIQUE_NAME),
                org.assertj.core.groups.Tuple.tuple("volunteers.members[1].pinHash", Expectation.PIN_HASH));

        // Without members: nobody ships, staff add them on the kiosk.
        Files.writeString(dir.resolve(ConfigLoader.FILE), withVolunteers("{ \"signOutMinutes\": 45 }"));
        KioskConfig none = loader.load(ConfigSource.folder(dir));
        assertThat(none.volunteers().members()).isNull();
        assertThat(none.volunteers().signOutMinutes()).isEqualTo(45);

        ConfigProblem missing = onlyProblemOf(shipped().replaceAll("(?s)\"volunteers\": \\{.*?\\n  \\},", ""));
        assertThat(missing.key()).isEqualTo("volunteers");
        assertThat(missing.expected()).isEqualTo(Expectation.PRESENT);
    }

    @Test
    void aTrackingPageNeedsTheCodesPlaceAndAWebAddress() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"trackingUrl\": null", "\"trackingUrl\": \"https://dvc.example.vn/tra-cuu\""));
        assertThat(p.key()).isEqualTo("agency.trackingUrl");
        assertThat(p.expected()).isEqualTo(Expectation.URL);
        Files.writeString(dir.resolve(ConfigLoader.FILE),
                shipped().replace("\"trackingUrl\": null", "\"trackingUrl\": \"https://dvc.example.vn/tra-cuu?ma={code}\""));
        assertThat(loader.load(ConfigSource.folder(dir)).agency().trackingUrl()).isEqualTo("https://dvc.example.vn/tra-cuu?ma={code}");
    }

    @Test
    void malformedPinHashIsRefusedWithoutEchoingIt() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replaceFirst("\"pinHash\": \"[^\"]*\"", "\"pinHash\": \"2468\""));
        assertThat(p.key()).isEqualTo("staff.pinHash");
        assertThat(p.expected()).isEqualTo(Expectation.PIN_HASH);
        assertThat(p.found()).isNull();
    }

    @Test
    void serialReaderNeedsAPort() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"type\": \"keyboard\"", "\"type\": \"serial\""));
        assertThat(p.key()).isEqualTo("devices.idCardReader.serialPort");
        assertThat(p.expected()).isEqualTo(Expectation.PRESENT);
    }

    @Test
    void blankTextIsRefused() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"kioskId\": \"TAP-HUAN-01\"", "\"kioskId\": \"  \""));
        assertThat(p.expected()).isEqualTo(Expectation.NOT_BLANK);
    }

    @Test
    void problemsReadAsSentencesInBothLanguages() throws Exception {
        ConfigProblem p = onlyProblemOf(shipped().replace("\"inactivityWarningSeconds\": 90", "\"inactivityWarningSeconds\": 2"));
        String vi = Messages.of(Locale.forLanguageTag("vi")).describe(p);
        String en = Messages.of(Locale.ENGLISH).describe(p);
        assertThat(vi).contains(p.file(), "timeouts.inactivityWarningSeconds", "một số từ 10 đến 3600", "đang có: 2");
        assertThat(en).contains(p.file(), "timeouts.inactivityWarningSeconds", "a number from 10 to 3600", "found: 2");
    }

    @Test
    void everyExpectationHasWordsInBothLanguages() {
        for (Locale l : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
            Messages m = Messages.of(l);
            for (Expectation e : Expectation.values()) {
                assertThat(m.has(e.messageKey())).as(l + " " + e).isTrue();
            }
        }
    }
}
