// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.PortalException;
import vn.motcua.kiosk.portal.PortalRefusedException;
import vn.motcua.portal.training.TrainingPortal;

/** doctor: does the portal answer, and does it accept this kiosk's id and secret? */
final class PortalCheck {
    private PortalCheck() {}

    static Doctor.Check run(ConfigSource source, KioskConfig config, Messages m) {
        String name = m.get("doctor.portal.login");
        String secret;
        try (InputStream in = source.open(config.portal().secretFile())) {
            secret = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return new Doctor.Check(name, false, m.get("doctor.portal.noSecret", source.describe(config.portal().secretFile())));
        }
        if (!config.portal().embeddedTraining()) {
            return login(config.portal().url(), config, secret, source, m);
        }
        // The kiosk would start its own training portal: start one in a scratch folder and ask it.
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("motcua-doctor-portal");
            try (TrainingPortal portal = TrainingPortal.start(new TrainingPortal.Options(0, scratch, 1, Duration.ofMinutes(15)))) {
                return login(URI.create(portal.apiUrl()), config, secret, source, m);
            }
        } catch (IOException e) {
            return new Doctor.Check(name, false, m.get("doctor.portal.unreachable", "embedded:training", e.getClass().getSimpleName()));
        } finally {
            deleteQuietly(scratch);
        }
    }

    static Doctor.Check login(URI api, KioskConfig config, String secret, ConfigSource source, Messages m) {
        String name = m.get("doctor.portal.login");
        try {
            new PortalClient(new PortalClient.Endpoint(api, config.kioskId(), secret)).login();
            return new Doctor.Check(name, true, m.get("doctor.portal.loginOk", api, config.kioskId()));
        } catch (PortalRefusedException e) {
            return new Doctor.Check(name, false, m.get("doctor.portal.refused", config.kioskId(), source.describe(config.portal().secretFile()),
                    e.status()));
        } catch (PortalException e) {
            return new Doctor.Check(name, false, m.get("doctor.portal.unreachable", api, e.getMessage()));
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch folder under the temp dir; the OS clears it
        }
    }
}
