// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /proc/net/tcp and tcp6 as Linux writes them: listeners only, addresses in the machine's byte order. */
class ListeningSocketsTest {
    private static List<String> shown(String... lines) {
        return ListeningSockets.parse(List.of(lines), ByteOrder.LITTLE_ENDIAN).stream().map(ListeningSockets::show).toList();
    }

    @Test
    void ipv4ListenersAreReadAndConnectionsAndTheHeaderLeftOut() {
        assertThat(shown(TestMachine.TCP_HEADER, TestMachine.SANED_LOOPBACK, TestMachine.SANED_CONNECTION, TestMachine.CUPS_LOOPBACK,
                TestMachine.SANED_ANY)).containsExactly("127.0.0.1:6566", "127.0.0.1:631", "0.0.0.0:6566");
    }

    @Test
    void ipv6ListenersAreReadWithTheAnyAndLoopbackAddressesAsWritten() {
        assertThat(shown(TestMachine.TCP6_HEADER, TestMachine.SANED_ANY6, TestMachine.CUPS_LOOPBACK6, TestMachine.SANED_LOOPBACK6))
                .containsExactly("[::]:6566", "[::1]:631", "[::1]:6566");
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4AddressAndALanAddressIsNotLoopback() {
        String mapped = "   0: 0000000000000000FFFF00000100007F:19A6 00000000000000000000000000000000:0000 0A"
                + " 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0";
        String lan = "   0: 0501A8C0:19A6 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1 0000000000000000 100 0 0 10 0";
        List<InetSocketAddress> read = ListeningSockets.parse(List.of(mapped, lan), ByteOrder.LITTLE_ENDIAN);
        assertThat(read).extracting(ListeningSockets::show).containsExactly("127.0.0.1:6566", "192.168.1.5:6566");
        assertThat(read.get(0).getAddress().isLoopbackAddress()).isTrue();
        assertThat(read.get(1).getAddress().isLoopbackAddress()).isFalse();
    }

    @Test
    void aBigEndianMachineWritesTheSameAddressTheOtherWayRound() {
        String line = "   0: 7F000001:19A6 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0";
        assertThat(ListeningSockets.parse(List.of(line), ByteOrder.BIG_ENDIAN)).extracting(ListeningSockets::show)
                .containsExactly("127.0.0.1:6566");
    }
}
