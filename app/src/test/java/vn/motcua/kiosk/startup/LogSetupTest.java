package vn.motcua.kiosk.startup;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {
    @TempDir
    Path logs;
    private final LoggerContext context = new LoggerContext();

    {
        context.setMDCAdapter(new LogbackMDCAdapter()); // a context of its own, not the one slf4j made
    }

    @AfterEach
    void clear() {
        System.clearProperty(LogSetup.PROPERTY);
        System.clearProperty("kiosk.logDir");
        context.stop();
    }

    private Logger configured(ExecutionStatus expected) {
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        assertThat(setup.configure(context)).isEqualTo(expected);
        return context.getLogger(Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(ServiceLoader.Provider::type)).contains(LogSetup.class);
    }

    @Test
    void theTestsOwnConfigurationIsLeftToLogbackUnlessAModeIsAsked() {
        // logback-test.xml is on this class path
        configured(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void underTheJournalOnlyTheConsoleIsWritten() {
        System.setProperty(LogSetup.PROPERTY, "journal");
        System.setProperty("kiosk.logDir", logs.toString());
        Logger root = configured(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.getAppender("CONSOLE")).isInstanceOf(ConsoleAppender.class);
        assertThat(root.getAppender("FILE")).isNull();
        root.info("started");
        assertThat(logs).isEmptyDirectory();
    }

    @Test
    void otherwiseALogFileBesideTheData() throws Exception {
        System.setProperty(LogSetup.PROPERTY, "file");
        System.setProperty("kiosk.logDir", logs.toString());
        Logger root = configured(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(root.getAppender("FILE")).isInstanceOf(RollingFileAppender.class);
        root.info("outbox sent");
        assertThat(Files.readString(logs.resolve("kiosk.log"))).contains("INFO", "outbox sent");
    }
}
