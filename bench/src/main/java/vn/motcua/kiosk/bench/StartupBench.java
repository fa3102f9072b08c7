package vn.motcua.kiosk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

/**
 * Cold start to the first rendered Welcome frame: starts the kiosk in a fresh JVM N times (on the
 * X display it is given, e.g. under xvfb-run) and times from process start to the FIRST_FRAME line
 * the kiosk prints with {@code --report-first-frame}. Prints every run and the median.
 * Usage: StartupBench [runs=7]; {@code -Dkiosk.bench.jvm="…"} are the kiosk's JVM flags;
 * {@code -Dkiosk.bench.archive=FILE} first makes a dynamic AppCDS archive with one start (ended
 * with SIGTERM, which writes it), then measures with it; {@code -Dkiosk.bench.launcher=FILE}
 * starts the kiosk through the installers' launcher instead (its own flags and archive: the
 * first, untimed start writes the archive, as on a newly installed kiosk);
 * {@code -Dkiosk.bench.floor=JAVA -Dkiosk.bench.floorLib=DIR} times {@link FirstFrameFloor} instead,
 * with that java, the JavaFX jars in DIR, the launcher's JIT flag and its own archive.
 */
public final class StartupBench {
    private static String launcher;
    private static String floorJava;
    private static String floorClassPath;
    private static Path cache;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path data = Files.createTempDirectory("kiosk-startup-bench");
        launcher = System.getProperty("kiosk.bench.launcher");
        cache = Files.createTempDirectory("kiosk-startup-cache");
        List<String> flags = new ArrayList<>();
        String extra = System.getProperty("kiosk.bench.jvm", "").strip();
        if (!extra.isEmpty()) {
            flags.addAll(List.of(extra.split("\\s+")));
        }
        String archive = System.getProperty("kiosk.bench.archive");
        floorJava = System.getProperty("kiosk.bench.floor");
        if (floorJava != null) {
            floorClassPath = floorClassPath(Path.of(System.getProperty("kiosk.bench.floorLib")));
            flags.add("-XX:TieredStopAtLevel=1");
            archive = Files.createTempDirectory("kiosk-floor").resolve("floor.jsa").toString();
            System.out.println("floor: a JavaFX label on " + floorJava);
        }
        if (launcher != null) {
            archive(List.of(), data);
            System.out.println("launcher: " + launcher);
        } else if (archive != null) {
            Files.deleteIfExists(Path.of(archive));
            List<String> making = new ArrayList<>(flags);
            making.add("-XX:ArchiveClassesAtExit=" + archive);
            archive(making, data);
            if (!Files.exists(Path.of(archive))) {
                throw new IllegalStateException("no CDS archive was written");
            }
            flags.add("-XX:SharedArchiveFile=" + archive);
        }
        if (launcher == null && floorJava == null) {
            System.out.println("kiosk JVM flags: " + String.join(" ", flags));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double ms = start(flags, data);
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

    /** One start of the kiosk, timed to its first frame, then killed. */
    private static double start(List<String> flags, Path data) throws Exception {
        Process p = builder(flags, data).redirectErrorStream(true).start();
        long start = System.nanoTime();
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
        return ms;
    }

    /**
     * One start that writes the CDS archive: its output goes to a file (a full pipe must not block
     * the JVM while it writes the archive), and it ends with SIGTERM a few seconds after the first
     * frame, so that what loads just after it (the portal link, the keyboard) is archived too.
     */
    private static void archive(List<String> flags, Path data) throws Exception {
        Path log = Files.createTempFile("kiosk-archive", ".log");
        Process p = builder(flags, data).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log).contains("FIRST_FRAME")) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the kiosk drew no frame while making the archive: " + log);
                }
                Thread.sleep(100);
            }
            Thread.sleep(3000);
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly();
        }
    }

    private static ProcessBuilder builder(List<String> flags, Path data) {
        ProcessBuilder b = new ProcessBuilder(command(flags, data));
        b.environment().put("MOTCUA_CACHE", cache.toString());
        return b;
    }

    private static List<String> command(List<String> flags, Path data) {
        if (floorJava != null) {
            List<String> command = new ArrayList<>(List.of(floorJava));
            command.addAll(flags);
            command.addAll(List.of("-cp", floorClassPath, FirstFrameFloor.class.getName()));
            return command;
        }
        if (launcher != null) {
            return List.of(launcher, "--windowed", "--report-first-frame", "--data", data.toString());
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(flags);
        command.addAll(List.of("-cp", kioskClassPath(),
                "vn.motcua.kiosk.Launcher", "--windowed", "--report-first-frame", "--data", data.toString()));
        return command;
    }

    /** The JavaFX jars of {@code lib} and a jar of {@link FirstFrameFloor} (a CDS archive takes jars only). */
    private static String floorClassPath(Path lib) throws IOException {
        Path jar = Files.createTempDirectory("kiosk-floor").resolve("floor.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> c : List.of(FirstFrameFloor.class, FirstFrameFloor.Window.class)) {
                String entry = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        List<String> entries = new ArrayList<>();
        try (var files = Files.list(lib)) {
            files.filter(f -> f.getFileName().toString().matches("javafx-.*\\.jar")).sorted()
                    .forEach(f -> entries.add(f.toString()));
        }
        entries.add(jar.toString());
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The bench's class path without folders: the kiosk needs only its jars (an installed kiosk has
     * nothing else), and a CDS archive refuses class paths with non-empty folders.
     */
    static String kioskClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Files.isDirectory(Path.of(e)))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
