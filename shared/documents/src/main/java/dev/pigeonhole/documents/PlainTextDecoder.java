package dev.pigeonhole.documents;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns the bytes of a text file into a string: BOM first, then strict UTF-8, then windows-1252. */
final class PlainTextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    String decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return requireText(decodeStrictly(content, 3, StandardCharsets.UTF_8));
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return requireText(decodeStrictly(content, 2, StandardCharsets.UTF_16LE));
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return requireText(decodeStrictly(content, 2, StandardCharsets.UTF_16BE));
        }
        for (byte b : content) {
            if (b == 0) {
                throw binaryFile();
            }
        }
        try {
            return strictDecoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            // Legacy Western text (Notepad's "ANSI"); its five undefined bytes become U+FFFD.
            return new String(content, WINDOWS_1252);
        }
    }

    private static String decodeStrictly(byte[] content, int offset, Charset charset) {
        try {
            return strictDecoder(charset).decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
        } catch (CharacterCodingException malformed) {
            throw new DocumentException(DocumentException.Reason.UNREADABLE,
                    "The text file starts with a " + charset.name() + " byte order mark but is not valid "
                            + charset.name() + ": save it again as UTF-8.", malformed);
        }
    }

    private static String requireText(String decoded) {
        if (decoded.indexOf('\0') >= 0) {
            throw binaryFile();
        }
        return decoded;
    }

    private static DocumentException binaryFile() {
        return new DocumentException(DocumentException.Reason.UNSUPPORTED,
                "This is a binary file, not text; " + DocumentFormat.ACCEPTED + ".");
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
