// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.scanning.SaneScanner;

/**
 * doctor: the device services the Debian package sets up. saned must listen on loopback only (on
 * the network a citizen's scan could be read from the LAN), CUPS must keep no job files or history
 * (a receipt carries the citizen's ID number, address and phone), pcscd must be there for tokens.
 * Linux only; elsewhere each line says it does not apply.
 */
public final class ServiceChecks {
    /** CUPS's two directives and the values that keep nothing (it takes yes/on/true, no/off/false, or seconds). */
    private static final List<String> PRESERVE = List.of("PreserveJobFiles", "PreserveJobHistory");
    private static final Set<String> KEEPS_NOTHING = Set.of("no", "off", "false", "0");

    /** Where the services are looked for; tests point these at their own files. */
    public record Places(boolean linux, Path tcp, Path tcp6, InetSocketAddress saned, Path cupsdConf, Path pcscdSocket) {
        /**
         * This machine: saned where the kiosk's SANE adapter connects, pcscd's socket where
         * libpcsclite looks for it ({@code PCSCLITE_CSOCK_NAME} moves it, as it does for the kiosk).
         */
        public static Places system(Function<String, String> getenv) {
            String socket = getenv.apply("PCSCLITE_CSOCK_NAME");
            return new Places(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                    Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"), SaneScanner.kioskSaned(),
                    Path.of("/etc/cups/cupsd.conf"),
                    Path.of(socket == null || socket.isBlank() ? "/run/pcscd/pcscd.comm" : socket));
        }

        public Places withSaned(InetSocketAddress at) {
            return new Places(linux, tcp, tcp6, at, cupsdConf, pcscdSocket);
        }
    }

    private ServiceChecks() {}

    static List<Doctor.Check> run(Places places, Messages m) {
        return List.of(saned(places, m), cups(places, m), pcscd(places, m));
    }

    static Doctor.Check saned(Places p, Messages m) {
        String name = m.get("doctor.saned");
        if (!p.linux()) {
            return new Doctor.Check(name, true, m.get("doctor.notApplicable"));
        }
        List<InetSocketAddress> onPort;
        try {
            onPort = ListeningSockets.read(p.tcp(), p.tcp6()).stream().filter(a -> a.getPort() == p.saned().getPort()).toList();
        } catch (IOException e) {
            return new Doctor.Check(name, false, m.get("doctor.saned.unreadable", p.tcp(), e.getClass().getSimpleName()));
        }
        String kiosk = ListeningSockets.show(p.saned());
        List<String> network = onPort.stream().filter(a -> !a.getAddress().isLoopbackAddress())
                .map(ListeningSockets::show).distinct().toList();
        if (!network.isEmpty()) {
            return new Doctor.Check(name, false, m.get("doctor.saned.network", String.join(", ", network), kiosk));
        }
        if (onPort.stream().anyMatch(a -> a.getAddress().equals(p.saned().getAddress()))) {
            return new Doctor.Check(name, true, m.get("doctor.saned.ok", kiosk));
        }
        if (onPort.isEmpty()) {
            return new Doctor.Check(name, false, m.get("doctor.saned.notRunning", kiosk));
        }
        // e.g. on [::1] only: loopback, but not where the kiosk connects
        return new Doctor.Check(name, false, m.get("doctor.saned.elsewhere",
                String.join(", ", onPort.stream().map(ListeningSockets::show).distinct().toList()), kiosk));
    }

    static Doctor.Check cups(Places p, Messages m) {
        String name = m.get("doctor.cups");
        if (!p.linux()) {
            return new Doctor.Check(name, true, m.get("doctor.notApplicable"));
        }
        Map<String, String> found;
        try {
            found = topLevel(Files.readAllLines(p.cupsdConf()));
        } catch (IOException e) {
            return new Doctor.Check(name, false, m.get("doctor.cups.unreadable", p.cupsdConf(), e.getClass().getSimpleName()));
        }
        List<String> wrong = new ArrayList<>();
        for (String directive : PRESERVE) {
            String line = found.get(directive.toLowerCase(Locale.ROOT));
            if (line == null) {
                wrong.add(m.get("doctor.cups.missingLine", directive));
            } else if (!KEEPS_NOTHING.contains(value(line).toLowerCase(Locale.ROOT))) {
                wrong.add(line);
            }
        }
        return wrong.isEmpty()
                ? new Doctor.Check(name, true, m.get("doctor.cups.ok", p.cupsdConf()))
                : new Doctor.Check(name, false, m.get("doctor.cups.problem", p.cupsdConf(), String.join("; ", wrong)));
    }

    static Doctor.Check pcscd(Places p, Messages m) {
        String name = m.get("doctor.pcscd");
        if (!p.linux()) {
            return new Doctor.Check(name, true, m.get("doctor.notApplicable"));
        }
        Path socket = p.pcscdSocket();
        // A socket is neither a regular file nor a folder.
        boolean there = Files.exists(socket) && !Files.isRegularFile(socket) && !Files.isDirectory(socket);
        return new Doctor.Check(name, there, m.get(there ? "doctor.pcscd.ok" : "doctor.pcscd.problem", socket));
    }

    /**
     * The last line of each PreserveJob… directive outside any {@code <Location>}/{@code <Policy>} block
     * (cupsd reads directive names without regard to case; a later line wins).
     */
    private static Map<String, String> topLevel(List<String> lines) {
        Map<String, String> found = new LinkedHashMap<>();
        int depth = 0;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("</")) {
                depth = Math.max(0, depth - 1);
            } else if (line.startsWith("<")) {
                depth++;
            } else if (depth == 0 && !line.isEmpty() && !line.startsWith("#")) {
                String directive = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
                if (PRESERVE.stream().anyMatch(d -> d.equalsIgnoreCase(directive))) {
                    found.put(directive, line);
                }
            }
        }
        return found;
    }

    private static String value(String line) {
        String[] parts = line.split("\\s+", 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }
}
