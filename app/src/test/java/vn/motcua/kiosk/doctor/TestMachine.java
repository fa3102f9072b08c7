// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.doctor;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.motcua.kiosk.scanning.SaneScanner;

/**
 * A kiosk machine's service files in a temp folder, as Linux writes them (x86/ARM byte order):
 * /proc/net/tcp and tcp6, /etc/cups/cupsd.conf and pcscd's socket, for {@link ServiceChecks.Places}.
 */
final class TestMachine {
    static final String TCP_HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
    static final String TCP6_HEADER = "  sl  local_address                         remote_address                        st tx_queue rx_queue"
            + " tr tm->when retrnsmt   uid  timeout inode";
    /** saned on 127.0.0.1:6566 (0x19A6), listening. */
    static final String SANED_LOOPBACK =
            "   0: 0100007F:19A6 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 21345 1 0000000000000000 100 0 0 10 0";
    /** saned on 0.0.0.0:6566: every interface. */
    static final String SANED_ANY =
            "   0: 00000000:19A6 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 21345 1 0000000000000000 100 0 0 10 0";
    /** The kiosk talking to saned: an established connection (01), not a listener. */
    static final String SANED_CONNECTION =
            "   1: 0100007F:19A6 0100007F:D2F4 01 00000000:00000000 00:00000000 00000000   113        0 31337 1 0000000000000000 20 4 30 10 -1";
    /** CUPS on 127.0.0.1:631 (0x0277). */
    static final String CUPS_LOOPBACK =
            "   2: 0100007F:0277 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 19876 1 0000000000000000 100 0 0 10 0";
    /** CUPS on [::1]:631. */
    static final String CUPS_LOOPBACK6 = "   0: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A"
            + " 00000000:00000000 00:00000000 00000000     0        0 19877 1 0000000000000000 100 0 0 10 0";
    /** saned on [::]:6566 (systemd's default for ListenStream=6566): every interface, IPv4 too. */
    static final String SANED_ANY6 = "   1: 00000000000000000000000000000000:19A6 00000000000000000000000000000000:0000 0A"
            + " 00000000:00000000 00:00000000 00000000     0        0 23456 1 0000000000000000 100 0 0 10 0";
    /** saned on [::1]:6566 only: loopback, but the kiosk connects to 127.0.0.1. */
    static final String SANED_LOOPBACK6 = "   1: 00000000000000000000000001000000:19A6 00000000000000000000000000000000:0000 0A"
            + " 00000000:00000000 00:00000000 00000000     0        0 23457 1 0000000000000000 100 0 0 10 0";
    /** The lines the Debian package puts into cupsd.conf, in a stock Debian file. */
    static final String CUPSD_KIOSK = """
            # Configuration file for the CUPS scheduler.  See "man cupsd.conf" for a
            # complete description of this file.
            LogLevel warn
            PageLogFormat
            MaxLogSize 0
            Listen localhost:631
            Listen /run/cups/cups.sock
            PreserveJobFiles No
            PreserveJobHistory No
            <Location />
              Order allow,deny
            </Location>
            """;

    private TestMachine() {}

    /** Everything as the package leaves it: saned on loopback, CUPS keeping nothing, pcscd's socket there. */
    static ServiceChecks.Places healthy(Path dir) throws IOException {
        return places(dir, lines(TCP_HEADER, SANED_LOOPBACK, SANED_CONNECTION, CUPS_LOOPBACK), lines(TCP6_HEADER, CUPS_LOOPBACK6),
                CUPSD_KIOSK, true);
    }

    /** The files with this content; a null content leaves the file out. */
    static ServiceChecks.Places places(Path dir, String tcp, String tcp6, String cupsd, boolean pcscdSocket) throws IOException {
        Path proc = Files.createDirectories(dir.resolve("proc/net"));
        Path cups = Files.createDirectories(dir.resolve("etc/cups"));
        Path run = Files.createDirectories(dir.resolve("run/pcscd"));
        ServiceChecks.Places p = new ServiceChecks.Places(true, proc.resolve("tcp"), proc.resolve("tcp6"), SaneScanner.kioskSaned(),
                cups.resolve("cupsd.conf"), run.resolve("pcscd.comm"));
        write(p.tcp(), tcp);
        write(p.tcp6(), tcp6);
        write(p.cupsdConf(), cupsd);
        Files.deleteIfExists(p.pcscdSocket());
        if (pcscdSocket) {
            // A real socket file, as pcscd.socket leaves it; it stays on disk when the channel closes.
            try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                s.bind(UnixDomainSocketAddress.of(p.pcscdSocket()));
            }
        }
        return p;
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static void write(Path file, String content) throws IOException {
        if (content == null) {
            Files.deleteIfExists(file);
        } else {
            Files.writeString(file, content);
        }
    }
}
