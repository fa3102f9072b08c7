// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The privacy audit's scan finds what it claims to find, where it is, and nothing else. */
class PersonalDataScanTest {
    @TempDir
    Path dir;

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private List<String> found(PersonalDataScan.Report r) {
        return r.findings().stream().map(f -> f.file().getFileName() + ": " + f.what() + " @" + f.offsets()).toList();
    }

    @Test
    void findsHerInEveryEncodingAcrossChunksAndNearHerPhoneAndPlainDocuments() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        String nfd = Normalizer.normalize(TestCitizen.NAME, Normalizer.Form.NFD);
        Files.write(data.resolve("wal"), concat(random(100, 1), nfd.getBytes(StandardCharsets.UTF_16LE), random(50, 2)));
        Files.writeString(data.resolve("body.json"), "{\"n\":\"KH\\u1ed4NG TH\\u1eca \\u1ef6 LAN QUY\\u00caN\"}");
        // The ID number across the scan's 8 MiB chunk boundary.
        int boundary = 8 << 20;
        // Written as it goes: the suite's JVM is shared and its heap is not this test's alone.
        try (var out = Files.newOutputStream(data.resolve("big"))) {
            out.write(new byte[boundary - 5]);
            out.write(TestCitizen.ID_NUMBER.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1000]);
        }
        // Her surname, then the phone's last four digits 30 bytes on; the same digits far from any name are nothing.
        Files.write(data.resolve("near"), concat("Khổng".getBytes(StandardCharsets.UTF_8), new byte[30],
                "8273".getBytes(StandardCharsets.US_ASCII), new byte[500], "8273".getBytes(StandardCharsets.US_ASCII)));
        Files.write(data.resolve("receipt"), concat("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), random(200, 3)));
        Files.write(data.resolve("db"), concat(random(300, 4), "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), random(10, 5)));
        Files.write(data.resolve("sealed"), random(20_000, 6));

        PersonalDataScan.Report r = PersonalDataScan.forTestCitizen().dataFolder("data", data).scan();

        assertThat(found(r)).containsExactlyInAnyOrder(
                "wal: name (UTF-16LE, NFD) @[100]",
                "body.json: name, upper case (JSON \\u escapes) @[6]",
                "big: ID number (UTF-8) @[" + (boundary - 5) + "]",
                "near: phone's last four digits within 64 bytes of \"Khổng\" (UTF-8) @[37]",
                "receipt: the file is a PDF in plain form @[0]",
                "receipt: a PDF in plain form inside the file (%PDF-) @[0]",
                "db: a PDF in plain form inside the file (%PDF-) @[300]");
        assertThat(r.describe("a test")).contains("[data] wal: name (UTF-16LE, NFD) \"" + nfd + "\" at byte 100")
                .doesNotContain("8273\u0000"); // the needle, never the bytes around it
    }

    @Test
    void aChangedSinceAreaSkipsOlderFilesCheckoutsSystemRootsAndWhatItIsTold() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        byte[] name = TestCitizen.NAME.getBytes(StandardCharsets.UTF_8);
        Instant since = Instant.now().minusSeconds(60);
        Path old = Files.write(tmp.resolve("old"), name);
        Files.setLastModifiedTime(old, FileTime.from(since.minusSeconds(3600)));
        Path checkout = Files.createDirectories(tmp.resolve("clone/kiosk"));
        Files.createDirectories(checkout.resolve(".git"));
        Files.write(checkout.resolve("PrivacyAuditTest.java"), name);
        Path system = Files.createDirectories(tmp.resolve("kiosk-fresh-root.x/etc"));
        Files.createDirectories(system.resolveSibling("usr"));
        Files.write(system.resolve("leaked"), name);
        Path others = Files.createDirectories(tmp.resolve("portal"));
        Files.write(others.resolve("portal.db"), name);
        Files.write(tmp.resolve("new"), name);

        PersonalDataScan.Report r = PersonalDataScan.forTestCitizen().changedSince("temp", tmp, since, List.of(others)).scan();

        assertThat(found(r)).containsExactly("new: name (UTF-8) @[0]");
        assertThat(r.scanned()).singleElement().asString().contains("1 files").contains("2 git checkout(s) or system root(s) skipped");
    }

    @Test
    void ciphertextAndOtherPeoplesDataAreClean() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("kiosk.db"), random(1 << 20, 7));
        Files.writeString(data.resolve("other.json"), "{\"name\":\"Trần Thị Bình\",\"id\":\"056195012345\",\"phone\":\"0905128273\"}");
        assertThat(PersonalDataScan.forTestCitizen().dataFolder("data", data).assertClean("nothing").clean()).isTrue();

        Files.writeString(data.resolve("log"), "parked: " + TestCitizen.ID_NUMBER);
        assertThatThrownBy(() -> PersonalDataScan.forTestCitizen().dataFolder("data", data).assertClean("a leak"))
                .hasMessageStartingWith("after a leak: the test citizen's personal data is on disk — 1 finding(s) in 1 file(s):")
                .hasMessageContaining("[data] log: ID number (UTF-8) \"056187730419\" at byte 8");
    }
}
