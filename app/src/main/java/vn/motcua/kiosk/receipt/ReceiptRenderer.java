// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.receipt;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.receipt.Receipt.ReceivedDocument;

/**
 * Draws a {@link Receipt} as a PDF: A5 for office printers or an 80 mm roll whose height follows
 * the content. Noto Sans is embedded (subset) so the paper looks the same on every printer, text is
 * NFC-normalised (decomposed Vietnamese puts the accents in the wrong place), the QR code is drawn
 * as vector squares (sharp at any printer resolution), and training receipts carry a diagonal
 * "TẬP HUẤN" watermark on every page. The wording comes from the {@code receipt.*} messages.
 * Thread-safe: one instance can serve the whole kiosk.
 */
public final class ReceiptRenderer {
    private static final float MM = 72f / 25.4f;
    // Parsed once: parsing 0.5 MB of TrueType per receipt was most of the rendering time. PDFBox's
    // subsetter reads these tables while a document is saved, hence the lock in render().
    private static final TrueTypeFont REGULAR = font("/fonts/NotoSans-Regular.ttf");
    private static final TrueTypeFont BOLD = font("/fonts/NotoSans-Bold.ttf");
    private static final Object FONT_LOCK = new Object();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Messages messages;

    /** Vietnamese wording: the receipt is an official Vietnamese paper. */
    public ReceiptRenderer() {
        this(Messages.of(Locale.forLanguageTag("vi")));
    }

    public ReceiptRenderer(Messages messages) {
        this.messages = messages;
    }

