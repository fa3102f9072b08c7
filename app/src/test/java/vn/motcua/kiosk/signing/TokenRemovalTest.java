package vn.motcua.kiosk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.signing.DossierSigner.Document;
import vn.motcua.kiosk.signing.DossierSigner.Request;
import vn.motcua.kiosk.signing.pades.PadesSigner;
import vn.motcua.kiosk.signing.pades.PadesVerifier;
import vn.motcua.kiosk.signing.pkcs11.TokenDiscovery;

/**
 * The token disappears in the middle of a dossier. SoftHSM cannot be unplugged, so the spare
 * token is served through p11-kit's remoting (p11-kit server + its client PKCS#11 module, a real
 * driver to the kiosk) and the server is killed after the first document: from then on the driver
 * answers as for a pulled-out token.
 */
class TokenRemovalTest {
    private Process server;

    @TempDir
    Path dir;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroy);
        }
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tokenPulledOutMidDossierIsTypedAndKeepsWhatWasSigned() throws Exception {
        String client = System.getenv("KIOSK_TEST_P11KIT_CLIENT");
        String socket = System.getenv("KIOSK_TEST_P11KIT_SOCKET");
        requireP11Kit(client, socket);
        Files.deleteIfExists(Path.of(socket));
        server = new ProcessBuilder("p11-kit", "server", "-f", "-n", socket, "--provider", SoftHsm.lib(),
                "pkcs11:token=" + SoftHsm.SPARE).redirectErrorStream(true).start();
        // The server prints its address once it listens.
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("p11-kit server started").isNotNull().contains("P11_KIT_SERVER_ADDRESS");

        DriverCatalogue.PresentDriver p11kit = new DriverCatalogue.PresentDriver("p11-kit (test)", client, null);
        List<List<String>> watched = new ArrayList<>();
        TokenDiscovery discovery = new TokenDiscovery();
        TokenWatcher watcher = new TokenWatcher(() -> discovery.scan(List.of(p11kit)).tokens(),
                now -> watched.add(now.stream().map(TokenInfo::label).toList()));
        watcher.poll();
        List<TokenInfo> tokens = new TokenDiscovery().scan(p11kit);
        TokenInfo token = tokens.stream().filter(t -> t.label().equals(SoftHsm.SPARE)).findFirst().orElseThrow();
        List<Document> docs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            docs.add(new Document(Pdfs.make(dir.resolve(i + ".pdf"), 2), dir.resolve(i + "-signed.pdf")));
        }
        PadesSigner signer = new PadesSigner(Clock.systemUTC(), Optional.empty(), PadesSigner.AppearanceWords.VIETNAMESE);
        SigningProgress pullOutAfterFirst = (done, total) -> {
            if (done == 1) {
                // The server hands each client to a child (p11-kit-remote): that child is the token's end.
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
                try {
                    server.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        assertThatThrownBy(() -> signer.signDossier(new Request(token, token.certificates().get(0).fingerprint(), docs,
                "Nộp hồ sơ", "Một cửa"), SoftHsm.pin(), pullOutAfterFirst))
                .isInstanceOfSatisfying(TokenRemovedException.class, e -> {
                    assertThat(e.signedBefore()).isEqualTo(1);
                    assertThat(e.messageKey()).isEqualTo("signing.error.token-removed");
                });
        assertThat(new PadesVerifier().verify(dir.resolve("1-signed.pdf")).altered()).isFalse();
        // The screen's token watcher sees it gone on its next look.
        watcher.poll();
        watcher.close();
        assertThat(watched).containsExactly(List.of(SoftHsm.SPARE), List.of());
        assertThat(dir.resolve("2-signed.pdf")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".part"));
        }
    }

    private static void requireP11Kit(String client, String socket) {
        SoftHsm.require();
        boolean ready = client != null && socket != null && Files.isRegularFile(Path.of(client))
                && (Files.isExecutable(Path.of("/usr/bin/p11-kit")));
        if (!ready) {
            String how = "p11-kit server/client missing (packages p11-kit, p11-kit-modules; see scripts/services/softhsm.sh)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(how);
            }
            assumeTrue(false, how);
        }
    }
}
