// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static vn.motcua.kiosk.doctor.TestMachine.CUPSD_KIOSK;
import static vn.motcua.kiosk.doctor.TestMachine.CUPS_LOOPBACK;
import static vn.motcua.kiosk.doctor.TestMachine.CUPS_LOOPBACK6;
import static vn.motcua.kiosk.doctor.TestMachine.SANED_ANY;
import static vn.motcua.kiosk.doctor.TestMachine.SANED_ANY6;
import static vn.motcua.kiosk.doctor.TestMachine.SANED_LOOPBACK;
import static vn.motcua.kiosk.doctor.TestMachine.SANED_LOOPBACK6;
import static vn.motcua.kiosk.doctor.TestMachine.TCP6_HEADER;
import static vn.motcua.kiosk.doctor.TestMachine.TCP_HEADER;
import static vn.motcua.kiosk.doctor.TestMachine.lines;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.scanning.TestSaned;

/** doctor's lines for saned, CUPS and pcscd, from a kiosk machine's files written by hand, and against the live test services. */
class ServiceChecksTest {
    @TempDir
    Path dir;

    private static final Messages EN = Messages.of(Locale.ENGLISH);
    private static final Messages VI = Messages.of(Locale.forLanguageTag("vi"));

    private ServiceChecks.Places withTcp(String tcp, String tcp6) throws Exception {
        return TestMachine.places(dir, tcp, tcp6, CUPSD_KIOSK, true);
    }

    private ServiceChecks.Places withCupsd(String cupsd) throws Exception {
        return TestMachine.places(dir, lines(TCP_HEADER, SANED_LOOPBACK), lines(TCP6_HEADER), cupsd, true);
    }

    @Test
    void aMachineAsThePackageLeavesItIsOkOnEachLine() throws Exception {
        List<Doctor.Check> checks = ServiceChecks.run(TestMachine.healthy(dir), EN);
        assertThat(checks).allSatisfy(c -> assertThat(c.ok()).as(c.detail()).isTrue());
        assertThat(checks).extracting(Doctor.Check::detail).containsExactly(
                "listens on loopback only, at 127.0.0.1:6566 where the kiosk connects",
                dir.resolve("etc/cups/cupsd.conf") + ": PreserveJobFiles No, PreserveJobHistory No — CUPS keeps no receipt",
                dir.resolve("run/pcscd/pcscd.comm") + " is there: pcscd is ready for token readers");
        assertThat(ServiceChecks.run(TestMachine.healthy(dir), VI)).extracting(Doctor.Check::detail)
                .first().isEqualTo("chỉ nghe trên loopback, tại 127.0.0.1:6566 nơi kiosk kết nối");
    }

