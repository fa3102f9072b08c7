package vn.motcua.kiosk.identity;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A desk QR reader on a serial port (RS-232, or USB in CDC/virtual-COM mode): each scan arrives
 * as UTF-8 text ending with CR and/or LF. Reads on its own daemon thread and hands every line to
 * {@code onScan}; the text itself is never logged. jSerialComm opens COM ports on Windows and
 * device files under /dev on Linux (give the real path: a symlink outside /dev is not followed).
 */
public final class SerialQrReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SerialQrReader.class);
    private static final int MAX_LINE = 4096;

    private final SerialPort port;
    private final Thread reader;
    private volatile boolean open = true;

    private SerialQrReader(SerialPort port, Consumer<String> onScan) {
        this.port = port;
        this.reader = new Thread(() -> readLines(onScan), "id-card-reader");
        this.reader.setDaemon(true);
    }

    /** Opens the port (e.g. {@code /dev/ttyACM0}, {@code COM3}) at 9600 8N1; throws when it cannot. */
    public static SerialQrReader open(String portName, Consumer<String> onScan) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(portName);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port " + portName + " on this machine", e);
        }
        port.setComPortParameters(9600, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 500, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open the ID-card reader's serial port " + portName);
        }
        SerialQrReader r = new SerialQrReader(port, onScan);
        r.reader.start();
        return r;
    }

    private void readLines(Consumer<String> onScan) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (InputStream in = port.getInputStream()) {
            while (open) {
                int b;
                try {
                    b = in.read();
                } catch (com.fazecast.jSerialComm.SerialPortTimeoutException e) {
                    continue;
                }
                if (b < 0) {
                    break;
                }
                if (b == '\r' || b == '\n') {
                    if (line.size() > 0) {
                        onScan.accept(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    }
                } else if (line.size() < MAX_LINE) {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            if (open) {
                LOG.warn("the ID-card reader's serial port failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void close() {
        open = false;
        port.closePort();
    }
}
