package dev.pigeonhole.documents;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlainTextDecoderTest {

    private final PlainTextDecoder decoder = new PlainTextDecoder();

    private static byte[] concat(byte[] prefix, byte[] rest) {
        byte[] all = new byte[prefix.length + rest.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(rest, 0, all, prefix.length, rest.length);
        return all;
    }

    @Test
    void utf8WithoutBomIsDecodedAsUtf8() {
        assertEquals("naïve café", decoder.decode("naïve café".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void utf8BomIsRemoved() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "café".getBytes(StandardCharsets.UTF_8));

        assertEquals("café", decoder.decode(bytes));
    }

    @Test
    void utf16LittleEndianWithBomIsDecodedDespiteItsNulBytes() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "café".getBytes(StandardCharsets.UTF_16LE));

        assertEquals("café", decoder.decode(bytes));
    }

    @Test
    void utf16BigEndianWithBomIsDecoded() {
        byte[] bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "café".getBytes(StandardCharsets.UTF_16BE));

        assertEquals("café", decoder.decode(bytes));
    }

    @Test
    void invalidUtf8FallsBackToWindows1252() {
        // 0x80 is the euro sign in windows-1252 and a stray continuation byte in UTF-8.
        assertEquals("café 5€", decoder.decode(new byte[] {0x63, 0x61, 0x66, (byte) 0xE9, ' ', '5', (byte) 0x80}));
    }

    @Test
    void nulByteWithoutUtf16BomIsABinaryFile() {
        DocumentException refusal = assertThrows(DocumentException.class, () -> decoder.decode(new byte[] {'h', 0, 'i'}));

        assertEquals(DocumentException.Reason.UNSUPPORTED, refusal.reason());
        assertEquals("This is a binary file, not text; accepted formats are PDF, DOCX, TXT and MD.", refusal.getMessage());
    }

    @Test
    void utf8BomFollowedByInvalidUtf8IsUnreadable() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'c', (byte) 0xE9};

        DocumentException refusal = assertThrows(DocumentException.class, () -> decoder.decode(bytes));

        assertEquals(DocumentException.Reason.UNREADABLE, refusal.reason());
        assertEquals("The text file starts with a UTF-8 byte order mark but is not valid UTF-8: save it again as UTF-8.",
                refusal.getMessage());
    }
}