    @Test
    void sanedOnEveryIpv4InterfaceIsAProblemEvenWhenLoopbackWorks() throws Exception {
        Doctor.Check c = ServiceChecks.saned(withTcp(lines(TCP_HEADER, SANED_LOOPBACK, SANED_ANY), lines(TCP6_HEADER)), EN);
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).startsWith("saned listens on the network too (0.0.0.0:6566)")
                .contains("a citizen's scan could be read from the LAN", "ListenStream=127.0.0.1:6566", "systemctl restart saned.socket");
    }

    @Test
    void sanedOnEveryIpv6InterfaceIsAProblem() throws Exception {
        // systemd's stock saned.socket (ListenStream=6566): one [::] socket that takes IPv4 too.
        Doctor.Check c = ServiceChecks.saned(withTcp(lines(TCP_HEADER, CUPS_LOOPBACK), lines(TCP6_HEADER, CUPS_LOOPBACK6, SANED_ANY6)), EN);
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).startsWith("saned listens on the network too ([::]:6566)");
        assertThat(ServiceChecks.saned(withTcp(lines(TCP_HEADER), lines(TCP6_HEADER, SANED_ANY6)), VI).detail())
                .startsWith("saned nghe cả trên mạng ([::]:6566), không chỉ loopback: bản quét của công dân đọc được từ mạng LAN");
    }

    @Test
    void sanedListeningNowhereSaysHowToStartIt() throws Exception {
        Doctor.Check c = ServiceChecks.saned(withTcp(lines(TCP_HEADER, CUPS_LOOPBACK), lines(TCP6_HEADER, CUPS_LOOPBACK6)), EN);
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).isEqualTo("saned is not running (nothing listens at 127.0.0.1:6566) — systemctl enable --now saned.socket");
        assertThat(ServiceChecks.saned(withTcp(lines(TCP_HEADER), null), VI).detail())
                .isEqualTo("saned không chạy (không có gì nghe tại 127.0.0.1:6566) — systemctl enable --now saned.socket");
    }

    @Test
    void sanedOnIpv6LoopbackOnlyIsNotWhereTheKioskConnects() throws Exception {
        Doctor.Check c = ServiceChecks.saned(withTcp(lines(TCP_HEADER), lines(TCP6_HEADER, SANED_LOOPBACK6)), EN);
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).startsWith("saned listens at [::1]:6566, not at 127.0.0.1:6566 where the kiosk connects");
    }

    @Test
    void unreadableSocketListIsAProblemNotACrash() throws Exception {
        Doctor.Check c = ServiceChecks.saned(withTcp(null, null), EN);
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).startsWith("cannot read " + dir.resolve("proc/net/tcp") + " (NoSuchFileException)");
    }

    @Test
    void cupsKeepingJobFilesOrHistoryNamesTheFileAndTheLines() throws Exception {
        Path conf = dir.resolve("etc/cups/cupsd.conf");
        Doctor.Check yes = ServiceChecks.cups(withCupsd(CUPSD_KIOSK.replace("PreserveJobFiles No", "PreserveJobFiles Yes")), EN);
        assertThat(yes.ok()).isFalse();
        assertThat(yes.detail()).startsWith(conf + ": PreserveJobFiles Yes — CUPS keeps receipts")
                .contains("PreserveJobFiles No and PreserveJobHistory No in " + conf, "cupsd -t", "systemctl restart cups");

        // Debian's stock file has neither line: CUPS then keeps files for a day and the history for ever.
        Doctor.Check missing = ServiceChecks.cups(withCupsd("LogLevel warn\nListen localhost:631\n"), EN);
        assertThat(missing.ok()).isFalse();
        assertThat(missing.detail()).startsWith(conf + ": no PreserveJobFiles line (CUPS keeps by default); "
                + "no PreserveJobHistory line (CUPS keeps by default) — ");
        assertThat(ServiceChecks.cups(withCupsd("LogLevel warn\n"), VI).detail())
                .startsWith(conf + ": thiếu dòng PreserveJobFiles (mặc định CUPS vẫn giữ); thiếu dòng PreserveJobHistory");

        Doctor.Check seconds = ServiceChecks.cups(withCupsd(CUPSD_KIOSK.replace("PreserveJobFiles No", "PreserveJobFiles 86400")), EN);
        assertThat(seconds.detail()).startsWith(conf + ": PreserveJobFiles 86400 — ");
    }

    @Test
    void cupsReadsDirectivesAsCupsdDoes() throws Exception {
        // Names without regard to case, a later line wins, a commented line or one inside a block does not count.
        assertThat(ServiceChecks.cups(withCupsd("preservejobfiles off\nPreserveJobHistory false\n"), EN).ok()).isTrue();
        Doctor.Check later = ServiceChecks.cups(withCupsd(CUPSD_KIOSK + "PreserveJobHistory Yes\n"), EN);
        assertThat(later.ok()).isFalse();
        assertThat(later.detail()).contains(": PreserveJobHistory Yes — ");
        Doctor.Check hidden = ServiceChecks.cups(withCupsd("#PreserveJobFiles No\n<Location />\nPreserveJobFiles No\n</Location>\n"
                + "PreserveJobHistory No\n"), EN);
        assertThat(hidden.ok()).isFalse();
        assertThat(hidden.detail()).contains(": no PreserveJobFiles line");
    }

    @Test
    void noCupsdConfIsAProblemNamingIt() throws Exception {
        Doctor.Check c = ServiceChecks.cups(withCupsd(null), EN);
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).isEqualTo("cannot read " + dir.resolve("etc/cups/cupsd.conf")
                + " (NoSuchFileException) — install CUPS (package cups) and let this file be read");
    }

    @Test
    void noPcscdSocketSaysHowToEnableIt() throws Exception {
        ServiceChecks.Places p = TestMachine.places(dir, lines(TCP_HEADER, SANED_LOOPBACK), null, CUPSD_KIOSK, false);
        Doctor.Check c = ServiceChecks.pcscd(p, EN);
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).isEqualTo("no " + p.pcscdSocket() + ": pcscd is not running — systemctl enable --now pcscd.socket");
        Files.writeString(p.pcscdSocket(), "a plain file left behind");
        assertThat(ServiceChecks.pcscd(p, EN).ok()).as("a plain file is no socket").isFalse();
        assertThat(ServiceChecks.pcscd(p, VI).detail()).isEqualTo("không có " + p.pcscdSocket()
                + ": pcscd không chạy — systemctl enable --now pcscd.socket");
    }

    @Test
    void offLinuxEachLineSaysItDoesNotApply() throws Exception {
        ServiceChecks.Places empty = TestMachine.places(dir, null, null, null, false);
        ServiceChecks.Places windows = new ServiceChecks.Places(false, empty.tcp(), empty.tcp6(), empty.saned(), empty.cupsdConf(),
                empty.pcscdSocket());
        assertThat(ServiceChecks.run(windows, EN)).allSatisfy(c -> {
            assertThat(c.ok()).isTrue();
            assertThat(c.detail()).isEqualTo("not applicable (checked on Linux only)");
        });
        assertThat(ServiceChecks.run(windows, VI)).extracting(Doctor.Check::detail).containsOnly("không áp dụng (chỉ kiểm tra trên Linux)");
    }

    @Test
    void theTestServicesSanedIsOnLoopbackOnlyInTheLiveSocketList() {
        InetSocketAddress saned = TestSaned.address();
        ServiceChecks.Places live = ServiceChecks.Places.system(System::getenv).withSaned(saned);
        assertThat(live.tcp()).isEqualTo(Path.of("/proc/net/tcp"));
        Doctor.Check c = ServiceChecks.saned(live, EN);
        assertThat(c.ok()).as(c.detail()).isTrue();
        assertThat(c.detail()).isEqualTo("listens on loopback only, at 127.0.0.1:" + saned.getPort() + " where the kiosk connects");
    }

    @Test
    void theTestServicesPcscdSocketIsFoundWhereLibpcscliteLooks() {
        String socket = System.getenv("PCSCLITE_CSOCK_NAME");
        if (socket == null || socket.isBlank()) {
            String why = "PCSCLITE_CSOCK_NAME is not set: run the test under scripts/with-test-services.sh (as root)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        Doctor.Check c = ServiceChecks.pcscd(ServiceChecks.Places.system(System::getenv), EN);
        assertThat(c.ok()).as(c.detail()).isTrue();
        assertThat(c.detail()).startsWith(socket + " is there");
    }
}