    public byte[] render(Receipt receipt, ReceiptLayout layout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            render(receipt, layout, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public void render(Receipt receipt, ReceiptLayout layout, OutputStream out) throws IOException {
        synchronized (FONT_LOCK) {
            write(receipt, layout, out);
        }
    }

    private void write(Receipt receipt, ReceiptLayout layout, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = PDType0Font.load(doc, REGULAR, true);
            PDFont bold = PDType0Font.load(doc, BOLD, true);
            Flow flow = new Flow(layout, regular, bold);
            compose(receipt, layout, flow);
            flow.paint(doc, receipt.training() ? text("receipt.watermark") : null);
            PDDocumentInformation info = doc.getDocumentInformation();
            // Title and creator only: the document information must carry no personal data.
            info.setTitle(text("receipt.title"));
            info.setCreator("Mot Cua Kiosk");
            doc.save(out);
        }
    }

    private void compose(Receipt r, ReceiptLayout layout, Flow f) {
        boolean roll = layout.roll();
        float body = roll ? 8.5f : 10f;
        float small = roll ? 7.5f : 8.5f;
        if (r.training()) {
            f.paragraph(Align.CENTER, f.bold(text("receipt.trainingBanner"), body));
            f.gap(3);
        }
        // National header: two columns on A5 as on the printed form, stacked on a narrow roll.
        float header = roll ? body : 8.5f;
        Runnable agency = () -> {
            f.paragraph(Align.CENTER, f.regular(upper(r.issuingAgency()), header));
            if (r.receivingUnit() != null) {
                f.paragraph(Align.CENTER, f.bold(upper(r.receivingUnit()), header));
            }
        };
        Runnable nation = () -> {
            f.paragraph(Align.CENTER, f.bold(text("receipt.nation"), header));
            f.paragraph(Align.CENTER, f.bold(text("receipt.motto"), header));
        };
        if (roll) {
            agency.run();
            f.gap(2);
            nation.run();
        } else {
            f.columns(0.42f, agency, nation);
        }
        f.gap(4);
        f.paragraph(Align.CENTER, f.regular(text("receipt.number", r.receiptNumber()), body));
        f.gap(4);
        f.paragraph(Align.CENTER, f.bold(text("receipt.title").toUpperCase(Locale.ROOT), roll ? 9.5f : 12.5f));
        f.gap(4);
        if (r.queued()) {
            f.paragraph(Align.CENTER, f.regular(text("receipt.localReference") + " ", body),
                    f.bold(r.localReference(), roll ? 10f : 12f));
            f.paragraph(Align.CENTER, f.bold(text("receipt.queued"), body));
            f.paragraph(Align.CENTER, f.regular(text("receipt.queuedNote"), small));
        } else {
            f.paragraph(Align.CENTER, f.regular(text("receipt.dossierCode") + " ", body),
                    f.bold(r.dossierCode(), roll ? 10f : 12f));
        }
        f.gap(4);
        Receipt.Applicant a = r.applicant();
        field(f, body, "receipt.applicant", a.name());
        field(f, body, "receipt.idNumber", a.idNumber());
        field(f, body, "receipt.address", a.address());
        field(f, body, "receipt.phone", a.phone());
        field(f, body, "receipt.email", a.email());
        field(f, body, "receipt.procedure", r.procedure());
        f.paragraph(Align.LEFT, f.bold(text("receipt.documents"), body));
        int i = 1;
        for (ReceivedDocument d : r.documents()) {
            f.hanging(14, f.regular(i++ + ". " + d.name() + " ", body),
                    f.regular(text("receipt.documentCounts", d.originals(), d.copies()), small));
        }
        if (r.documents().isEmpty()) {
            f.hanging(14, f.regular(text("receipt.noDocuments"), body));
        }
        if (r.receivingOffice() != null) {
            field(f, body, "receipt.receivingOffice", r.receivingOffice());
        }
        field(f, body, "receipt.handling", text("receipt.handlingDays", r.handlingDays()));
        field(f, body, "receipt.receivedAt", when(r.receivedAt()));
        field(f, body, "receipt.dueAt", r.dueAt() == null ? text("receipt.dueLater") : when(r.dueAt()));
        field(f, body, "receipt.fee", fee(r.fee()));
        field(f, body, "receipt.delivery." + r.delivery().channel().name().toLowerCase(Locale.ROOT),
                r.delivery().where() != null ? r.delivery().where()
                        : r.receivingUnit() != null ? r.receivingUnit() : r.issuingAgency());
        field(f, body, "receipt.officer", r.receivingOfficer());
        f.gap(5);
        f.qrBlock(r.qrContent(), roll ? 30 : 28,
                f.bold(text("receipt.scanToTrack"), small),
                f.regular(r.trackingUrl() == null ? r.trackingCode() : r.trackingUrl(), small));
    }

    private void field(Flow f, float size, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        f.paragraph(Align.LEFT, f.bold(text(key) + " ", size), f.regular(value, size));
    }

    private String when(LocalDateTime t) {
        return text("receipt.time", String.format(Locale.ROOT, "%02d", t.getHour()),
                String.format(Locale.ROOT, "%02d", t.getMinute()), DAY.format(t));
    }

    private String fee(Receipt.Fee fee) {
        if (fee.status() == Receipt.FeeStatus.NONE || fee.amountVnd() == 0) {
            return text("receipt.fee.none");
        }
        String amount = String.format(Locale.ROOT, "%,d", fee.amountVnd()).replace(',', '.');
        return text("receipt.fee." + (fee.status() == Receipt.FeeStatus.PAID_ONLINE ? "paid" : "due"), amount);
    }

    private String text(String key, Object... args) {
        return messages.get(key, args);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.forLanguageTag("vi"));
    }

