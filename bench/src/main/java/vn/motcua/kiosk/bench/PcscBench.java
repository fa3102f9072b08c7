// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import vn.motcua.kiosk.signing.PcscWatcher;
import vn.motcua.kiosk.signing.TokenInfo;
import vn.motcua.kiosk.signing.TokenWatcher;

/**
 * How soon the signing screen hears a card come and go through PC/SC (the figures PcscWatcherTest
 * used to assert): a virtual card inserted by starting vicc and removed by killing it, against the
 * private pcscd of scripts/services/pcsc.sh, with the token watcher's own polling an hour apart so
 * only PC/SC can make it look. Usage: {@code PcscBench ROUNDS VICC READER} — or
 * {@code PcscBench no-pcscd}: how long starting the watcher takes when no pcscd answers.
 */
public final class PcscBench {
    private PcscBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("no-pcscd")) {
            long t0 = System.nanoTime();
            try (PcscWatcher pcsc = PcscWatcher.system()) {
                boolean started = pcsc.start(() -> { });
                System.out.printf("no pcscd: start returned %s after %d ms%n", started, (System.nanoTime() - t0) / 1_000_000);
            }
            return;
        }
        int rounds = Integer.parseInt(args[0]);
        String vicc = args[1];
        CardTerminal terminal = TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(args[2]);
        if (terminal == null) {
            throw new IllegalStateException("reader " + args[2] + " not in the private pcscd");
        }
        TokenInfo token = new TokenInfo("Virtual", "vpcd", 0, "virtual card", "vsmartcard", "vicc", "1",
                TokenInfo.PinState.OK, null, List.of());
        BlockingQueue<Integer> heard = new LinkedBlockingQueue<>();
        List<Long> inserts = new ArrayList<>();
        List<Long> removals = new ArrayList<>();
        Path logs = Files.createTempDirectory("pcsc-bench");
        try (TokenWatcher watcher = new TokenWatcher(() -> {
            try {
                return terminal.isCardPresent() ? List.of(token) : List.of();
            } catch (CardException e) {
                throw new IllegalStateException(e);
            }
        }, tokens -> heard.add(tokens.size()))) {
            watcher.start(Duration.ofHours(1)).pokeOn(PcscWatcher.system());
            expect(heard, 0, "initial look");
            for (int round = 1; round <= rounds; round++) {
                long t0 = System.nanoTime();
                Process card = new ProcessBuilder(vicc).redirectErrorStream(true)
                        .redirectOutput(logs.resolve("vicc-" + round + ".log").toFile()).start();
                try {
                    expect(heard, 1, "insertion, round " + round);
                    inserts.add((System.nanoTime() - t0) / 1_000_000);
                    long t1 = System.nanoTime();
                    card.destroy();
                    expect(heard, 0, "removal, round " + round);
                    removals.add((System.nanoTime() - t1) / 1_000_000);
                } finally {
                    card.destroyForcibly();
                    card.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        System.out.printf("%d rounds: insertion heard after starting vicc (includes starting Python) median %d ms, max %d ms%n",
                rounds, median(inserts), Collections.max(inserts));
        System.out.printf("%d rounds: removal heard after killing vicc median %d ms, max %d ms%n",
                rounds, median(removals), Collections.max(removals));
    }

    private static void expect(BlockingQueue<Integer> heard, int tokens, String what) throws InterruptedException {
        Integer got = heard.poll(60, TimeUnit.SECONDS);
        if (got == null || got != tokens) {
            throw new IllegalStateException(what + ": heard " + got + ", expected " + tokens);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
