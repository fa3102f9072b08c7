// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.privacy.KeyFile;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.store.OutboxStore;

/**
 * The install test's fixture: what {@code seed} leaves — a parked draft, a dossier waiting in the
 * outbox, nothing sent — is what {@code check} finds, as often as it is asked, sent or not; a
 * reference or a birth year that is not there fails the check.
 */
class InstalledKioskDataTest {
    private static final Pattern PARKED = Pattern.compile("(?m)^parked ([A-Z0-9]{6}) (\\d{4})$");
    private static final Pattern OUTBOX = Pattern.compile("(?m)^outbox (CG-\\d{6}-[A-Z0-9]{6})$");

    @TempDir
    Path dir;
    private Path etc;
    private Path share;
    private Path key;
    private Path data;
    private String[] where;

    @BeforeEach
    void install() throws Exception {
        // As the package lays it out: an /etc folder over the shipped configuration, the key beside.
        etc = Files.createDirectory(dir.resolve("etc"));
        share = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolveSibling("kiosk-config");
        key = etc.resolve("data.key");
        data = dir.resolve("data");
        KeyFile.open(new KeyFile.Location(key, true));
        where = new String[] {"--config", etc.toString(), "--config", share.toString(), "--data", data.toString(),
                "--key", key.toString()};
    }

    @Test
    void whatSeedLeavesCheckFindsAndAWrongReferenceOrYearFails() {
        Run seed = run("seed");
        assertThat(seed.status).as(seed.err).isZero();
        Matcher parked = PARKED.matcher(seed.out);
        Matcher outbox = OUTBOX.matcher(seed.out);
        assertThat(parked.find()).as(seed.out).isTrue();
        assertThat(outbox.find()).as(seed.out).isTrue();
        String code = parked.group(1) + ":" + parked.group(2);
        String ref = outbox.group(1);

        Run check = run("check", "--parked", code, "--outbox", ref);
        assertThat(check.status).as(check.err).isZero();
        assertThat(check.out).contains("parked " + parked.group(1) + " " + parked.group(2) + " trich-luc-ho-tich answers=11")
                // never sent: the portal link was not started
                .contains("outbox " + ref + " QUEUED papers=2 attempts=0");

        Run wrongRef = run("check", "--parked", code, "--outbox", "CG-010101-AAAAAA");
        assertThat(wrongRef.status).isEqualTo(1);
        assertThat(wrongRef.err).contains("outbox entry CG-010101-AAAAAA is gone");
        // The check leaves the draft parked: found again.
        assertThat(wrongRef.out).contains("parked " + parked.group(1));

        Run wrongYear = run("check", "--parked", parked.group(1) + ":1988", "--outbox", ref);
        assertThat(wrongYear.status).isEqualTo(1);
        assertThat(wrongYear.err).contains("no parked draft for " + parked.group(1) + " and 1988");
    }

    @Test
    void aDossierTheUpgradedKioskHasSentStillCounts() throws Exception {
        Run seed = run("seed");
        Matcher parked = PARKED.matcher(seed.out);
        Matcher outbox = OUTBOX.matcher(seed.out);
        assertThat(parked.find() && outbox.find()).as(seed.out + seed.err).isTrue();
        String ref = outbox.group(1);
        // The kiosk started after the upgrade: its embedded training portal takes the dossier.
        ConfigSource source = ConfigSource.layered(List.of(etc, share));
        try (KioskServices kiosk = KioskServices.open(source, new ConfigLoader().load(source), data, KeyFile.load(key),
                Clock.systemDefaultZone())) {
            kiosk.portal().start();
            kiosk.portal().wakeWorker();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> kiosk.portal().outbox().store().find(ref).orElseThrow().state() == OutboxStore.State.SENT);
        }

        Run check = run("check", "--parked", parked.group(1) + ":" + parked.group(2), "--outbox", ref);
        assertThat(check.status).as(check.err).isZero();
        assertThat(check.out).containsPattern("(?m)^outbox " + ref + " SENT \\S+$");
    }

    @Test
    void checkWithoutWhatToLookForIsAUsageError() {
        assertThat(run("check", "--outbox", "CG-010101-AAAAAA").status).isEqualTo(2);
    }

    private record Run(int status, String out, String err) {}

    private Run run(String... args) {
        String[] all = new String[args.length + where.length];
        all[0] = args[0];
        System.arraycopy(where, 0, all, 1, where.length);
        System.arraycopy(args, 1, all, 1 + where.length, args.length - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = InstalledKioskData.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