    private static TrueTypeFont font(String resource) {
        try (InputStream in = ReceiptRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the jar: " + resource);
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum Align { LEFT, CENTER }

    /** A run of text in one font and size. */
    private record Span(String text, PDFont font, float size) {}

    /** Something drawn at a position measured from the top of its page. */
    private interface Op {
        void draw(PDPageContentStream cs, float pageHeight) throws IOException;
    }

    /**
     * Lays the content out top-down, then paints it: a roll page gets exactly the height the
     * content needs, an A5 receipt that runs long continues on a second page.
     */
    private static final class Flow {
        private final ReceiptLayout layout;
        private final PDFont regular;
        private final PDFont bold;
        private final float pageWidth;
        private final float margin;
        private final float usable;
        private final List<List<Op>> pages = new ArrayList<>();
        private float x;
        private float width;
        private float y;

        Flow(ReceiptLayout layout, PDFont regular, PDFont bold) {
            this.layout = layout;
            this.regular = regular;
            this.bold = bold;
            this.pageWidth = layout.widthMm() * MM;
            this.margin = layout.marginMm() * MM;
            this.usable = layout.roll() ? Float.MAX_VALUE : layout.heightMm() * MM - 2 * margin;
            this.x = margin;
            this.width = pageWidth - 2 * margin;
            pages.add(new ArrayList<>());
        }

        Span regular(String text, float size) {
            return new Span(nfc(text), regular, size);
        }

        Span bold(String text, float size) {
            return new Span(nfc(text), bold, size);
        }

        void gap(float points) {
            y += points;
        }

        void columns(float leftShare, Runnable left, Runnable right) {
            float x0 = x;
            float w0 = width;
            float top = y;
            width = w0 * leftShare;
            left.run();
            float bottom = y;
            y = top;
            x = x0 + w0 * leftShare;
            width = w0 * (1 - leftShare);
            right.run();
            y = Math.max(y, bottom);
            x = x0;
            width = w0;
        }

        void paragraph(Align align, Span... spans) {
            lines(align, 0, spans);
        }

        /** A numbered item: continuation lines indented under the text, not the number. */
        void hanging(float indent, Span... spans) {
            lines(Align.LEFT, indent, spans);
        }

        private void lines(Align align, float indent, Span... spans) {
            // Words keep their span's font; a line breaks before the word that would overflow.
            List<List<Span>> lines = new ArrayList<>();
            List<Span> line = new ArrayList<>();
            float used = 0;
            for (Span s : spans) {
                String[] words = s.text().split(" ", -1);
                for (int w = 0; w < words.length; w++) {
                    String word = words[w] + (w < words.length - 1 ? " " : "");
                    if (word.isEmpty()) {
                        continue;
                    }
                    float ww = width(word.stripTrailing(), s.font(), s.size());
                    float limit = width - (lines.isEmpty() ? 0 : indent);
                    while (ww > limit && word.length() > 1) {
                        // A word wider than the line (a tracking link): break it where it overflows.
                        int cut = word.length() - 1;
                        while (cut > 1 && used + width(word.substring(0, cut), s.font(), s.size()) > limit) {
                            cut--;
                        }
                        line.add(new Span(word.substring(0, cut), s.font(), s.size()));
                        lines.add(line);
                        line = new ArrayList<>();
                        used = 0;
                        word = word.substring(cut);
                        ww = width(word.stripTrailing(), s.font(), s.size());
                        limit = width - indent;
                    }
                    if (used + ww > limit && !line.isEmpty()) {
                        lines.add(line);
                        line = new ArrayList<>();
                        used = 0;
                    }
                    line.add(new Span(word, s.font(), s.size()));
                    used += width(word, s.font(), s.size());
                }
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            boolean first = true;
            for (List<Span> l : lines) {
                float size = 0;
                float total = 0;
                for (Span s : l) {
                    size = Math.max(size, s.size());
                    total += width(s.text(), s.font(), s.size());
                }
                total -= trailingSpace(l.get(l.size() - 1));
                float height = size * 1.35f;
                if (y + height > usable) {
                    pages.add(new ArrayList<>());
                    y = 0;
                }
                float lx = x + (align == Align.CENTER ? (width - total) / 2 : first ? 0 : indent);
                float baseline = margin + y + size * 1.05f;
                List<Span> words = List.copyOf(l);
                page().add((cs, h) -> {
                    cs.beginText();
                    cs.newLineAtOffset(lx, h - baseline);
                    PDFont current = null;
                    float currentSize = 0;
                    for (Span s : words) {
                        if (s.font() != current || s.size() != currentSize) {
                            cs.setFont(s.font(), s.size());
                            current = s.font();
                            currentSize = s.size();
                        }
                        cs.showText(s.text());
                    }
                    cs.endText();
                });
                y += height;
                first = false;
            }
        }

        /** The QR code with its caption beside it (A5) or under it (roll). */
        void qrBlock(String content, float sizeMm, Span caption, Span link) {
            BitMatrix matrix = qr(content);
            float size = sizeMm * MM;
            float quiet = 2 * MM; // the page margin adds to this; scanners need ~4 modules of white
            if (y + size + 2 * quiet > usable) {
                pages.add(new ArrayList<>());
                y = 0;
            }
            float top = y + quiet;
            float qx = layout.roll() ? x + (width - size) / 2 : x;
            float qy = margin + top;
            page().add((cs, h) -> drawQr(cs, matrix, qx, h - qy - size, size));
            if (layout.roll()) {
                y = top + size + quiet;
                paragraph(Align.CENTER, caption);
                paragraph(Align.CENTER, link);
            } else {
                float x0 = x;
                float w0 = width;
                x = x0 + size + 4 * MM;
                width = w0 - size - 4 * MM;
                y = top + size / 2 - caption.size() * 1.4f;
                paragraph(Align.LEFT, caption);
                paragraph(Align.LEFT, link);
                x = x0;
                width = w0;
                y = Math.max(y, top + size + quiet);
            }
        }

        void paint(PDDocument doc, String watermark) throws IOException {
            float height = layout.roll() ? y + 2 * margin : layout.heightMm() * MM;
            for (List<Op> ops : pages) {
                PDPage page = new PDPage(new PDRectangle(pageWidth, height));
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    if (watermark != null) {
                        watermark(cs, nfc(watermark), pageWidth, height);
                    }
                    for (Op op : ops) {
                        op.draw(cs, height);
                    }
                }
            }
        }

        private void watermark(PDPageContentStream cs, String text, float w, float h) throws IOException {
            // Drawn first, in an opaque pale red, so the text stays on top. Transparency would look
            // the same but makes the JDK's PostScript printing rasterise the page (10× the data).
            cs.saveGraphicsState();
            cs.setNonStrokingColor(1f, 0.78f, 0.78f);
            // On A5 one mark along the diagonal; on a long roll one every page-width or so.
            double angle = layout.roll() ? Math.toRadians(35) : Math.atan2(h, w);
            float span = (float) ((layout.roll() ? w / Math.cos(angle) : Math.hypot(w, h)) * 0.8);
            float size = span / (bold.getStringWidth(text) / 1000f);
            float textWidth = bold.getStringWidth(text) / 1000f * size;
            float step = layout.roll() ? w * 1.3f : h;
            for (float cy = layout.roll() ? Math.min(w * 0.65f, h / 2) : h / 2; cy < h; cy += step) {
                Matrix m = Matrix.getTranslateInstance(w / 2, h - cy);
                m.rotate(angle);
                m.translate(-textWidth / 2, -size * 0.35f);
                cs.beginText();
                cs.setFont(bold, size);
                cs.setTextMatrix(m);
                cs.showText(text);
                cs.endText();
            }
            cs.restoreGraphicsState();
        }

        private List<Op> page() {
            return pages.get(pages.size() - 1);
        }

        private static float width(String s, PDFont font, float size) {
            try {
                return font.getStringWidth(s) / 1000f * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static float trailingSpace(Span s) {
            return s.text().endsWith(" ") ? width(" ", s.font(), s.size()) : 0;
        }
    }

    private static BitMatrix qr(String content) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 0); // the layout leaves the quiet zone
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("tracking code too long for a QR code", e);
        }
    }

    private static void drawQr(PDPageContentStream cs, BitMatrix m, float x, float bottom, float size)
            throws IOException {
        float module = size / m.getWidth();
        // White under the code and its quiet zone, so a watermark never reduces the contrast.
        float quiet = 2 * module;
        cs.setNonStrokingColor(1f, 1f, 1f);
        cs.addRect(x - quiet, bottom - quiet, size + 2 * quiet, size + 2 * quiet);
        cs.fill();
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row)) {
                    col++;
                }
                // One rectangle per dark run; PDF rows count from the bottom.
                cs.addRect(x + start * module, bottom + size - (row + 1) * module, (col - start) * module, module);
            }
        }
        cs.fill();
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
