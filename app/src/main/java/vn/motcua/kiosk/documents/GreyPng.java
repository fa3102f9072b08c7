// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Text pages as 16-level grey PNGs. After the paper is whitened a text page is mostly pure white
 * and pure black with grey only at the edges of letters: 16 levels keep 6-point print smooth, and
 * deflate packs such a page to about a third of a JPEG of the same page (docs/bench-scanning.md).
 * Written by hand (IHDR, one IDAT, IEND; no row filter) so that the IDAT data is exactly the
 * FlateDecode stream a PDF image with PNG predictors needs: {@link PdfMaker} embeds it unchanged,
 * as it does JPEGs. Any PNG reader (thumbnails, ImageIO) reads the file as an ordinary grey PNG.
 */
final class GreyPng {
    static final int BITS = 4;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private GreyPng() {}

    /** The image data of a page file as its IDAT holds it (zlib, a filter byte before each row). */
    record Data(int width, int height, byte[] zlib) {}

    /** Writes an 8-bit grey image as a 4-bit grey PNG (rounded to the nearest of 16 levels). */
    static void write(BufferedImage grey, OutputStream out) throws IOException {
        write(grey, 16, out);
    }

    /**
     * With fewer levels (8, 4, 2) for a smaller file: still a 4-bit PNG, but long runs of equal
     * bytes deflate further. The recompression steps of {@link PdfMaker} use this for text pages.
     */
    static void write(BufferedImage grey, int levels, OutputStream out) throws IOException {
        if (levels < 2 || levels > 16) {
            throw new IllegalArgumentException("2 to 16 levels");
        }
        byte[] code = new byte[256];
        for (int v = 0; v < 256; v++) {
            int k = (v * (levels - 1) + 127) / 255;
            code[v] = (byte) ((k * 15 + (levels - 1) / 2) / (levels - 1));
        }
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("8-bit grey expected");
        }
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int stride = grey.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel c ? c.getScanlineStride() : w;
        ByteArrayOutputStream idat = new ByteArrayOutputStream(w * h / 8);
        Deflater deflater = new Deflater(6);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
            byte[] row = new byte[1 + (w + 1) / 2];
            for (int y = 0; y < h; y++) {
                int o = y * stride;
                row[0] = 0; // filter: none
                for (int x = 0; x < w; x += 2) {
                    int a = code[pixels[o + x] & 0xff];
                    int b = x + 1 < w ? code[pixels[o + x + 1] & 0xff] : 15;
                    row[1 + x / 2] = (byte) (a << 4 | b);
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        DataOutputStream d = new DataOutputStream(out);
        d.write(SIGNATURE);
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream hd = new DataOutputStream(ihdr);
        hd.writeInt(w);
        hd.writeInt(h);
        hd.writeByte(BITS);
        hd.writeByte(0); // colour type: grey
        hd.writeByte(0); // deflate
        hd.writeByte(0); // adaptive filtering (each row says "none")
        hd.writeByte(0); // not interlaced
        chunk(d, "IHDR", ihdr.toByteArray());
        chunk(d, "IDAT", idat.toByteArray());
        chunk(d, "IEND", new byte[0]);
        d.flush();
    }

    /** Reads back what {@link #write} wrote: size and the IDAT data; anything else is refused. */
    static Data read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static Data read(InputStream in) throws IOException {
        try (DataInputStream d = new DataInputStream(in)) {
            byte[] sig = d.readNBytes(8);
            if (!java.util.Arrays.equals(sig, SIGNATURE)) {
                throw new IOException("not a PNG");
            }
            int w = 0;
            int h = 0;
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            while (true) {
                int length = d.readInt();
                String type = new String(d.readNBytes(4), StandardCharsets.US_ASCII);
                byte[] body = d.readNBytes(length);
                d.readInt(); // CRC: the file is ours, in the session folder
                switch (type) {
                    case "IHDR" -> {
                        DataInputStream hd = new DataInputStream(new java.io.ByteArrayInputStream(body));
                        w = hd.readInt();
                        h = hd.readInt();
                        if (hd.readByte() != BITS || hd.readByte() != 0) {
                            throw new IOException("not a 4-bit grey PNG");
                        }
                    }
                    case "IDAT" -> data.write(body);
                    case "IEND" -> {
                        return new Data(w, h, data.toByteArray());
                    }
                    default -> { }
                }
            }
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(body.length);
        out.write(name);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }
}
