// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

/**
 * The portal's limits for one document and how pages are compressed.
 *
 * @param maxFileBytes largest PDF the portal takes (default 10 MB); over it the kiosk recompresses, then refuses
 * @param minDpi lowest resolution the portal accepts for digitised papers (default 200)
 * @param maxPages most pages in one document, also for imported PDFs (default 100)
 * @param jpegQuality JPEG quality of grey and colour pages, 0..1; 0.70 was chosen by measurement
 *     (docs/bench-scanning.md): 6-point print stays sharp and an A4 text page at 200 dpi stays
 *     well under 150 KB
 */
public record DocumentLimits(long maxFileBytes, int minDpi, int maxPages, float jpegQuality) {
    public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;
    public static final float DEFAULT_JPEG_QUALITY = 0.70f;

    public DocumentLimits {
        if (maxFileBytes < 1024 || minDpi < 50 || maxPages < 1 || jpegQuality <= 0 || jpegQuality > 1) {
            throw new IllegalArgumentException("document limits out of range");
        }
    }

    public static DocumentLimits defaults() {
        return new DocumentLimits(DEFAULT_MAX_FILE_BYTES, 200, 100, DEFAULT_JPEG_QUALITY);
    }

    public DocumentLimits withMaxFileBytes(long bytes) {
        return new DocumentLimits(bytes, minDpi, maxPages, jpegQuality);
    }

    public DocumentLimits withMaxPages(int pages) {
        return new DocumentLimits(maxFileBytes, minDpi, pages, jpegQuality);
    }

    public DocumentLimits withJpegQuality(float quality) {
        return new DocumentLimits(maxFileBytes, minDpi, maxPages, quality);
    }
}
