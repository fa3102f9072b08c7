// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Every line the kiosk logs during a test, in a file of that test's own, as the kiosk's log file
 * would hold it (logback-test.xml only prints warnings to the console). The kiosk's own loggers
 * at DEBUG, the rest at the production level (INFO); the console stays as quiet as before.
 * Register it as a static extension: it starts before the test's {@code @BeforeEach} methods, so
 * the kiosk's start is in the file too.
 */
public final class KioskLogCapture implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {
    private static final String PATTERN = "%d{ISO8601} %-5level %logger{36} - %msg%n";

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger kiosk = context.getLogger("vn.motcua");
    private final java.util.Map<Appender<ILoggingEvent>, ThresholdFilter> quieted = new java.util.LinkedHashMap<>();
    private Level rootLevel;
    private Level kioskLevel;
    private Path base;
    private Path folder;
    private FileAppender<ILoggingEvent> file;

    /** Where every test's log folder is; deleted after the class (the logs may hold what the audit looks for). */
    public Path base() {
        return base;
    }

    /** This test's log folder (its kiosk.log, and what a child kiosk wrote). */
    public Path folder() {
        return folder;
    }

    @Override
    public void beforeAll(ExtensionContext c) throws IOException {
        base = Files.createTempDirectory("kiosk-audit-logs");
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> a = it.next();
            ThresholdFilter warn = new ThresholdFilter();
            warn.setLevel("WARN");
            warn.start();
            a.addFilter(warn);
            quieted.put(a, warn);
        }
        rootLevel = root.getLevel();
        kioskLevel = kiosk.getLevel();
        root.setLevel(Level.INFO);
        kiosk.setLevel(Level.DEBUG);
    }

    @Override
    public void beforeEach(ExtensionContext c) throws IOException {
        folder = Files.createDirectories(base.resolve(c.getRequiredTestMethod().getName()));
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        file = new FileAppender<>();
        file.setContext(context);
        file.setName("kiosk-audit");
        file.setFile(folder.resolve("kiosk.log").toString());
        file.setEncoder(encoder);
        file.start();
        root.addAppender(file);
    }

    @Override
    public void afterEach(ExtensionContext c) {
        root.detachAppender(file);
        file.stop();
    }

    @Override
    public void afterAll(ExtensionContext c) throws IOException {
        root.setLevel(rootLevel);
        kiosk.setLevel(kioskLevel);
        for (var q : quieted.entrySet()) {
            Appender<ILoggingEvent> a = q.getKey();
            List<Filter<ILoggingEvent>> others = new ArrayList<>(a.getCopyOfAttachedFiltersList());
            others.removeIf(f -> f == q.getValue());
            a.clearAllFilters();
            others.forEach(a::addFilter);
        }
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
