// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code Main [--port 0|N] [--data DIR] [--clock-speed N] [--token-ttl SECONDS] [--keep-days N]}.
 * Prints {@code TRAINING_PORTAL http://127.0.0.1:PORT/api/v1} on stdout once it listens, so that
 * whoever started it (the kiosk's run command, a test) can read the port when it asked for 0.
 * Logs go to stderr.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        }
        // exec:exec passes -Dportal.args as one string; split it like a shell would (no quoting).
        List<String> args = new ArrayList<>();
        for (String a : argv) {
            for (String part : a.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    args.add(part);
                }
            }
        }
        int port = 8787;
        Path data = Path.of(System.getProperty("user.home"), ".motcua-training-portal");
        double speed = 1;
        long ttl = 900;
        int keepDays = TrainingPortal.DEFAULT_KEEP_DAYS;
        TrainingPortal.Options options;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--port" -> port = Integer.parseInt(args.get(++i));
                    case "--data" -> data = Path.of(args.get(++i));
                    case "--clock-speed" -> speed = Double.parseDouble(args.get(++i));
                    case "--token-ttl" -> ttl = Long.parseLong(args.get(++i));
                    case "--keep-days" -> keepDays = Integer.parseInt(args.get(++i));
                    case "--help", "-h" -> {
                        usage();
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            options = new TrainingPortal.Options(port, data, speed, Duration.ofSeconds(ttl), keepDays);
        } catch (RuntimeException e) {
            System.err.println("training-portal: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        TrainingPortal portal = TrainingPortal.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            portal.close();
            stopped.countDown();
        }, "training-portal-shutdown"));
        System.out.println("TRAINING_PORTAL " + portal.apiUrl());
        System.out.println("TRAINER_PAGE " + portal.baseUrl() + "/trainer");
        System.out.flush();
        stopped.await();
    }

    private static void usage() {
        System.err.println("usage: training-portal [--port 0|N (default 8787; 0 = a free port)] [--data DIR (default ~/.motcua-training-portal)]"
                + " [--clock-speed N (default 1; 60 = an hour per minute)] [--token-ttl SECONDS (default 900)]"
                + " [--keep-days N (default 7; dossiers stored longer ago are erased)]");
    }
}
