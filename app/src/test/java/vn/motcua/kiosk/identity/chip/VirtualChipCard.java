// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * The virtual chip ID card in the tests' private pcscd (scripts/services/pcsc.sh): {@link #insert}
 * starts scripts/services/vicc-icao.py through {@code $KIOSK_TEST_VICC_ICAO} with a folder of card
 * files ({@link TestChip#writeTo}) and returns once PC/SC reports the card in
 * {@code $KIOSK_TEST_CHIP_READER}; {@link #remove} kills it and waits until PC/SC reports it gone.
 * The waits are bounds against a hang, never timing assertions.
 */
public final class VirtualChipCard implements AutoCloseable {
    /** Only against a hang: insertion normally shows within a second. */
    private static final long BOUND_MS = TimeUnit.SECONDS.toMillis(60);

    private final String vicc;
    private final String reader;
    private final CardTerminal terminal;
    private final Path logDir;
    private Process card;
    private Path log;
    private int insertions;

    /** Logs of each insertion go to logDir (the test's temp dir). Skips or fails as {@link #requireChipReader}. */
    public VirtualChipCard(Path logDir) {
        reader = requireChipReader();
        vicc = System.getenv("KIOSK_TEST_VICC_ICAO");
        this.logDir = logDir;
        terminal = TerminalFactory.getDefault().terminals().getTerminal(reader);
        if (terminal == null) {
            fail("reader " + reader + " not in the private pcscd");
        }
    }

    /** The reader the card goes into, as PC/SC names it ({@code $KIOSK_TEST_CHIP_READER}). */
    public CardTerminal terminal() {
        return terminal;
    }

    /**
     * Puts a card with these files in the reader. removeAfterReads: the card answers that many READ
     * BINARY commands on data groups and leaves the reader at the next one (0: never).
     */
    public void insert(Path filesDir, int removeAfterReads) {
        if (card != null) {
            remove();
        }
        List<String> command = new ArrayList<>(List.of(vicc, "--dir", filesDir.toString(), "-v"));
        if (removeAfterReads > 0) {
            command.addAll(List.of("--remove-after-reads", String.valueOf(removeAfterReads)));
        }
        log = logDir.resolve("vicc-icao-" + ++insertions + ".log");
        try {
            card = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long until = System.currentTimeMillis() + BOUND_MS;
            while (!terminal.waitForCardPresent(500)) {
                if (!card.isAlive()) {
                    fail("the virtual card exited (" + card.exitValue() + ") before PC/SC saw it: " + logText());
                }
                if (System.currentTimeMillis() > until) {
                    fail("no card in " + reader + " after " + BOUND_MS + " ms: " + logText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CardException e) {
            throw new IllegalStateException("PC/SC: " + e + "; card log: " + logText(), e);
        }
    }

    /** Takes the card out (kills it, or finds it already gone) and waits until PC/SC agrees. */
    public void remove() {
        if (card == null) {
            return;
        }
        try {
            card.destroy();
            if (!card.waitFor(BOUND_MS, TimeUnit.MILLISECONDS)) {
                card.destroyForcibly().waitFor(BOUND_MS, TimeUnit.MILLISECONDS);
            }
            card = null;
            if (!terminal.waitForCardAbsent(BOUND_MS)) {
                fail("card still in " + reader + " " + BOUND_MS + " ms after its process ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (CardException e) {
            throw new IllegalStateException("PC/SC: " + e, e);
        }
    }

    /** Whether the card's process still runs (false once --remove-after-reads took it out). */
    public boolean inserted() {
        return card != null && card.isAlive();
    }

    /** The last insertion's log (every APDU, as vicc-icao.py -v writes them). */
    public String logText() {
        try {
            return log == null || !Files.exists(log) ? "(no log)" : Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        remove();
    }

    /**
     * The chip reader of the private pcscd, with its virtual card script: fails under CI if missing
     * (a test that cannot run there must not pass quietly), else skips the test.
     */
    public static String requireChipReader() {
        String vicc = System.getenv("KIOSK_TEST_VICC_ICAO");
        String reader = System.getenv("KIOSK_TEST_CHIP_READER");
        String sock = System.getenv("PCSCLITE_CSOCK_NAME");
        boolean ready = vicc != null && reader != null && sock != null && Files.isExecutable(Path.of(vicc))
                && Files.exists(Path.of(sock));
        String how = "private pcscd with a virtual chip reader not set up: run scripts/test-all.sh or "
                + "scripts/with-test-services.sh (as root: pcscd runs in a private mount namespace)";
        if (!ready) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(how);
            }
            assumeTrue(false, how);
        }
        return reader;
    }
}
