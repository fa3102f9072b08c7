package vn.motcua.kiosk.startup;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

/**
 * The kiosk's logging, set up in code (found by logback through {@code META-INF/services}): logback's
 * XML reader alone cost about a fifth of the start-up, on the way to Welcome's first frame.
 * Logs carry events and counts only: never names, ID numbers, answers, images or PINs.
 *
 * <p>{@code -Dkiosk.log=journal} (the installed launcher under systemd): the console only, which the
 * journal takes, no file. {@code -Dkiosk.log=file} or nothing: the console and a rolling file in
 * {@code kiosk.logDir} (beside the data). With neither, an explicit {@code logback.configurationFile}
 * or a {@code logback-test.xml} (the tests) is left to logback's own configurators.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PROPERTY = "kiosk.log";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null && (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        if ("journal".equals(mode)) {
            // The journal stamps each line with the time itself.
            root.addAppender(console(context, "%-5level %logger{24} - %msg%n"));
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
        root.addAppender(console(context, "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n"));
        String dir = System.getProperty("kiosk.logDir", System.getProperty("java.io.tmpdir") + "/motcua-kiosk-logs");
        root.addAppender(file(context, dir));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Appender<ILoggingEvent> console(LoggerContext context, String pattern) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder(context, pattern));
        console.start();
        return console;
    }

    private static Appender<ILoggingEvent> file(LoggerContext context, String dir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/kiosk.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(dir + "/kiosk.%d{yyyy-MM-dd}.%i.log");
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(30);
        policy.setTotalSizeCap(FileSize.valueOf("200MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder(context, "%d{ISO8601} %-5level %logger{36} - %msg%n"));
        file.start();
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
