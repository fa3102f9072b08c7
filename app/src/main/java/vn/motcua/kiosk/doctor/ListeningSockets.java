// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.doctor;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TCP sockets in LISTEN state, read from Linux's {@code /proc/net/tcp} and {@code /proc/net/tcp6}:
 * no tool (ss, netstat) need be installed and no process need be asked.
 */
final class ListeningSockets {
    /** The kernel's TCP_LISTEN state as the files print it. */
    private static final String LISTEN = "0A";
    /** "sl local_address rem_address st …": an IPv4 (8 hex digits) or IPv6 (32) address, a colon, the port (4). */
    private static final Pattern LINE = Pattern.compile(
            "\\s*\\d+:\\s+([0-9A-Fa-f]{8}(?:[0-9A-Fa-f]{24})?):([0-9A-Fa-f]{4})\\s+\\S+\\s+([0-9A-Fa-f]{2})\\b.*");

    private ListeningSockets() {}

    /** Both files; {@code tcp6} may be missing (IPv6 turned off), {@code tcp} may not. */
    static List<InetSocketAddress> read(Path tcp, Path tcp6) throws IOException {
        List<InetSocketAddress> all = new ArrayList<>(parse(Files.readAllLines(tcp), ByteOrder.nativeOrder()));
        try {
            all.addAll(parse(Files.readAllLines(tcp6), ByteOrder.nativeOrder()));
        } catch (NoSuchFileException e) {
            // no IPv6 on this machine: nothing can listen there
        }
        return all;
    }

    /**
     * The kernel prints each 32-bit word of an address as a number in the machine's byte order
     * (127.0.0.1 is {@code 0100007F} on x86 and ARM); the port is a plain number.
     */
    static List<InetSocketAddress> parse(List<String> lines, ByteOrder order) {
        List<InetSocketAddress> listening = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && m.group(3).equalsIgnoreCase(LISTEN)) {
                listening.add(new InetSocketAddress(address(m.group(1), order), Integer.parseInt(m.group(2), 16)));
            }
        }
        return listening;
    }

    /** As a technician writes it: 127.0.0.1:6566, [::]:6566. */
    static String show(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        String host = ip.getHostAddress();
        if (ip instanceof Inet6Address) {
            host = "[" + (ip.isAnyLocalAddress() ? "::" : ip.isLoopbackAddress() ? "::1" : host) + "]";
        }
        return host + ":" + a.getPort();
    }

    private static InetAddress address(String hex, ByteOrder order) {
        ByteBuffer bytes = ByteBuffer.allocate(hex.length() / 2).order(order);
        for (int i = 0; i < hex.length(); i += 8) {
            bytes.putInt((int) Long.parseLong(hex.substring(i, i + 8), 16));
        }
        try {
            // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) comes back as the IPv4 address.
            return InetAddress.getByAddress(bytes.array());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes by construction", e);
        }
    }
}
