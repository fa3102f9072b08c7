// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigProblem;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.outbox.TrainingPortalFixture;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.signing.pades.PadesVerifier;
import vn.motcua.kiosk.signing.pades.ResultVerifier;

/**
 * The e-result check before printing, on real results of the training portal (signed with its
 * training signer, or spoilt by its result faults), against the shipped training trust list.
 */
class ResultVerifierTest {
    private static final List<String> SHIPPED = List.of("result-signers/training-ca.pem");
    private static Path portalData;
    private static TrainingPortalFixture portal;
    private static PortalClient client;
    private static String code;

    @TempDir
    Path dir;

    @BeforeAll
    static void aFinishedDossier() throws Exception {
        portalData = Files.createTempDirectory("result-verifier-portal");
        portal = new TrainingPortalFixture(portalData);
        client = new PortalClient(portal.endpoint());
        code = portal.file(client, "lltp-self", "000.00.14.H56", "idCard", "0987655678", portalData).code();
        portal.portal.advanceClock(Duration.ofDays(21));
    }

    @AfterAll
    static void stopPortal() {
        portal.close();
    }

    private static byte[] result(String fault) throws Exception {
        portal.faults(fault == null ? "{\"rules\":[]}" : "{\"rules\":[{\"endpoint\":\"getLookupResult\",\"kind\":\"" + fault + "\"}]}");
        try {
            return client.lookupResult(client.lookup(code, "5678").lookupId());
        } finally {
            portal.noFaults();
        }
    }

    private static ResultVerifier shippedTrust() throws ConfigException {
        return new ResultVerifier(new PadesVerifier(), TrustedSigners.load(ConfigSource.embedded(), SHIPPED), Clock.systemUTC());
    }

    @Test
    void aGenuineTrainingResultPassesWithItsSignerAndTimeAndPdfsigAgrees() throws Exception {
        byte[] pdf = result(null);
        ResultVerifier.Verdict v = shippedTrust().check(pdf);
        assertThat(v.genuine()).as(String.valueOf(v)).isTrue();
        assertThat(v.problem()).isNull();
        assertThat(v.signerName()).isEqualTo("Sở Tư pháp tỉnh Khánh Hòa (TẬP HUẤN)");
        assertThat(v.signedAt()).isNotNull().isBefore(Instant.now().plus(Duration.ofDays(30)));

        Path file = Files.write(dir.resolve("result.pdf"), pdf);
        String report = Pdfs.pdfsig(file);
        assertThat(report).contains("Signature Validation: Signature is Valid").contains("Total document signed")
                .contains("ETSI.CAdES.detached");
    }

    @Test
    void bytesChangedAfterSigningOrAddedAfterTheSignatureAreNotGenuine() throws Exception {
        ResultVerifier verifier = shippedTrust();
        ResultVerifier.Verdict tampered = verifier.check(result("TAMPERED_RESULT"));
        assertThat(tampered.genuine()).isFalse();
        assertThat(tampered.problem()).isEqualTo(ResultVerifier.Problem.ALTERED);

        ResultVerifier.Verdict appended = verifier.check(result("APPENDED_RESULT"));
        assertThat(appended.genuine()).isFalse();
        assertThat(appended.problem()).isEqualTo(ResultVerifier.Problem.NOT_WHOLE_FILE);

        Path file = Files.write(dir.resolve("tampered.pdf"), result("TAMPERED_RESULT"));
        assertThat(Pdfs.pdfsig(file)).doesNotContain("Signature is Valid");
    }

    @Test
    void anUnsignedResultIsNotGenuine() throws Exception {
        ResultVerifier.Verdict v = shippedTrust().check(result("UNSIGNED_RESULT"));
        assertThat(v.genuine()).isFalse();
        assertThat(v.problem()).isEqualTo(ResultVerifier.Problem.UNSIGNED);
        assertThat(shippedTrust().check("not a pdf at all".getBytes()).genuine()).isFalse();
    }

    @Test
    void anIntactSignatureFromACaThisKioskDoesNotTrustIsNotGenuine() throws Exception {
        ResultVerifier otherCa = new ResultVerifier(new PadesVerifier(), TrustedSigners.of(List.of(selfSignedCa("CN=Other CA"))),
                Clock.systemUTC());
        ResultVerifier.Verdict v = otherCa.check(result(null));
        assertThat(v.genuine()).isFalse();
        assertThat(v.problem()).isEqualTo(ResultVerifier.Problem.UNTRUSTED);
        assertThat(v.signerName()).contains("TẬP HUẤN"); // staff can still see who it claims to be
    }

    @Test
    void theTrustListIsCheckedAtStartUpAndNamesTheFileAndKey() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("config"));
        Files.writeString(folder.resolve("garbage.pem"), "not a certificate");
        // The training signer's own certificate: a certificate, but not a CA.
        try (var in = getClass().getClassLoader().getResourceAsStream("vn/motcua/portal/training/result-signer/signer.pem")) {
            Files.write(folder.resolve("leaf.pem"), in.readAllBytes());
        }
        assertThatThrownBy(() -> TrustedSigners.load(ConfigSource.folder(folder), List.of("garbage.pem", "leaf.pem", "missing.pem")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key, ConfigProblem::expected, ConfigProblem::found)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("signing.resultSigners[0]", ConfigProblem.Expectation.CA_CERTIFICATE_PEM, "no certificate"),
                                org.assertj.core.groups.Tuple.tuple("signing.resultSigners[1]", ConfigProblem.Expectation.CA_CERTIFICATE_PEM,
                                        "not a CA: Sở Tư pháp tỉnh Khánh Hòa (TẬP HUẤN)"),
                                org.assertj.core.groups.Tuple.tuple("signing.resultSigners[2]", ConfigProblem.Expectation.FILE_PRESENT, null)));
        assertThat(TrustedSigners.load(ConfigSource.embedded(), SHIPPED).authorities()).singleElement()
                .satisfies(ca -> assertThat(ca.getBasicConstraints()).isNotNegative());
    }

    private static X509Certificate selfSignedCa(String dn) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        X500Principal name = new X500Principal(dn);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(3650))),
                Date.from(now.plus(Duration.ofDays(3650))), name, kp.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
    }
}
