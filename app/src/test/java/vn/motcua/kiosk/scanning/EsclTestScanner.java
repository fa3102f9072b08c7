// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A small eSCL (AirScan, Mopria) scanner over HTTP on loopback, for sane-airscan to talk to as it
 * would to a networked scanner: ScannerCapabilities, ScannerStatus, ScanJobs, NextDocument and
 * DELETE of a job. An A4 flatbed and a feeder with duplex; the feeder holds {@link #loadFeeder}
 * sheets and can jam before a given page.
 *
 * <p>How sane-airscan (airscan-escl.c) reads the answers: a NextDocument that fails makes it ask
 * ScannerStatus; for the feeder, {@code AdfState} ScannerAdfJam becomes SANE_STATUS_JAMMED and
 * ScannerAdfEmpty SANE_STATUS_NO_DOCS (a 404 with an unclear state is NO_DOCS too). A 503 with
 * an idle state is retried for up to 30 s, so this server never answers 503.
 *
 * <p>Every page shows its number large (for a person looking at it) and as a row of black
 * squares, 8 bits most significant first (for {@link #pageNumber}); a back side also has a
 * square below the row; colour pages have a red "stamp". All at fixed millimetres from the
 * top-left corner, so a test reads them at any resolution.
 */
public final class EsclTestScanner implements AutoCloseable {
    /** The name in saned.sh's airscan.conf. */
    static final String NAME = "Mot Cua Test eSCL";
    static final int A4_WIDTH_300THS = 2480;
    static final int A4_HEIGHT_300THS = 3508;

    /** One ScanJobs request as the scanner understood it. */
    public record Job(String id, String inputSource, String colorMode, int xResolution, int yResolution, boolean duplex,
            String documentFormat, int width300ths, int height300ths) {}

    private final HttpServer server;
    private final List<Job> jobs = new CopyOnWriteArrayList<>();
    private final List<String> deleted = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Job current;
    private int served;          // pages served in the current job
    private int sheetsInFeeder;
    private int jamBeforePage;   // 1-based page of a feeder job that jams; 0: never
    private boolean jammed;
    private boolean blankBacks;

    private EsclTestScanner(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts on saned.sh's {@code KIOSK_TEST_ESCL_PORT}; without it the calling tests skip locally
     * and fail on CI (as {@link TestSaned} does).
     */
    public static EsclTestScanner fromEnvironment() throws IOException {
        TestSaned.address();
        String port = System.getenv("KIOSK_TEST_ESCL_PORT");
        if (port == null || port.isBlank() || device().isBlank()) {
            String why = "KIOSK_TEST_ESCL_PORT/KIOSK_TEST_ESCL_DEVICE are not set: run scripts/test-all.sh, or source"
                    + " scripts/services/saned.sh (sane-airscan installed) before mvn";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(why);
            }
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        return start(Integer.parseInt(port));
    }

    /** The SANE name sane-airscan gives this scanner (saned.sh's {@code KIOSK_TEST_ESCL_DEVICE}); "" when unset. */
    public static String device() {
        String d = System.getenv("KIOSK_TEST_ESCL_DEVICE");
        return d == null ? "" : d;
    }

    /** Listens on 127.0.0.1:port (saned.sh's KIOSK_TEST_ESCL_PORT), until closed. */
    public static EsclTestScanner start(int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 8);
        EsclTestScanner scanner = new EsclTestScanner(http);
        http.createContext("/eSCL", scanner::handle);
        http.start();
        return scanner;
    }

    /** Puts sheets in the feeder, clears a jam and forgets earlier jobs. */
    public synchronized void loadFeeder(int sheets) {
        sheetsInFeeder = sheets;
        blankBacks = false;
        jamBeforePage = 0;
        jammed = false;
        current = null;
        jobs.clear();
        deleted.clear();
        requests.clear();
    }

    /** The feeder jams when page {@code page} (1-based, fronts and backs counted) is asked for. */
    public synchronized void jamBeforePage(int page) {
        jamBeforePage = page;
    }

    public List<Job> jobs() {
        return List.copyOf(jobs);
    }

    List<String> deletedJobs() {
        return List.copyOf(deleted);
    }

    /** "METHOD path" of every request, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Backs of duplex sheets come out white, as an unprinted back does (until the next {@link #loadFeeder}). */
    public synchronized void blankBacks() {
        blankBacks = true;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            requests.add(method + " " + path);
            byte[] body = x.getRequestBody().readAllBytes();
            if (method.equals("GET") && path.equals("/eSCL/ScannerCapabilities")) {
                send(x, 200, "text/xml", capabilities().getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("GET") && path.equals("/eSCL/ScannerStatus")) {
                send(x, 200, "text/xml", status().getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("POST") && path.equals("/eSCL/ScanJobs")) {
                current = parse(body);
                served = 0;
                jobs.add(current);
                x.getResponseHeaders().set("Location", "http://127.0.0.1:" + server.getAddress().getPort()
                        + "/eSCL/ScanJobs/" + current.id());
                x.sendResponseHeaders(201, -1);
            } else if (method.equals("GET") && current != null
                    && path.equals("/eSCL/ScanJobs/" + current.id() + "/NextDocument")) {
                nextDocument(x);
            } else if (method.equals("DELETE") && path.startsWith("/eSCL/ScanJobs/")) {
                deleted.add(path.substring("/eSCL/ScanJobs/".length()));
                x.sendResponseHeaders(200, -1);
            } else {
                x.sendResponseHeaders(404, -1);
            }
        } catch (IOException | RuntimeException e) {
            // The test sees it as the scan failing; say why on the test's output.
            System.err.println("EsclTestScanner: " + e);
            throw e;
        }
    }

    private void nextDocument(HttpExchange x) throws IOException {
        Job job = current;
        boolean feeder = job.inputSource().equals("Feeder");
        int page = served + 1;
        boolean back = feeder && job.duplex() && page % 2 == 0;
        if (!feeder && served > 0) {
            x.sendResponseHeaders(404, -1); // one page from the glass: the job is done
            return;
        }
        if (feeder && jamBeforePage == page) {
            jammed = true;
            // airscan looks at ScannerStatus after any failed NextDocument; the code itself is secondary.
            x.sendResponseHeaders(409, -1);
            return;
        }
        if (feeder && !back) {
            if (sheetsInFeeder == 0) {
                x.sendResponseHeaders(404, -1); // feeder empty: the normal end of a batch
                return;
            }
            sheetsInFeeder--;
        }
        served = page;
        boolean png = !"image/jpeg".equals(job.documentFormat());
        send(x, 200, png ? "image/png" : "image/jpeg", back && blankBacks ? white(job, png) : render(job, page, back, png));
    }

    private static void send(HttpExchange x, int code, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(code, body.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(body);
        }
    }

    private static Job parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            return new Job(UUID.randomUUID().toString(), text(d, "InputSource"), text(d, "ColorMode"),
                    Integer.parseInt(text(d, "XResolution")), Integer.parseInt(text(d, "YResolution")),
                    Boolean.parseBoolean(text(d, "Duplex")), text(d, "DocumentFormat"),
                    Integer.parseInt(text(d, "Width")), Integer.parseInt(text(d, "Height")));
        } catch (Exception e) {
            throw new IOException("ScanSettings not understood: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    /** The first element with this local name, in any namespace (eSCL mixes pwg: and scan:). */
    private static String text(Document d, String localName) {
        NodeList l = d.getElementsByTagNameNS("*", localName);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
    }

    // --- the page -------------------------------------------------------------------------------

    static final double SQUARE_MM = 12;
    static final double PITCH_MM = 18;
    static final double ROW_TOP_MM = 15;
    static final double LEFT_MM = 15;
    static final double BACK_MARK_TOP_MM = 35;
    static final double STAMP_TOP_MM = 60;

    private static byte[] render(Job job, int page, boolean back, boolean png) throws IOException {
        int dpi = job.xResolution();
        int w = (int) Math.round(job.width300ths() * dpi / 300.0);
        int h = (int) Math.round(job.height300ths() * job.yResolution() / 300.0);
        boolean colour = job.colorMode().equals("RGB24");
        BufferedImage img = new BufferedImage(w, h, colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            for (int bit = 0; bit < 8; bit++) {
                if ((page & (0x80 >> bit)) != 0) {
                    square(g, dpi, LEFT_MM + bit * PITCH_MM, ROW_TOP_MM);
                }
            }
            if (back) {
                square(g, dpi, LEFT_MM, BACK_MARK_TOP_MM);
            }
            g.setColor(new Color(220, 20, 20));
            square(g, dpi, LEFT_MM, STAMP_TOP_MM);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, px(dpi, 60)));
            g.drawString(String.valueOf(page), px(dpi, 70), px(dpi, 150));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, px(dpi, 10)));
            g.drawString((back ? "back" : "front") + ", " + job.inputSource() + ", " + dpi + " dpi", px(dpi, 70), px(dpi, 170));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, png ? "png" : "jpeg", out)) {
            throw new IOException("no ImageIO writer");
        }
        return out.toByteArray();
    }

    private static byte[] white(Job job, boolean png) throws IOException {
        int w = (int) Math.round(job.width300ths() * job.xResolution() / 300.0);
        int h = (int) Math.round(job.height300ths() * job.yResolution() / 300.0);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, png ? "png" : "jpeg", out);
        return out.toByteArray();
    }

    private static void square(Graphics2D g, int dpi, double leftMm, double topMm) {
        g.fillRect(px(dpi, leftMm), px(dpi, topMm), px(dpi, SQUARE_MM), px(dpi, SQUARE_MM));
    }

    private static int px(int dpi, double mm) {
        return (int) Math.round(mm * dpi / 25.4);
    }

    /** Reads the page number back from a scanned page (grey or colour), or -1 when the row is unreadable. */
    static int pageNumber(BufferedImage page, int dpi) {
        int n = 0;
        for (int bit = 0; bit < 8; bit++) {
            int level = centre(page, dpi, LEFT_MM + bit * PITCH_MM, ROW_TOP_MM);
            n = (n << 1) | (level < 100 ? 1 : 0);
            if (level >= 100 && level < 200) {
                return -1; // neither black nor white: not our page
            }
        }
        return n;
    }

    static boolean backMark(BufferedImage page, int dpi) {
        return centre(page, dpi, LEFT_MM, BACK_MARK_TOP_MM) < 100;
    }

    /** The stamp's centre pixel as RGB. */
    static Color stamp(BufferedImage page, int dpi) {
        int half = px(dpi, SQUARE_MM / 2);
        return new Color(page.getRGB(px(dpi, LEFT_MM) + half, px(dpi, STAMP_TOP_MM) + half));
    }

    private static int centre(BufferedImage page, int dpi, double leftMm, double topMm) {
        int half = px(dpi, SQUARE_MM / 2);
        Color c = new Color(page.getRGB(px(dpi, leftMm) + half, px(dpi, topMm) + half));
        return (c.getRed() + c.getGreen() + c.getBlue()) / 3;
    }

    private String capabilities() {
        String profile = """
                <scan:MinWidth>16</scan:MinWidth>
                <scan:MaxWidth>%d</scan:MaxWidth>
                <scan:MinHeight>16</scan:MinHeight>
                <scan:MaxHeight>%d</scan:MaxHeight>
                <scan:MaxScanRegions>1</scan:MaxScanRegions>
                <scan:SettingProfiles><scan:SettingProfile>
                  <scan:ColorModes><scan:ColorMode>RGB24</scan:ColorMode><scan:ColorMode>Grayscale8</scan:ColorMode></scan:ColorModes>
                  <scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><pwg:DocumentFormat>image/png</pwg:DocumentFormat></scan:DocumentFormats>
                  <scan:SupportedResolutions><scan:DiscreteResolutions>
                    <scan:DiscreteResolution><scan:XResolution>200</scan:XResolution><scan:YResolution>200</scan:YResolution></scan:DiscreteResolution>
                    <scan:DiscreteResolution><scan:XResolution>300</scan:XResolution><scan:YResolution>300</scan:YResolution></scan:DiscreteResolution>
                  </scan:DiscreteResolutions></scan:SupportedResolutions>
                </scan:SettingProfile></scan:SettingProfiles>
                """.formatted(A4_WIDTH_300THS, A4_HEIGHT_300THS);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <scan:ScannerCapabilities xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
                <pwg:Version>2.63</pwg:Version>
                <pwg:MakeAndModel>%s</pwg:MakeAndModel>
                <pwg:SerialNumber>MC-0001</pwg:SerialNumber>
                <scan:UUID>4509a320-00a0-008f-00b6-00000000c0a1</scan:UUID>
                <scan:Platen><scan:PlatenInputCaps>%s</scan:PlatenInputCaps></scan:Platen>
                <scan:Adf>
                <scan:AdfSimplexInputCaps>%s</scan:AdfSimplexInputCaps>
                <scan:AdfDuplexInputCaps>%s</scan:AdfDuplexInputCaps>
                <scan:FeederCapacity>50</scan:FeederCapacity>
                <scan:AdfOptions><scan:AdfOption>DetectPaperLoaded</scan:AdfOption><scan:AdfOption>Duplex</scan:AdfOption></scan:AdfOptions>
                </scan:Adf>
                </scan:ScannerCapabilities>
                """.formatted(NAME, profile, profile, profile);
    }

    private String status() {
        String adf = jammed ? "ScannerAdfJam" : sheetsInFeeder > 0 ? "ScannerAdfLoaded" : "ScannerAdfEmpty";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <scan:ScannerStatus xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
                <pwg:Version>2.63</pwg:Version>
                <pwg:State>Idle</pwg:State>
                <scan:AdfState>%s</scan:AdfState>
                </scan:ScannerStatus>
                """.formatted(adf);
    }
}
