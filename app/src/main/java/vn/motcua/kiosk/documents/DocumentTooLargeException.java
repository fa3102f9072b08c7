// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

/** Even recompressed, the document's PDF is over the portal's limit: the citizen splits it or drops pages. */
public final class DocumentTooLargeException extends DocumentException {
    private final long bytes;
    private final long limit;

    public DocumentTooLargeException(long bytes, long limit) {
        super("documents.tooLarge", bytes + " > " + limit + " bytes after recompression", null,
                String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0),
                String.format(java.util.Locale.ROOT, "%.1f", limit / 1048576.0));
        this.bytes = bytes;
        this.limit = limit;
    }

    public long bytes() {
        return bytes;
    }

    public long limit() {
        return limit;
    }
}
