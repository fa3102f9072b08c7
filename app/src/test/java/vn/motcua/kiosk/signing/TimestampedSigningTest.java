package vn.motcua.kiosk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.signing.DossierSigner.Document;
import vn.motcua.kiosk.signing.DossierSigner.Request;
import vn.motcua.kiosk.signing.pades.PadesSigner;
import vn.motcua.kiosk.signing.pades.PadesVerifier;

/**
 * PAdES B-T for real: the SoftHSM RSA token signs, a timestamp authority on loopback
 * ({@link TestTsa}) stamps the signature, and pdfsig and the project's verifier both judge the
 * result. A TSA that cannot be reached or answers badly is a typed error the screen explains, and
 * no signed file is left behind.
 */
class TimestampedSigningTest {
    /** The TSA's clock runs this far ahead, so its time cannot be mistaken for the signer's. */
    private static final Duration TSA_SKEW = Duration.ofMinutes(90);

    private final Clock clock = Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));
    private final PadesVerifier verifier = new PadesVerifier();
    private TestTsa tsa;

    @TempDir
    Path dir;

    @BeforeEach
    void startTsa() throws Exception {
        tsa = new TestTsa(TSA_SKEW);
    }

    @AfterEach
    void stopTsa() {
        tsa.close();
    }

    @Test
    void everyPdfCarriesATimestampThatPdfsigAndOurVerifierAccept() throws Exception {
        Instant before = Instant.now();
        List<Path> signed = sign(tsa.url(), 2);
        Instant after = Instant.now();

        assertThat(tsa.issued()).as("one timestamp per document").hasSize(2);
        for (int i = 0; i < signed.size(); i++) {
            Path pdf = signed.get(i);
            String report = Pdfs.pdfsig(pdf);
            assertThat(report).contains("Signature is Valid").contains("Total document signed")
                    .contains("ETSI.CAdES.detached");
            // pdfsig 22.12 prints nothing about timestamps (its "Signing Time" is the signer's claim),
            // so the token is checked in the container pdfsig cut out, with BouncyCastle alone.
            List<byte[]> dumped = Pdfs.pdfsigDump(pdf, dir.resolve("dump-" + i));
            assertThat(dumped).hasSize(1);
            assertThat(tsa.verifyStampIn(dumped.get(0))).isEqualTo(tsa.issued().get(i));

            PadesVerifier.SignatureReport s = verifier.verify(pdf).signatures().get(0);
            assertThat(verifier.verify(pdf).altered()).isFalse();
            assertThat(s.intact()).as(s.problem()).isTrue();
            assertThat(s.coversWholeDocument()).isTrue();
            assertThat(s.signerName()).isEqualTo("Nguyễn Văn An");
            assertThat(s.timestamped()).isTrue();
            assertThat(s.timestampAuthority()).isEqualTo(TestTsa.NAME);
            // The time is the authority's (ahead by the skew), not the kiosk's claim.
            assertThat(s.timestampTime()).isEqualTo(tsa.issued().get(i));
            assertThat(s.signingTime()).isEqualTo(s.timestampTime())
                    .isBetween(before.plus(TSA_SKEW).minusSeconds(1), after.plus(TSA_SKEW).plusSeconds(1));
        }
    }

    @Test
    void withoutTsaTheSignatureIsNotTimestamped() throws Exception {
        Path pdf = signWith(new PadesSigner(clock, Optional.empty(), PadesSigner.AppearanceWords.VIETNAMESE), 1).get(0);
        assertThat(Pdfs.pdfsig(pdf)).contains("Signature is Valid");
        assertThatThrownBy(() -> tsa.verifyStampIn(Pdfs.pdfsigDump(pdf, dir.resolve("dump")).get(0)))
                .hasMessageContaining("no signature timestamp token");
        PadesVerifier.SignatureReport s = verifier.verify(pdf).signatures().get(0);
        assertThat(s.timestamped()).isFalse();
        assertThat(s.timestampTime()).isNull();
        assertThat(tsa.issued()).isEmpty();
    }

    @Test
    void unreachableTsaIsATypedErrorAndNothingIsSigned() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/tsa";
        assertThatThrownBy(() -> sign(url, 2)).isInstanceOfSatisfying(TimestampException.class, e -> {
            assertThat(e.kind()).isEqualTo(TimestampException.Kind.UNREACHABLE);
            assertThat(e.authority()).isEqualTo("127.0.0.1:" + closedPort);
            assertThat(e.messageKey()).isEqualTo("signing.error.timestamp-unreachable");
            assertThat(explain(e, "vi")).isEqualTo("Không kết nối được máy chủ cấp dấu thời gian (127.0.0.1:" + closedPort
                    + ") nên hồ sơ chưa được ký. Vui lòng báo cán bộ hỗ trợ kiểm tra mạng rồi ký lại.");
            assertThat(explain(e, "en")).startsWith("The timestamp server (127.0.0.1:" + closedPort + ") could not be reached");
        });
        assertNothingSigned();
    }

    @Test
    void tsaAnsweringWithAnHttpErrorIsRefused() throws Exception {
        tsa.mode(TestTsa.Mode.HTTP_ERROR);
        assertThatThrownBy(() -> sign(tsa.url(), 1)).isInstanceOfSatisfying(TimestampException.class, e -> {
            assertThat(e.kind()).isEqualTo(TimestampException.Kind.REFUSED);
            assertThat(e.messageKey()).isEqualTo("signing.error.timestamp-refused");
            assertThat(explain(e, "vi")).contains(e.authority()).contains("chưa được ký");
        });
        assertNothingSigned();
    }

    @Test
    void timestampOverOtherBytesIsRefused() throws Exception {
        tsa.mode(TestTsa.Mode.WRONG_IMPRINT);
        assertThatThrownBy(() -> sign(tsa.url(), 1)).isInstanceOfSatisfying(TimestampException.class,
                e -> assertThat(e.kind()).isEqualTo(TimestampException.Kind.REFUSED));
        assertNothingSigned();
    }

    private static String explain(SigningException e, String lang) {
        return Messages.of(Locale.forLanguageTag(lang)).get(e.messageKey(), e.messageArgs().toArray());
    }

    private void assertNothingSigned() throws Exception {
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no signed copy and no .part file").noneMatch(n -> n.contains("signed"));
        }
    }

    private List<Path> sign(String tsaUrl, int count) throws Exception {
        return signWith(new PadesSigner(clock, Optional.of(tsaUrl), PadesSigner.AppearanceWords.VIETNAMESE), count);
    }

    private List<Path> signWith(PadesSigner signer, int count) throws Exception {
        TokenInfo token = SoftHsm.token(SoftHsm.RSA, null);
        List<Document> docs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Path src = Pdfs.make(dir.resolve("doc-" + i + ".pdf"), 2);
            docs.add(new Document(src, dir.resolve("doc-" + i + "-signed.pdf")));
        }
        char[] pin = SoftHsm.pin();
        try {
            return signer.signDossier(new Request(token, token.certificates().get(0).fingerprint(), docs,
                    "Nộp hồ sơ trực tuyến", "Bộ phận Một cửa"), pin, (done, total) -> { });
        } finally {
            assertThat(pin).as("PIN wiped").containsOnly('\0');
        }
    }
}
