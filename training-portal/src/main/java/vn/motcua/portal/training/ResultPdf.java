// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * The e-result of a DONE dossier, before {@link ResultSigner} signs it: a signature box (signer,
 * date) and a large "TẬP HUẤN" stamp. Its signature is real PAdES but made with a training key
 * anyone has, so the paper itself says it is worth nothing.
 */
final class ResultPdf {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PortalClock.VIETNAM);

    record Content(String dossierCode, String agencyName, String procedureName, String applicantName,
                   Instant receivedAt, Instant doneAt, String signerName) {
    }

    private ResultPdf() {
    }

    static byte[] render(Content c) {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = font(doc, "fonts/NotoSans-Regular.ttf");
            PDFont bold = font(doc, "fonts/NotoSans-Bold.ttf");
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float w = page.getMediaBox().getWidth();
            float h = page.getMediaBox().getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                centered(cs, bold, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", w, h - 60);
                centered(cs, bold, 11, "Độc lập - Tự do - Hạnh phúc", w, h - 76);
                centered(cs, regular, 11, c.agencyName(), w, h - 110);
                centered(cs, bold, 15, "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", w, h - 150);
                centered(cs, regular, 11, "(bản điện tử)", w, h - 168);
                float y = h - 215;
                y = line(cs, regular, bold, "Mã hồ sơ: ", c.dossierCode(), y);
                y = line(cs, regular, bold, "Thủ tục: ", c.procedureName(), y);
                y = line(cs, regular, bold, "Người yêu cầu: ", c.applicantName(), y);
                y = line(cs, regular, bold, "Ngày tiếp nhận: ", WHEN.format(c.receivedAt()), y);
                y = line(cs, regular, bold, "Ngày có kết quả: ", WHEN.format(c.doneAt()), y);
                line(cs, regular, bold, "Kết quả: ", "Đã giải quyết — hồ sơ tập huấn, không phải giấy tờ thật.", y - 10);

                // The signature box a real e-result shows; here it only looks the part.
                float bx = w - 300;
                float by = 150;
                cs.setStrokingColor(0.75f, 0.1f, 0.1f);
                cs.setLineWidth(1.2f);
                cs.addRect(bx, by, 250, 80);
                cs.stroke();
                cs.setNonStrokingColor(0.75f, 0.1f, 0.1f);
                text(cs, bold, 10, "Ký bởi: " + c.signerName(), bx + 8, by + 60);
                text(cs, regular, 10, "Ngày ký: " + WHEN.format(c.doneAt()), bx + 8, by + 42);
                text(cs, regular, 10, "Chữ ký số: khóa TẬP HUẤN (ai cũng có)", bx + 8, by + 24);
                text(cs, regular, 8, "Chữ ký này không có giá trị pháp lý.", bx + 8, by + 8);

                PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
                faint.setNonStrokingAlphaConstant(0.22f);
                cs.setGraphicsStateParameters(faint);
                cs.setNonStrokingColor(0.85f, 0.05f, 0.05f);
                cs.beginText();
                cs.setFont(bold, 110);
                cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(40), 90, 230));
                cs.showText(nfc("TẬP HUẤN"));
                cs.endText();
                cs.beginText();
                cs.setFont(bold, 26);
                cs.setTextMatrix(Matrix.getRotateInstance(Math.toRadians(40), 170, 200));
                cs.showText(nfc("KHÔNG CÓ GIÁ TRỊ PHÁP LÝ"));
                cs.endText();
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Kết quả " + c.dossierCode() + " (TẬP HUẤN)");
            info.setProducer("Mot Cua training portal");
            info.setKeywords("training; tap huan; not a real document");
            Calendar when = GregorianCalendar.from(c.doneAt().atZone(PortalClock.VIETNAM));
            info.setCreationDate(when);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // Without object streams: the Info dictionary stays plain text, which the TAMPERED_RESULT
            // fault alters (ResultSigner.tampered) while the file still reads as a PDF.
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFont font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = ResultPdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font missing: " + resource);
            }
            return PDType0Font.load(doc, in);
        }
    }

    /** Decomposed accents would be drawn as separate glyphs in the wrong place. */
    private static String nfc(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFC);
    }

    private static void text(PDPageContentStream cs, PDFont f, float size, String s, float x, float y) throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(nfc(s));
        cs.endText();
    }

    private static void centered(PDPageContentStream cs, PDFont f, float size, String s, float pageWidth, float y) throws IOException {
        float width = f.getStringWidth(nfc(s)) / 1000 * size;
        text(cs, f, size, s, (pageWidth - width) / 2, y);
    }

    private static float line(PDPageContentStream cs, PDFont regular, PDFont bold, String label, String value, float y) throws IOException {
        text(cs, regular, 12, label, 70, y);
        float lw = regular.getStringWidth(nfc(label)) / 1000 * 12;
        text(cs, bold, 12, value, 70 + lw, y);
        return y - 24;
    }
}
