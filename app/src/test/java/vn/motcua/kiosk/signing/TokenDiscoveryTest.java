package vn.motcua.kiosk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.signing.DriverCatalogue.Os;
import vn.motcua.kiosk.signing.pkcs11.TokenDiscovery;
import vn.motcua.kiosk.signing.pkcs11.TokenLogin;

/** Token and certificate listing against real SoftHSM2 tokens, without a PIN. */
class TokenDiscoveryTest {

    @Test
    void listsTokensAndCertificatesWithoutPin() throws Exception {
        SoftHsm.require();
        List<DriverCatalogue.PresentDriver> present = SoftHsm.catalogue(null).present(Os.linux);
        assertThat(present).extracting(DriverCatalogue.PresentDriver::library).contains(SoftHsm.lib());

        TokenDiscovery.Result result = new TokenDiscovery().scan(present);
        List<TokenInfo> soft = result.tokens().stream().filter(t -> t.library().equals(SoftHsm.lib())).toList();
        assertThat(soft).extracting(TokenInfo::label)
                .contains(SoftHsm.RSA, SoftHsm.EC, SoftHsm.EXPIRED, SoftHsm.SPARE);

        TokenInfo rsa = SoftHsm.token(SoftHsm.RSA, null);
        assertThat(rsa.certificates()).hasSize(1);
        CertificateInfo cert = rsa.certificates().get(0);
        assertThat(cert.holderName()).isEqualTo("Nguyễn Văn An");
        assertThat(cert.issuerName()).isEqualTo("Nguyễn Văn An"); // self-made for the test
        assertThat(cert.signingUsage()).isTrue();
        assertThat(cert.validAt(Instant.now())).isTrue();
        assertThat(cert.certificate().getPublicKey().getAlgorithm()).isEqualTo("RSA");

        CertificateInfo ec = SoftHsm.token(SoftHsm.EC, null).certificates().get(0);
        assertThat(ec.holderName()).isEqualTo("Trần Thị Bình");
        assertThat(ec.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");

        CertificateInfo old = SoftHsm.token(SoftHsm.EXPIRED, null).certificates().get(0);
        assertThat(old.notAfter()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
        assertThat(old.validAt(Instant.now())).isFalse();
    }

    @Test
    void expiredCertificateIsRefusedBeforeThePinReachesTheToken() throws Exception {
        TokenInfo token = SoftHsm.token(SoftHsm.EXPIRED, null);
        char[] pin = SoftHsm.pin();
        assertThatThrownBy(() -> TokenLogin.open(token, token.certificates().get(0).fingerprint(), pin, Clock.systemUTC()))
                .isInstanceOfSatisfying(CertificateNotValidException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CertificateNotValidException.Reason.EXPIRED);
                    assertThat(e.messageKey()).isEqualTo("signing.error.certificate-expired");
                });
        assertThat(pin).containsOnly('\0');
    }

    @Test
    void notYetValidCertificateIsRefused() throws Exception {
        TokenInfo token = SoftHsm.token(SoftHsm.RSA, null);
        CertificateInfo cert = token.certificates().get(0);
        Clock before = Clock.fixed(cert.notBefore().minusSeconds(86_400), ZoneOffset.UTC);
        assertThatThrownBy(() -> TokenLogin.open(token, cert.fingerprint(), SoftHsm.pin(), before))
                .isInstanceOfSatisfying(CertificateNotValidException.class,
                        e -> assertThat(e.reason()).isEqualTo(CertificateNotValidException.Reason.NOT_YET_VALID));
    }

    @Test
    void goodPinLogsInAndFindsTheKey() throws Exception {
        TokenInfo token = SoftHsm.token(SoftHsm.EC, null);
        char[] pin = SoftHsm.pin();
        try (TokenLogin login = TokenLogin.open(token, token.certificates().get(0).fingerprint(), pin, Clock.systemUTC())) {
            assertThat(login.key().getAlgorithm()).isEqualTo("EC");
            assertThat(login.chain()).isNotEmpty();
        }
        assertThat(pin).as("PIN wiped after use").containsOnly('\0');
    }

    @Test
    void missingDriverFileIsTyped(@TempDir Path dir) {
        String missing = dir.resolve("vnpt-ca_v34.so").toString();
        assertThatThrownBy(() -> new TokenDiscovery().scan(new DriverCatalogue.PresentDriver("VNPT-CA", missing, null)))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DriverException.Kind.MISSING);
                    assertThat(e.messageKey()).isEqualTo("signing.error.driver-missing");
                });
    }

    @Test
    void fileThatIsNotADriverIsReportedAsCrashedAndOtherDriversStillListed(@TempDir Path dir) throws Exception {
        SoftHsm.require();
        Path bogus = Files.writeString(dir.resolve("libbroken-ca.so"), "not a shared library");
        TokenDiscovery.Result result = new TokenDiscovery().scan(List.of(
                new DriverCatalogue.PresentDriver("Broken CA", bogus.toString(), null),
                new DriverCatalogue.PresentDriver("SoftHSM (test)", SoftHsm.lib(), null)));
        assertThat(result.driverProblems()).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(DriverException.Kind.CRASHED));
        assertThat(result.tokens()).extracting(TokenInfo::label).contains(SoftHsm.RSA);
    }
}
