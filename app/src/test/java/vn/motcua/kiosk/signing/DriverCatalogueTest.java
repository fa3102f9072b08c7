package vn.motcua.kiosk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigProblem;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.signing.DriverCatalogue.Os;
import vn.motcua.kiosk.signing.pkcs11.SigningDoctor;

class DriverCatalogueTest {

    @Test
    void shippedCatalogueListsTheVietnameseCasForEveryOs() throws Exception {
        DriverCatalogue c = DriverCatalogue.load(ConfigSource.embedded());
        assertThat(c.drivers()).extracting(DriverCatalogue.Driver::vendor)
                .contains("VNPT-CA", "Viettel-CA", "BkavCA", "FPT-CA", "Ban Cơ yếu Chính phủ (CA Chính phủ)", "SoftHSM", "OpenSC");
        for (DriverCatalogue.Driver d : c.drivers()) {
            assertThat(d.libraries()).extracting(DriverCatalogue.Library::os).contains(Os.linux, Os.windows, Os.macos);
        }
        assertThat(c.custom()).isEmpty();
    }

    @Test
    void onlyFilesPresentAreKeptAndAPathIsListedOnce() throws Exception {
        DriverCatalogue c = DriverCatalogue.load(ConfigSource.embedded());
        Set<String> onDisk = Set.of("C:\\Windows\\System32\\viettel-ca_v6.dll", "D:\\ca\\custom.dll");
        List<DriverCatalogue.PresentDriver> present = c.withCustom("Mới", "D:\\ca\\custom.dll", 5).present(Os.windows, onDisk::contains);
        assertThat(present).extracting(DriverCatalogue.PresentDriver::vendor).containsExactly("Mới", "Viettel-CA");
        assertThat(present.get(0).userPinTries()).isEqualTo(5);
    }

    @Test
    void mistakesNameTheFileAndTheKey(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(DriverCatalogue.FILE), """
                { "drivers": [ { "vendor": "VNPT-CA", "userPinTries": null,
                    "libraries": [ { "os": "windows", "path": "", "verified": false } ] },
                  { "vendor": " ", "userPinTries": 0, "libraries": [] } ],
                  "custom": null }
                """);
        assertThatThrownBy(() -> DriverCatalogue.load(ConfigSource.folder(dir)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key)
                        .containsExactly("drivers[0].libraries[0].path", "drivers[1].vendor", "drivers[1].userPinTries"));

        Files.writeString(dir.resolve(DriverCatalogue.FILE), """
                { "drivers": [ { "vendor": "X", "userPinTries": null,
                    "libraries": [ { "os": "android", "path": "/x.so", "verified": false } ] } ], "custom": null }
                """);
        assertThatThrownBy(() -> DriverCatalogue.load(ConfigSource.folder(dir)))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    ConfigProblem p = e.problems().get(0);
                    assertThat(p.file()).endsWith(DriverCatalogue.FILE);
                    assertThat(p.key()).isEqualTo("drivers[0].libraries[0].os");
                    assertThat(p.expected()).isEqualTo(ConfigProblem.Expectation.ONE_OF);
                    assertThat(Messages.of(Locale.ENGLISH).describe(p)).contains("linux, windows, macos");
                });

        Files.writeString(dir.resolve(DriverCatalogue.FILE), "{ \"drivers\": [], \"custom\": null, \"extra\": 1 }");
        assertThatThrownBy(() -> DriverCatalogue.load(ConfigSource.folder(dir)))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.problems().get(0).expected()).isEqualTo(ConfigProblem.Expectation.KNOWN_KEY));
    }

    @Test
    void everySigningMessageExistsInBothLanguages() {
        for (Locale l : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
            Messages m = Messages.of(l);
            for (String key : List.of("signing.error.wrong-pin", "signing.error.wrong-pin.few", "signing.error.wrong-pin.tries",
                    "signing.error.wrong-pin.final", "signing.error.pin-locked", "signing.error.token-removed",
                    "signing.error.no-certificate", "signing.error.driver-missing", "signing.error.driver-crashed",
                    "signing.error.certificate-expired", "signing.error.certificate-not-yet-valid", "signing.error.document",
                    "signing.error.timestamp-unreachable", "signing.error.timestamp-refused")) {
                assertThat(m.has(key)).as(key + " in " + l).isTrue();
            }
        }
        WrongPinException e = new WrongPinException(java.util.OptionalInt.of(2), false, null);
        assertThat(Messages.of(Locale.forLanguageTag("vi")).get(e.messageKey(), e.messageArgs().toArray()))
                .isEqualTo("Mã PIN không đúng. Còn tối đa 2 lần thử trước khi thiết bị ký số bị khóa.");
    }

    @Test
    void doctorListsDriversTokensAndCertificatesWithoutPin() {
        SoftHsm.require();
        List<SigningDoctor.CheckLine> lines = new SigningDoctor().checks(
                List.of(new DriverCatalogue.PresentDriver("SoftHSM (test)", SoftHsm.lib(), null)), Clock.systemUTC(),
                Messages.of(Locale.ENGLISH));
        assertThat(lines).anyMatch(l -> l.ok() && l.detail().contains(SoftHsm.lib()));
        assertThat(lines).anyMatch(l -> l.ok() && l.detail().startsWith(SoftHsm.RSA + " (SoftHSM (test), 1 certificate"));
        assertThat(lines).anyMatch(l -> l.ok() && l.detail().startsWith("Nguyễn Văn An — issued by Nguyễn Văn An, valid until"));
        assertThat(lines).anyMatch(l -> !l.ok() && l.detail().startsWith("Lê Văn Cũ") && l.detail().contains("NOT valid"));
    }
}
