package dev.pigeonhole.model;

import java.io.ByteArrayOutputStream;

/** Little-endian ints and unsigned LEB128 varints, written to and read from byte arrays. */
final class Little {

    private Little() {
    }

    static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    static void writeVarint(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    /** Reads from the start of a byte array; reading past the end throws {@link IndexOutOfBoundsException}. */
    static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int readInt() {
            if (position + 4 > bytes.length) {
                throw new IndexOutOfBoundsException(position);
            }
            int value = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8
                    | (bytes[position + 2] & 0xFF) << 16 | (bytes[position + 3] & 0xFF) << 24;
            position += 4;
            return value;
        }

        int readVarint() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                byte b = bytes[position++];
                value |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a varint longer than 5 bytes at " + position);
        }

        int remaining() {
            return bytes.length - position;
        }
    }
}
