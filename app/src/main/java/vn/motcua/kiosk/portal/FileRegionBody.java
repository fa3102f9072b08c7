// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/** Part of a file as a request body, read straight from disk (a 10 MB scan is never held in memory). */
public final class FileRegionBody extends RequestBody {
    /** Bytes written to the connection so far (the screen's progress bar). */
    public interface Progress {
        void sent(long bytesOfThisRequest);

        Progress NONE = n -> { };
    }

    private static final int BUFFER = 64 * 1024;
    private final Path file;
    private final long offset;
    private final long count;
    private final MediaType type;
    private final Progress progress;

    public FileRegionBody(Path file, long offset, long count, MediaType type, Progress progress) {
        this.file = file;
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
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            long sent = 0;
            while (sent < count) {
                buf.clear();
                buf.limit((int) Math.min(BUFFER, count - sent));
                int n = ch.read(buf, offset + sent);
                if (n < 0) {
                    throw new IOException("file shorter than announced");
                }
                buf.flip();
                sink.write(buf);
                sent += n;
                progress.sent(sent);
            }
        }
    }
}
