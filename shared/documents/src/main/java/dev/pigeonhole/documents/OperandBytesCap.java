package dev.pigeonhole.documents;

import java.io.IOException;
import java.util.function.LongSupplier;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * A PDF content stream that refuses to be read further once it runs more than {@code maxBytes} past the last
 * operator: PDFBox keeps every operand until the operator that takes them, so a 98 KB PDF of fifty million numbers
 * and no operator filled a 512 MB heap. No drawing operator takes more than a few dozen operands; an inline
 * image's data is the largest run between two operators that real documents hold.
 */
final class OperandBytesCap implements RandomAccessRead {

    private final RandomAccessRead content;
    private final long maxBytes;
    private final LongSupplier operatorsSoFar;
    private long operatorsAtMark = -1;
    private long positionAtMark;

    /** {@code operatorsSoFar} counts the operators processed so far, in this stream and in any other. */
    OperandBytesCap(RandomAccessRead content, long maxBytes, LongSupplier operatorsSoFar) {
        this.content = content;
        this.maxBytes = maxBytes;
        this.operatorsSoFar = operatorsSoFar;
    }

    @Override
    public int read() throws IOException {
        int read = content.read();
        check();
        return read;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = content.read(buffer, offset, length);
        check();
        return read;
    }

    @Override
    public void skip(int length) throws IOException {
        content.skip(length);
        check();
    }

    /** Moves the mark to where the stream is whenever an operator was processed since the last look. */
    private void check() throws IOException {
        long operators = operatorsSoFar.getAsLong();
        long position = content.getPosition();
        if (operators != operatorsAtMark) {
            operatorsAtMark = operators;
            positionAtMark = position;
        } else if (position - positionAtMark > maxBytes) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The PDF's drawing instructions run over " + maxBytes + " bytes without an operator: it looks "
                            + "built to exhaust memory and was refused.");
        }
    }

    @Override
    public long getPosition() throws IOException {
        return content.getPosition();
    }

    @Override
    public void seek(long position) throws IOException {
        content.seek(position);
    }

    @Override
    public long length() throws IOException {
        return content.length();
    }

    @Override
    public boolean isClosed() {
        return content.isClosed();
    }

    @Override
    public int peek() throws IOException {
        return content.peek();
    }

    @Override
    public void rewind(int bytes) throws IOException {
        content.rewind(bytes);
    }

    @Override
    public boolean isEOF() throws IOException {
        return content.isEOF();
    }

    @Override
    public int available() throws IOException {
        return content.available();
    }

    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
        return content.createView(startPosition, streamLength);
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
