// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.scanning.ColourMode;

class PaperDocumentTest {
    @TempDir
    Path session;

    @Test
    void pagesGoToTheSessionFolderAndBlankOnesAreFlaggedNotDropped() throws Exception {
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        Page text = writer.write(TestPages.text(BufferedImage.TYPE_BYTE_GRAY), 200, ColourMode.GREY, false);
        Page empty = writer.write(TestPages.empty(), 200, ColourMode.GREY, true);
        Page bw = writer.write(TestPages.text(BufferedImage.TYPE_BYTE_GRAY), 200, ColourMode.BLACK_WHITE, false);
        // Print after whitening is a 16-level grey PNG (a third of a JPEG); black and white a 1-bit PNG.
        assertThat(text.file()).startsWith(session).hasExtension("png");
        assertThat(bw.file()).startsWith(session).hasExtension("png");
        assertThat(text.blank()).isFalse();
        assertThat(bw.blank()).isFalse();
        assertThat(empty.blank()).isTrue();
        assertThat(empty.backSide()).isTrue();
        PaperDocument doc = new PaperDocument("cccd");
        doc.add(text);
        doc.add(empty);
        assertThat(doc.blankPages()).containsExactly(1);
        assertThat(doc.size()).isEqualTo(2);
    }

    @Test
    void aPhotographStaysJpeg() throws Exception {
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        BufferedImage photo = new BufferedImage(800, 1000, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                photo.getRaster().setSample(x, y, 0, 40 + (x + y) % 170);
            }
        }
        assertThat(writer.write(photo, 200, ColourMode.GREY, false).file()).hasExtension("jpg");
    }

    @Test
    void rotateReorderDeleteInsertReplace() throws Exception {
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        PaperDocument doc = new PaperDocument("giay-khai-sinh");
        Page a = writer.write(TestPages.text(BufferedImage.TYPE_BYTE_GRAY), 200, ColourMode.GREY, false);
        Page b = writer.write(TestPages.empty(), 200, ColourMode.GREY, false);
        Page c = writer.write(TestPages.text(BufferedImage.TYPE_BYTE_GRAY), 200, ColourMode.GREY, false);
        doc.add(a);
        doc.add(b);
        doc.add(c);

        doc.rotate(0, 90);
        doc.rotate(0, 90);
        doc.rotate(2, -90);
        assertThat(doc.page(0).rotation()).isEqualTo(180);
        assertThat(doc.page(2).rotation()).isEqualTo(270);
        assertThat(Thumbnails.of(doc.page(2), 200)).satisfies(t -> {
            assertThat(t.getWidth()).isEqualTo(200); // turned a quarter: the long side lies down
            assertThat(t.getHeight()).isLessThan(200);
        });

        doc.move(2, 0);
        assertThat(ids(doc)).containsExactly(c.id().toString(), a.id().toString(), b.id().toString());

        doc.delete(2);
        assertThat(b.file()).doesNotExist();
        assertThat(ids(doc)).containsExactly(c.id().toString(), a.id().toString());

        Page d = writer.write(TestPages.text(BufferedImage.TYPE_BYTE_GRAY), 200, ColourMode.GREY, false);
        doc.insert(1, d);
        assertThat(ids(doc)).containsExactly(c.id().toString(), d.id().toString(), a.id().toString());
        assertThat(doc.indexOf(a.id())).isEqualTo(2);

        Page rescanned = writer.write(TestPages.text(BufferedImage.TYPE_BYTE_GRAY), 200, ColourMode.GREY, false);
        doc.replace(0, rescanned);
        assertThat(c.file()).doesNotExist();
        assertThat(doc.page(0)).isEqualTo(rescanned);

        doc.clear();
        assertThat(doc.isEmpty()).isTrue();
        try (var left = Files.list(session.resolve("pages"))) {
            assertThat(left).isEmpty();
        }
    }

    private static List<String> ids(PaperDocument doc) {
        return doc.pages().stream().map(p -> p.id().toString()).toList();
    }
}
