// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.outbox.TrainingPortalFixture;

/** doctor's portal line against the real training portal: accepted, refused, unreachable. */
class PortalCheckTest {
    @TempDir
    Path dir;

    final Messages en = Messages.of(Locale.ENGLISH);

    @Test
    void theShippedTrainingKioskSignsInToItsEmbeddedPortal() throws Exception {
        KioskConfig config = new ConfigLoader().load(ConfigSource.embedded());
        Doctor.Check c = PortalCheck.run(ConfigSource.embedded(), config, en);
        assertThat(c.ok()).as(c.detail()).isTrue();
        assertThat(c.detail()).contains("accepts kiosk TAP-HUAN-01");
    }

    @Test
    void aWrongSecretAndADeadAddressAreNamed() throws Exception {
        KioskConfig config = new ConfigLoader().load(ConfigSource.embedded());
        try (TrainingPortalFixture portal = new TrainingPortalFixture(dir)) {
            Doctor.Check wrong = PortalCheck.login(URI.create(portal.portal.apiUrl()), config, "not-the-secret", ConfigSource.embedded(), en);
            assertThat(wrong.ok()).isFalse();
            assertThat(wrong.detail()).contains("refuses kiosk TAP-HUAN-01").contains("HTTP 401").contains("portal-secret.txt")
                    .doesNotContain("not-the-secret");
        }
        Doctor.Check dead = PortalCheck.login(URI.create("http://127.0.0.1:9/api/v1"), config, "x", ConfigSource.embedded(), en);
        assertThat(dead.ok()).isFalse();
        assertThat(dead.detail()).startsWith("Cannot reach http://127.0.0.1:9/api/v1");
    }
}
