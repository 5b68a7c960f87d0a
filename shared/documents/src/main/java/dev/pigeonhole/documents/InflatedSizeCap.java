package dev.pigeonhole.documents;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads entries of a ZIP and stops once one entry, or all entries read through it together, inflate to more than
 * their cap: the sizes a ZIP declares can lie, the bytes it inflates to cannot.
 */
final class InflatedSizeCap {

    /** Thrown when a cap is crossed; parsers may wrap it, so callers look for it among the causes. */
    static final class Exceeded extends IOException {
        Exceeded(String message) {
            super(message);
        }
    }

    private final long maxEntryBytes;
    private final long maxTotalBytes;
    private long totalBytes;

    InflatedSizeCap(long maxEntryBytes, long maxTotalBytes) {
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** The inflated bytes of {@code entry}, counted against both caps as they are read. */
    InputStream open(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        return new FilterInputStream(zip.getInputStream(entry)) {
            private long entryBytes;

            @Override
            public int read() throws IOException {
                int read = super.read();
                if (read >= 0) {
                    count(1);
                }
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    count(read);
                }
                return read;
            }

            private void count(int read) throws Exceeded {
                entryBytes += read;
                totalBytes += read;
                if (entryBytes > maxEntryBytes) {
                    throw new Exceeded("a ZIP entry inflates to more than " + maxEntryBytes + " bytes");
                }
                if (totalBytes > maxTotalBytes) {
                    throw new Exceeded("the ZIP entries inflate to more than " + maxTotalBytes + " bytes together");
                }
            }
        };
    }
}
