// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.motcua.kiosk.form.AddressLine;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.form.Field;
import vn.motcua.kiosk.form.FieldType;
import vn.motcua.kiosk.form.FormDefinition;
import vn.motcua.kiosk.form.FormValidator;
import vn.motcua.kiosk.form.Section;
import vn.motcua.kiosk.places.Places;

/**
 * The declaration (tờ khai) as the citizen completed it on screen, as an A4 PDF: it is the first
 * paper of every dossier, so nobody fills the same form twice on paper. Vietnamese, as filed;
 * fields hidden by the answers are left out, as the portal gets them.
 */
public final class DeclarationPdf {
    /** The catalogue's id of the paper this makes. */
    public static final String TYPE = "declaration";

    private static final float MARGIN = 56;
    private static final float SIZE = 11;
    private static final float LEADING = 15;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final Places places;
    private final FormValidator validator;
    private final java.util.function.UnaryOperator<String> officeName;

    public DeclarationPdf(Places places, FormValidator validator) {
        this(places, validator, code -> code);
    }

    /** @param officeName a receiving office's name from its code (the {@code agency} field, "Kính gửi") */
    public DeclarationPdf(Places places, FormValidator validator, java.util.function.UnaryOperator<String> officeName) {
        this.places = places;
        this.validator = validator;
        this.officeName = officeName;
    }

    /** Writes the declaration of {@code title} to {@code out}; returns its page count. */
    public int write(String title, FormDefinition form, Answers answers, LocalDate filedOn, Path out) throws IOException {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, true));
        lines.add(new Line("Độc lập - Tự do - Hạnh phúc", true, true));
        lines.add(new Line("", false, false));
        lines.add(new Line("TỜ KHAI", true, true));
        lines.add(new Line(title, true, true));
        for (Section section : form.sectionList()) {
            List<Line> body = new ArrayList<>();
            for (Field f : section.fieldList()) {
                if (!validator.isShown(form, answers, f.id())) {
                    continue;
                }
                if (f.type() == FieldType.group) {
                    int rows = answers.rows(f.id());
                    for (int r = 0; r < rows; r++) {
                        List<String> cells = new ArrayList<>();
                        for (Field c : f.columns()) {
                            display(c, Answers.rowPath(f.id(), r, c.id()), answers)
                                    .ifPresent(v -> cells.add(c.label().vi() + ": " + v));
                        }
                        if (!cells.isEmpty()) {
                            body.add(new Line(f.label().vi() + " (" + (r + 1) + "): " + String.join("; ", cells), false, false));
                        }
                    }
                } else {
                    display(f, f.id(), answers).ifPresent(v -> body.add(new Line(f.label().vi() + ": " + v, false, false)));
                }
            }
            if (!body.isEmpty()) {
                lines.add(new Line("", false, false));
                if (section.title() != null) {
                    lines.add(new Line(section.title().vi(), true, false));
                }
                lines.addAll(body);
            }
        }
        lines.add(new Line("", false, false));
        lines.add(new Line("Tôi xin cam đoan những nội dung khai trên đây là đúng sự thật. Khai tại điểm Một cửa, ngày "
                + DAY.format(filedOn) + ".", false, false));
        return render(lines, out);
    }

    private Optional<String> display(Field f, String path, Answers answers) {
        if (f.type() == FieldType.address) {
            return AddressLine.of(answers, path, places);
        }
        String v = answers.get(path);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(switch (f.type()) {
            case date -> v.length() == 7 ? java.time.YearMonth.parse(v).format(MONTH) : LocalDate.parse(v).format(DAY);
            case yesNo -> "true".equals(v) ? "Có" : "Không";
            case agency -> officeName.apply(v);
            case choice -> f.choiceList().stream().filter(c -> c.value().equals(v)).findFirst()
                    .map(c -> c.label().vi()).orElse(v);
            case multiChoice -> String.join(", ", answers.values(path).stream().map(x -> f.choiceList().stream()
                    .filter(c -> c.value().equals(x)).findFirst().map(c -> c.label().vi()).orElse(x)).toList());
            default -> v;
        });
    }

    private record Line(String text, boolean bold, boolean centred) {}

    private static int render(List<Line> lines, Path out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = load(doc, "/fonts/NotoSans-Regular.ttf");
            PDFont bold = load(doc, "/fonts/NotoSans-Bold.ttf");
            PDRectangle a4 = PDRectangle.A4;
            float width = a4.getWidth() - 2 * MARGIN;
            PDPageContentStream page = null;
            float y = 0;
            try {
                for (Line line : lines) {
                    PDFont font = line.bold() ? bold : regular;
                    for (String part : wrap(Normalizer.normalize(line.text(), Normalizer.Form.NFC), font, width)) {
                        if (page == null || y < MARGIN) {
                            if (page != null) {
                                page.close();
                            }
                            PDPage p = new PDPage(a4);
                            doc.addPage(p);
                            page = new PDPageContentStream(doc, p);
                            y = a4.getHeight() - MARGIN;
                        }
                        float x = MARGIN;
                        if (line.centred()) {
                            x += (width - font.getStringWidth(part) / 1000 * SIZE) / 2;
                        }
                        page.beginText();
                        page.setFont(font, SIZE);
                        page.newLineAtOffset(x, y);
                        page.showText(part);
                        page.endText();
                        y -= LEADING;
                    }
                }
            } finally {
                if (page != null) {
                    page.close();
                }
            }
            doc.save(out.toFile());
            return doc.getNumberOfPages();
        }
    }

    private static PDFont load(PDDocument doc, String resource) throws IOException {
        try (InputStream in = DeclarationPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("font missing from the jar: " + resource));
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /** Breaks a line at spaces so that it fits; an empty line stays one empty line. */
    private static List<String> wrap(String text, PDFont font, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(tried) / 1000 * SIZE > width) {
                out.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(tried);
            }
        }
        out.add(current.toString());
        return out;
    }
}
