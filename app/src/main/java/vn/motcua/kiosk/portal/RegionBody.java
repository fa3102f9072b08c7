// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Part of a document as a request body, written in 64 KB pieces so the screen's progress bar
 * moves. The document is in memory: on disk it is sealed (at most 10 MB, opened once per upload).
 */
public final class RegionBody extends RequestBody {
    /** Bytes written to the connection so far (the screen's progress bar). */
    public interface Progress {
        void sent(long bytesOfThisRequest);

        Progress NONE = n -> { };
    }

    private static final int BUFFER = 64 * 1024;
    private final byte[] content;
    private final long offset;
    private final long count;
    private final MediaType type;
    private final Progress progress;

    public RegionBody(byte[] content, long offset, long count, MediaType type, Progress progress) {
        if (offset < 0 || count < 0 || offset + count > content.length) {
            throw new IllegalArgumentException("region " + offset + "+" + count + " outside " + content.length + " bytes");
        }
        this.content = content;
        this.offset = offset;
        this.count = count;
        this.type = type;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    @Override
    public MediaType contentType() {
        return type;
    }

    @Override
    public long contentLength() {
        return count;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        long sent = 0;
        while (sent < count) {
            int n = (int) Math.min(BUFFER, count - sent);
            sink.write(content, (int) (offset + sent), n);
            sent += n;
            progress.sent(sent);
        }
    }
}
