// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import au.com.southsky.jfreesane.OptionValueConstraintType;
import au.com.southsky.jfreesane.OptionValueType;
import au.com.southsky.jfreesane.RangeConstraint;
import au.com.southsky.jfreesane.SaneDevice;
import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneOption;
import au.com.southsky.jfreesane.SaneParameters;
import au.com.southsky.jfreesane.SaneSession;
import au.com.southsky.jfreesane.SaneStatus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scanner port over SANE's network protocol (saned), through jfreesane. Kiosks run saned on
 * loopback, which also brings network scanners (eSCL/AirScan, WSD) through sane-airscan. One saned
 * connection per call: saned forks per connection, and a fresh one after a failure is the simplest
 * way to be sure the next batch starts clean.
 */
public final class SaneScanner implements Scanner {
    private static final Logger LOG = LoggerFactory.getLogger(SaneScanner.class);
    public static final int DEFAULT_PORT = 6566;
    /** {@code devices.scanner} value that picks the first scanner saned lists. */
    public static final String AUTO = "auto";

    private final InetSocketAddress saned;
    private final String configured;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * @param saned where saned listens (kiosks: 127.0.0.1:6566)
     * @param configured a SANE device name such as {@code test:0} or {@code airscan:e0:Office}, or "auto"
     * @param readTimeout how long a silent scanner is waited for before the link counts as lost
     *     (slow flatbeds at high resolution need tens of seconds before the first line)
     */
    public SaneScanner(InetSocketAddress saned, String configured, Duration connectTimeout, Duration readTimeout) {
        this.saned = saned;
        this.configured = configured == null || configured.isBlank() ? AUTO : configured.trim();
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Where the kiosk finds saned: loopback only (doctor checks that saned listens here and nowhere else). */
    public static InetSocketAddress kioskSaned() {
        return new InetSocketAddress("127.0.0.1", DEFAULT_PORT);
    }

    /** For {@code devices.scanner} of the configuration, through saned on this machine. */
    public static SaneScanner forConfiguredScanner(String configured) {
        return new SaneScanner(kioskSaned(), configured,
                Duration.ofSeconds(5), Duration.ofSeconds(120));
    }

    @Override
    public List<ScannerInfo> scanners() throws ScanningException {
        try (SaneSession session = connect()) {
            List<ScannerInfo> all = new ArrayList<>();
            for (SaneDevice d : session.listDevices()) {
                all.add(info(d));
            }
            if (!AUTO.equalsIgnoreCase(configured) && all.stream().noneMatch(i -> i.name().equals(configured))) {
                // saned lists only devices its backends call local; sane-airscan (before 0.99.32's
                // pretend-local) calls every network scanner remote, so a configured airscan:… name
                // is missing from the list although it opens. Listed when it opens now.
                SaneDevice d = session.getDevice(configured);
                try {
                    d.open();
                    all.add(info(d));
                } catch (SaneException notThere) {
                    LOG.debug("configured scanner {} not listed and not opened: {}", configured, notThere.getStatus());
                } finally {
                    closeQuietly(d);
                }
            }
            return all;
        } catch (SaneException e) {
            throw new ScannerFailedException("scanning.error.failed", null, 0, e.getStatus() + " listing devices", e);
        } catch (IOException e) {
            throw new ConnectionLostException(null, 0, "listing devices: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public ScannerCapabilities capabilities() throws ScanningException {
        try (SaneSession session = connect()) {
            SaneDevice device = open(session);
            try {
                Set<PaperSource> sources = EnumSet.noneOf(PaperSource.class);
                SaneOption source = usable(device, "source");
                if (source == null) {
                    sources.add(PaperSource.FLATBED);
                } else {
                    for (PaperSource s : PaperSource.values()) {
                        if (sourceValue(source.getStringConstraints(), s) != null) {
                            sources.add(s);
                        }
                    }
                }
                Set<ColourMode> modes = EnumSet.noneOf(ColourMode.class);
                SaneOption mode = usable(device, "mode");
                for (ColourMode m : ColourMode.values()) {
                    if (mode == null ? m != ColourMode.COLOUR : modeValue(mode.getStringConstraints(), m) != null) {
                        modes.add(m);
                    }
                }
                int min = ScanSettings.DEFAULT_DPI;
                int max = ScanSettings.DEFAULT_DPI;
                SaneOption res = usable(device, "resolution");
                if (res != null) {
                    List<Double> offered = offeredNumbers(res);
                    if (!offered.isEmpty()) {
                        min = (int) Math.round(offered.get(0));
                        max = (int) Math.round(offered.get(offered.size() - 1));
                    } else if (res.getConstraintType() == OptionValueConstraintType.RANGE_CONSTRAINT) {
                        min = (int) Math.round(rangeMin(res));
                        max = (int) Math.round(rangeMax(res));
                    }
                }
                return new ScannerCapabilities(info(device), sources, modes, min, max);
            } finally {
                closeQuietly(device);
            }
        } catch (IOException e) {
            throw new ConnectionLostException(configured, 0, "reading options: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public int scan(ScanSettings settings, ScanListener listener, Cancellation cancellation) throws ScanningException {
        int delivered = 0;
        String name = configured;
        try (SaneSession session = connect()) {
            SaneDevice device = open(session);
            name = device.getName();
            try {
                int dpi = configure(device, settings, name);
                boolean duplex = settings.source() == PaperSource.FEEDER_DUPLEX;
                int number = 0;
                while (true) {
                    if (cancellation.isCancelled()) {
                        throw new ScanCancelledException(name, delivered, "before page " + (number + 1), null);
                    }
                    number++;
                    listener.pageStarted(number);
                    BufferedImage image;
                    try {
                        image = device.acquireImage(new Progress(number, listener, cancellation));
                    } catch (CancelSignal c) {
                        throw new ScanCancelledException(name, delivered, "during page " + number, null);
                    } catch (SaneException e) {
                        if (e.getStatus() == SaneStatus.STATUS_NO_DOCS && settings.source().feeder() && delivered > 0) {
                            break; // the feeder ran out after at least one sheet: the batch is done
                        }
                        throw map(e, name, delivered, cancellation);
                    }
                    try {
                        listener.pageScanned(new ScannedImage(number, image, dpi, settings.mode(), duplex && number % 2 == 0));
                    } catch (IOException e) {
                        throw new ScannerFailedException("scanning.error.storage", name, delivered,
                                "writing page " + number + ": " + e.getClass().getSimpleName(), e);
                    }
                    delivered++;
                    if (!settings.source().feeder()) {
                        break;
                    }
                }
                LOG.info("scan batch on {}: {} page(s), {} dpi, {}, {}", name, delivered, dpi, settings.mode(), settings.source());
                return delivered;
            } finally {
                // sane_cancel ends every batch, successful or not, so the device is ready for the next.
                closeQuietly(device);
            }
        } catch (SaneException e) {
            throw map(e, name, delivered, cancellation);
        } catch (IOException e) {
            if (cancellation.isCancelled()) {
                throw new ScanCancelledException(name, delivered, "link closed while stopping", e);
            }
            throw new ConnectionLostException(name, delivered, e.getClass().getSimpleName(), e);
        }
    }

    private SaneSession connect() throws NoScannerException {
        try {
            return SaneSession.withRemoteSane(saned, connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                    readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new NoScannerException(configured, 0, "saned at " + saned.getHostString() + ":" + saned.getPort()
                    + " unreachable: " + e.getClass().getSimpleName(), e);
        }
    }

    private SaneDevice open(SaneSession session) throws IOException, ScanningException {
        SaneDevice device;
        if (AUTO.equalsIgnoreCase(configured)) {
            List<SaneDevice> all;
            try {
                all = session.listDevices();
            } catch (SaneException e) {
                throw new ScannerFailedException("scanning.error.failed", null, 0, e.getStatus() + " listing devices", e);
            }
            if (all.isEmpty()) {
                throw new NoScannerException(null, 0, "saned lists no device", null);
            }
            device = all.get(0);
        } else {
            device = session.getDevice(configured);
        }
        try {
            device.open();
        } catch (SaneException e) {
            if (e.getStatus() == SaneStatus.STATUS_DEVICE_BUSY) {
                throw new ScannerBusyException(device.getName(), 0, "at open", e);
            }
            // saned answers INVAL (or IO_ERROR) for a name that no backend knows.
            throw new NoScannerException(device.getName(), 0, e.getStatus() + " at open", e);
        }
        return device;
    }

    /** Applies the settings; returns the resolution the device really uses. */
    private int configure(SaneDevice device, ScanSettings s, String name) throws IOException, SaneException, ScanningException {
        SaneOption source = usable(device, "source");
        if (source != null) {
            String value = sourceValue(source.getStringConstraints(), s.source());
            if (value == null) {
                throw new ScannerFailedException("scanning.error.sourceMissing", name, 0,
                        s.source() + " not among " + source.getStringConstraints(), null);
            }
            source.setStringValue(value);
        } else if (s.source() != PaperSource.FLATBED) {
            throw new ScannerFailedException("scanning.error.sourceMissing", name, 0, s.source() + ", device has no source option", null);
        }
        SaneOption mode = usable(device, "mode");
        if (mode != null) {
            String value = modeValue(mode.getStringConstraints(), s.mode());
            if (value != null) {
                mode.setStringValue(value);
            }
        }
        SaneOption depth = usable(device, "depth");
        if (depth != null && offeredNumbers(depth).contains(8.0)) {
            setNumber(depth, 8);
        }
        int dpi = s.dpi();
        SaneOption resolution = usable(device, "resolution");
        if (resolution != null) {
            dpi = (int) Math.round(setNumber(resolution, nearestAtOrAbove(resolution, s.dpi())));
        }
        // The whole glass or feeder width: a backend's default area is often smaller than A4.
        for (String edge : new String[] {"tl-x", "tl-y"}) {
            SaneOption o = usable(device, edge);
            if (o != null && o.getConstraintType() == OptionValueConstraintType.RANGE_CONSTRAINT) {
                setNumber(o, rangeMin(o));
            }
        }
        for (String edge : new String[] {"br-x", "br-y"}) {
            SaneOption o = usable(device, edge);
            if (o != null && o.getConstraintType() == OptionValueConstraintType.RANGE_CONSTRAINT) {
                setNumber(o, rangeMax(o));
            }
        }
        for (Map.Entry<String, String> extra : s.deviceOptions().entrySet()) {
            SaneOption o = device.getOption(extra.getKey());
            if (o == null || !o.isWriteable() || !o.isActive()) {
                throw new ScannerFailedException("scanning.error.failed", name, 0, "no active writable option " + extra.getKey(), null);
            }
            switch (o.getType()) {
                case STRING -> o.setStringValue(extra.getValue());
                case BOOLEAN -> o.setBooleanValue(Boolean.parseBoolean(extra.getValue()));
                case INT, FIXED -> setNumber(o, Double.parseDouble(extra.getValue()));
                default -> throw new ScannerFailedException("scanning.error.failed", name, 0,
                        "option " + extra.getKey() + " of type " + o.getType(), null);
            }
        }
        return dpi;
    }

    private static SaneOption usable(SaneDevice device, String name) throws IOException {
        SaneOption o = device.getOption(name);
        return o != null && o.isActive() && o.isWriteable() ? o : null;
    }

    /** Devices name their sources freely ("ADF Duplex", "Automatic Document Feeder", "Flatbed", "Platen"). */
    static String sourceValue(List<String> offered, PaperSource wanted) {
        for (String v : offered) {
            String l = v.toLowerCase(Locale.ROOT);
            boolean duplex = l.contains("duplex");
            boolean feeder = l.contains("adf") || l.contains("feeder") || l.contains("automatic document");
            boolean glass = l.contains("flatbed") || l.contains("platen") || l.contains("glass") || l.contains("normal");
            switch (wanted) {
                case FLATBED -> { if (glass && !feeder) return v; }
                case FEEDER -> { if (feeder && !duplex) return v; }
                case FEEDER_DUPLEX -> { if (duplex) return v; }
            }
        }
        return null;
    }

    /** Black and white is scanned in grey: the kiosk's own threshold is kinder to faint stamps than a device's lineart. */
    static String modeValue(List<String> offered, ColourMode wanted) {
        for (String v : offered) {
            String l = v.toLowerCase(Locale.ROOT);
            boolean grey = l.contains("gray") || l.contains("grey");
            boolean colour = l.contains("color") || l.contains("colour");
            if (wanted == ColourMode.COLOUR ? colour : grey) {
                return v;
            }
        }
        return null;
    }

    // INT and FIXED options differ per device (the test backend's resolution is FIXED, many real
    // ones are INT); everything numeric goes through these two.
    private static double setNumber(SaneOption o, double value) throws IOException, SaneException {
        if (o.getType() == OptionValueType.FIXED) {
            return o.setFixedValue(value);
        }
        if (o.getType() == OptionValueType.INT) {
            return o.setIntegerValue((int) Math.round(value));
        }
        throw new IllegalArgumentException("option " + o.getName() + " is " + o.getType() + ", not a number");
    }

    private static List<Double> offeredNumbers(SaneOption o) {
        List<Double> out = new ArrayList<>();
        if (o.getConstraintType() != OptionValueConstraintType.VALUE_LIST_CONSTRAINT) {
            return out;
        }
        if (o.getType() == OptionValueType.FIXED) {
            out.addAll(o.getFixedValueListConstraint());
        } else if (o.getType() == OptionValueType.INT) {
            o.getIntegerValueListConstraint().forEach(i -> out.add(i.doubleValue()));
        }
        out.sort(Double::compare);
        return out;
    }

    private static double rangeMin(SaneOption o) {
        RangeConstraint r = o.getRangeConstraints();
        return o.getType() == OptionValueType.FIXED ? r.getMinimumFixed() : r.getMinimumInteger();
    }

    private static double rangeMax(SaneOption o) {
        RangeConstraint r = o.getRangeConstraints();
        return o.getType() == OptionValueType.FIXED ? r.getMaximumFixed() : r.getMaximumInteger();
    }

    /** The smallest offered value at or above {@code wanted} (never below the portal's minimum), else the largest. */
    private static double nearestAtOrAbove(SaneOption o, double wanted) {
        List<Double> offered = offeredNumbers(o);
        if (!offered.isEmpty()) {
            for (double v : offered) {
                if (v >= wanted) {
                    return v;
                }
            }
            return offered.get(offered.size() - 1);
        }
        if (o.getConstraintType() == OptionValueConstraintType.RANGE_CONSTRAINT) {
            return Math.max(rangeMin(o), Math.min(rangeMax(o), wanted));
        }
        return wanted;
    }

    private static ScanningException map(SaneException e, String name, int delivered, Cancellation cancellation) {
        SaneStatus status = e.getStatus();
        if (status == null) {
            return new ScannerFailedException("scanning.error.failed", name, delivered, e.getMessage(), e);
        }
        return switch (status) {
            case STATUS_DEVICE_BUSY -> new ScannerBusyException(name, delivered, status.name(), e);
            case STATUS_COVER_OPEN -> new CoverOpenException(name, delivered, status.name(), e);
            case STATUS_JAMMED -> new PaperJamException(name, delivered, status.name(), e);
            case STATUS_NO_DOCS -> new FeederEmptyException(name, delivered, status.name(), e);
            case STATUS_CANCELLED -> new ScanCancelledException(name, delivered,
                    cancellation.isCancelled() ? "on request" : "stopped at the device", e);
            default -> new ScannerFailedException("scanning.error.failed", name, delivered, status.name(), e);
        };
    }

    private static ScannerInfo info(SaneDevice d) {
        return new ScannerInfo(d.getName(), nz(d.getVendor()), nz(d.getModel()), nz(d.getType()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void closeQuietly(SaneDevice device) {
        try {
            if (device.isOpen()) {
                device.cancel();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("sane_cancel after a batch failed: {}", e.getClass().getSimpleName());
        }
        try {
            device.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the device failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Thrown out of jfreesane's read loop to stop a page mid-way; caught in {@link #scan}. */
    private static final class CancelSignal extends RuntimeException {
        CancelSignal() {
            super(null, null, false, false);
        }
    }

    private static final class Progress implements au.com.southsky.jfreesane.ScanListener {
        private final int number;
        private final ScanListener listener;
        private final Cancellation cancellation;

        Progress(int number, ScanListener listener, Cancellation cancellation) {
            this.number = number;
            this.listener = listener;
            this.cancellation = cancellation;
        }

        @Override
        public void scanningStarted(SaneDevice device) {}

        @Override
        public void frameAcquisitionStarted(SaneDevice device, SaneParameters parameters, int frame, int likelyFrames) {
            if (cancellation.isCancelled()) {
                throw new CancelSignal();
            }
        }

        @Override
        public void recordRead(SaneDevice device, int totalBytesRead, int imageSizeBytes) {
            listener.progress(number, totalBytesRead, imageSizeBytes);
            if (cancellation.isCancelled()) {
                throw new CancelSignal();
            }
        }

        @Override
        public void scanningFinished(SaneDevice device) {}
    }
}
