package vn.motcua.kiosk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serial QR reader, stood in for by a pseudo-terminal pair from socat: the kiosk opens one end
 * as its serial port, the test writes scans into the other end as the reader would.
 */
class SerialQrReaderTest {
    private static final String QR = "001095012345||Nguyễn Văn An|15081995|Nam|Hà Nội|10042021";

    @TempDir
    Path dir;

    private Process socat;

    @AfterEach
    void stop() {
        if (socat != null) {
            socat.destroy();
        }
    }

    private Path[] ptyPair() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/socat"))) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("socat missing (scripts/test-packages.txt)");
            }
            assumeTrue(false, "socat missing: serial reader test skipped");
        }
        Path kiosk = dir.resolve("kiosk-end");
        Path reader = dir.resolve("reader-end");
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + kiosk, "pty,raw,echo=0,link=" + reader)
                .redirectErrorStream(true).start();
        for (int i = 0; i < 100 && !(Files.exists(kiosk) && Files.exists(reader)); i++) {
            Thread.sleep(50);
        }
        assertThat(kiosk).exists();
        return new Path[] {kiosk.toRealPath(), reader.toRealPath()};
    }

    @Test
    void eachLineFromThePortIsOneScanInUtf8() throws Exception {
        Path[] ends = ptyPair();
        BlockingQueue<String> scans = new LinkedBlockingQueue<>();
        try (SerialQrReader r = SerialQrReader.open(ends[0].toString(), scans::add);
             OutputStream out = Files.newOutputStream(ends[1])) {
            out.write((QR + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write("second-scan-without-cr\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo(QR);
            assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo("second-scan-without-cr");
        }
        assertThat(new IdCardQrParser().parse(QR)).isInstanceOf(QrReading.Card.class);
    }

    @Test
    void aPortThatIsNotThereIsAClearError() {
        assertThatThrownBy(() -> SerialQrReader.open(dir.resolve("no-such-port").toString(), s -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("no-such-port");
    }
}
