// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.motcua.kiosk.i18n.Messages;

/** The doctor's test page: a frame at the printable edge and Vietnamese text, on the given paper. */
public final class TestPage {
    private static final float MM = 72f / 25.4f;

    private TestPage() {}

    public static byte[] pdf(Messages m, String printer, PaperSize paper) {
        float w = paper.widthMm() * MM;
        float h = (paper.heightMm() == 0 ? 100 : paper.heightMm()) * MM;
        float margin = 4 * MM;
        try (PDDocument doc = new PDDocument();
                InputStream fontIn = TestPage.class.getResourceAsStream("/fonts/NotoSans-Regular.ttf")) {
            PDFont font = PDType0Font.load(doc, fontIn, true);
            PDPage page = new PDPage(new PDRectangle(w, h));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setLineWidth(1);
                cs.addRect(margin, margin, w - 2 * margin, h - 2 * margin);
                cs.stroke();
                float y = h - margin - 16;
                List<String> lines = new ArrayList<>();
                lines.add(m.get("printing.testPage.title"));
                lines.add(m.get("printing.testPage.printer", printer, paper));
                lines.addAll(wrap(m.get("printing.testPage.body"), font, 9, w - 4 * margin));
                for (String line : lines) {
                    cs.beginText();
                    cs.setFont(font, 9);
                    cs.newLineAtOffset(2 * margin, y);
                    cs.showText(line);
                    cs.endText();
                    y -= 13;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : Normalizer.normalize(text, Normalizer.Form.NFC).split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
