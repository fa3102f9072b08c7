package vn.motcua.kiosk.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start to the first rendered Welcome frame: starts the kiosk in a fresh JVM N times (on the
 * X display it is given, e.g. under xvfb-run) and times from process start to the FIRST_FRAME line
 * the kiosk prints with {@code --report-first-frame}. Prints every run and the median.
 * Usage: StartupBench [runs=7]
 */
public final class StartupBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path data = Files.createTempDirectory("kiosk-startup-bench");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "vn.motcua.kiosk.Launcher", "--windowed", "--report-first-frame", "--data", data.toString())
                    .redirectErrorStream(true).start();
            double ms = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("FIRST_FRAME")) {
                        ms = (System.nanoTime() - start) / 1e6;
                        break;
                    }
                }
            } finally {
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
            if (ms < 0) {
                throw new IllegalStateException("the kiosk exited without drawing a frame (is there an X display?)");
            }
            millis.add(ms);
            System.out.printf("run %d: %.0f ms%n", i + 1, ms);
        }
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(Double::compare);
        double median = runs % 2 == 1 ? sorted.get(runs / 2) : (sorted.get(runs / 2 - 1) + sorted.get(runs / 2)) / 2;
        System.out.printf("cold start to first Welcome frame: median %.0f ms over %d runs (min %.0f, max %.0f), %d cores, Java %s%n",
                median, runs, sorted.get(0), sorted.get(runs - 1), Runtime.getRuntime().availableProcessors(),
                Runtime.version());
    }
}
