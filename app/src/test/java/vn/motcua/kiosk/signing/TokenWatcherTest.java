package vn.motcua.kiosk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Plugging in and pulling out reach the listener on the next look, and only changes do. The real
 * unplugging of a token is in {@link TokenRemovalTest}: the p11-kit client serves one server per
 * process, so both live in one test.
 */
class TokenWatcherTest {
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
}
