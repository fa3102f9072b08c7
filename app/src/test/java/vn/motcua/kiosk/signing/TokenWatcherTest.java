package vn.motcua.kiosk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.signing.pkcs11.TokenDiscovery;

/** Plugging in and pulling out a token reaches the listener on the next look, and only changes do. */
class TokenWatcherTest {
    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        kill();
    }

    private void kill() throws InterruptedException {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
            server = null;
        }
    }

    @Test
    void onlyChangesAreReported() throws Exception {
        TokenInfo token = SoftHsm.token(SoftHsm.RSA, 3);
        AtomicReference<List<TokenInfo>> plugged = new AtomicReference<>(List.of());
        List<List<TokenInfo>> heard = new ArrayList<>();
        try (TokenWatcher watcher = new TokenWatcher(plugged::get, heard::add)) {
            watcher.poll();
            watcher.poll();
            plugged.set(List.of(token));
            watcher.poll();
            watcher.poll();
            plugged.set(List.of());
            watcher.poll();
        }
        assertThat(heard).extracting(List::size).containsExactly(0, 1, 0);
    }

    @Test
    void aRealTokenServedByP11KitDisappearsWhenItsServerDies() throws Exception {
        String client = System.getenv("KIOSK_TEST_P11KIT_CLIENT");
        String socket = System.getenv("KIOSK_TEST_P11KIT_SOCKET");
        SoftHsm.require();
        if (client == null || socket == null || !Files.isRegularFile(Path.of(client))) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("p11-kit client missing (scripts/services/softhsm.sh)");
            }
            assumeTrue(false, "p11-kit client missing");
        }
        Files.deleteIfExists(Path.of(socket));
        server = new ProcessBuilder("p11-kit", "server", "-f", "-n", socket, "--provider", SoftHsm.lib(),
                "pkcs11:token=" + SoftHsm.SPARE).redirectErrorStream(true).start();
        String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).contains("P11_KIT_SERVER_ADDRESS");

        DriverCatalogue.PresentDriver driver = new DriverCatalogue.PresentDriver("p11-kit (test)", client, null);
        TokenDiscovery discovery = new TokenDiscovery();
        List<List<String>> heard = new ArrayList<>();
        try (TokenWatcher watcher = new TokenWatcher(() -> discovery.scan(List.of(driver)).tokens(),
                tokens -> heard.add(tokens.stream().map(TokenInfo::label).toList()))) {
            watcher.poll();
            kill();
            watcher.poll();
        }
        assertThat(heard).containsExactly(List.of(SoftHsm.SPARE), List.of());
    }
}
