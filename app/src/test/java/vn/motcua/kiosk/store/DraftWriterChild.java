package vn.motcua.kiosk.store;

import vn.motcua.kiosk.testing.TestKeys;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The child process of {@link DraftDurabilityTest}: saves drafts as fast as it can and prints
 * "ACK id revision" after each save returns, until it is killed. Payloads are a function of
 * (id, revision), so the parent can tell an intact row from a torn one.
 */
public final class DraftWriterChild {
    static final int DRAFTS = 5;

    public static void main(String[] args) {
        PrintStream out = System.out;
        try (Database db = TestKeys.openDatabase(Path.of(args[0]))) {
            DraftStore drafts = new DraftStore(db);
            Map<String, Long> revisions = new HashMap<>();
            for (Draft d : drafts.all()) {
                revisions.put(d.id(), d.revision());
            }
            out.println("READY");
            out.flush();
            for (long n = 0; ; n++) {
                String id = "draft-" + (n % DRAFTS);
                long revision = revisions.merge(id, 1L, Long::sum);
                drafts.save(new Draft(id, "session-" + id, "FORM", payload(id, revision), false, revision,
                        Instant.now()));
                out.println("ACK " + id + " " + revision);
                out.flush();
            }
        }
    }

    /** 100 bytes to ~24 KB, so some rows span several database pages. */
    static byte[] payload(String id, long revision) {
        int seed = (id + ":" + revision).hashCode();
        int length = 100 + Math.floorMod(seed, 24_000);
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) seed);
        bytes[0] = (byte) revision;
        bytes[length - 1] = (byte) (revision >> 8);
        return bytes;
    }
}
