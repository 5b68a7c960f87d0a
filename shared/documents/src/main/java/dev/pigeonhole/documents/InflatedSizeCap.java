package dev.pigeonhole.documents;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * A ZIP read as a stream, entry after entry from their local headers, that stops once one entry, or all of them
 * together, inflate to more than their cap: the sizes a ZIP declares can lie, the bytes it inflates to cannot. Never
 * its central directory: a 9 MB ZIP listing 110,000 entries took 220 MB of heap to open that way.
 */
final class InflatedSizeCap extends ZipArchiveInputStream {

    /** Thrown when a cap is crossed; parsers may wrap it, so callers look for it among the causes. */
    static final class Exceeded extends IOException {
        Exceeded(String message) {
            super(message);
        }
    }

    private final long maxEntryBytes;
    private final long maxTotalBytes;
    private long entryBytes;
    private long totalBytes;

    InflatedSizeCap(InputStream zip, long maxEntryBytes, long maxTotalBytes) {
        // UTF-8 names, the extra field's Unicode names, and stored entries with a data descriptor, as some writers make.
        super(zip, "UTF-8", true, true);
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    @Override
    public ZipArchiveEntry getNextEntry() throws IOException {
        entryBytes = 0;
        return super.getNextEntry();
    }

    @Override
    public ZipArchiveEntry getNextZipEntry() throws IOException {
        entryBytes = 0;
        return super.getNextZipEntry();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            entryBytes += read;
            totalBytes += read;
            if (entryBytes > maxEntryBytes) {
                throw new Exceeded("a ZIP entry inflates to more than " + maxEntryBytes + " bytes");
            }
            if (totalBytes > maxTotalBytes) {
                throw new Exceeded("the ZIP entries inflate to more than " + maxTotalBytes + " bytes together");
            }
        }
        return read;
    }
}
