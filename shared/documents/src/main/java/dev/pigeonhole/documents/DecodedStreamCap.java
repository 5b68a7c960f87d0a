package dev.pigeonhole.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Refuses a PDF holding a stream that PDFBox decodes whole into memory (a font program, a CMap, a colour profile)
 * and that inflates to more than {@code maxBytes}: a 390 KB PDF whose embedded font inflated to 400 MB filled a
 * 512 MB heap. Each stream is decoded once here into a counter, never kept. Not decoded: page contents and forms
 * (parsed as they are decoded, see {@link OperandBytesCap}), images (the text reader does not decode them) and
 * attached files (not read).
 */
final class DecodedStreamCap {

    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.JPX_DECODE,
            COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE);
    /** Keys that lead back up the page tree or to other pages, and the pages' contents (parsed as decoded). */
    private static final Set<COSName> NOT_WALKED = Set.of(COSName.PARENT, COSName.P, COSName.ANNOTS, COSName.B,
            COSName.CONTENTS);

    private final long maxBytes;

    DecodedStreamCap(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Decodes, under the cap, every stream reachable from {@code pages} (their resources, fonts, forms and what those
     * name), each once, but for the pages' own contents; not what lies behind a page's parent, annotations or
     * article beads, which lead to other pages. An object that cannot be read is left to the text reader.
     */
    void check(List<COSDictionary> pages) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>(pages);
        while (!pending.isEmpty()) {
            COSBase value = pending.pop();
            if (value instanceof COSObject reference) {
                try {
                    value = reference.getObject();
                } catch (RuntimeException unreadable) {
                    continue; // left to the text reader, which may never need it
                }
            }
            if (value == null || !seen.add(value)) {
                continue;
            }
            if (value instanceof COSDictionary dictionary) {
                for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                    if (!NOT_WALKED.contains(entry.getKey())) {
                        pending.push(entry.getValue());
                    }
                }
                if (value instanceof COSStream stream && isDecodedWhole(stream)) {
                    decode(stream);
                }
            } else if (value instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    pending.push(array.get(i));
                }
            }
        }
    }

    private static boolean isDecodedWhole(COSStream stream) {
        COSName subtype = stream.getCOSName(COSName.SUBTYPE);
        return !COSName.IMAGE.equals(subtype) && !COSName.FORM.equals(subtype)
                && !COSName.EMBEDDED_FILE.equals(stream.getCOSName(COSName.TYPE))
                && filters(stream).stream().noneMatch(IMAGE_CODECS::contains);
    }

    /** The stream's filters: one name, or an array of them. */
    private static List<COSName> filters(COSStream stream) {
        COSBase filters = stream.getFilters();
        if (filters instanceof COSName name) {
            return List.of(name);
        }
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Runs the stream's filters, each into a buffer under the cap, the last into a counter. */
    private void decode(COSStream stream) {
        List<COSName> filters = filters(stream);
        if (filters.isEmpty()) {
            return;
        }
        try (InputStream raw = stream.createRawInputStream()) {
            InputStream input = raw;
            for (int i = 0; i < filters.size(); i++) {
                boolean last = i == filters.size() - 1;
                CappedOutput output = new CappedOutput(maxBytes, !last);
                FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(input, output, stream, i);
                input = output.kept();
            }
        } catch (IOException | RuntimeException unreadable) {
            DocumentException refused = BoundedText.refusalIn(unreadable);
            if (refused != null) {
                throw refused;
            }
            // A stream PDFBox cannot decode is the text reader's to report, or to do without.
        }
    }

    /** Counts what a filter writes, keeping it when another filter reads it next; refuses beyond the cap. */
    private static final class CappedOutput extends OutputStream {

        private final long maxBytes;
        private final ByteArrayOutputStream kept;
        private long written;

        CappedOutput(long maxBytes, boolean keep) {
            this.maxBytes = maxBytes;
            this.kept = keep ? new ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            written += length;
            if (written > maxBytes) {
                throw new DocumentException(DocumentException.Reason.UNREADABLE,
                        "The PDF holds a stream that inflates to more than " + maxBytes + " bytes (a decompression "
                                + "bomb) and was refused.");
            }
            if (kept != null) {
                kept.write(bytes, offset, length);
            }
        }

        InputStream kept() {
            return kept == null ? InputStream.nullInputStream() : new ByteArrayInputStream(kept.toByteArray());
        }
    }
}
