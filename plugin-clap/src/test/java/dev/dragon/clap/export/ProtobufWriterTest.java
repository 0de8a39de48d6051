package dev.dragon.clap.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Wire-format bytes against the examples of the protocol-buffers encoding documentation. */
class ProtobufWriterTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    @Test
    void varintFieldAsInTheEncodingGuide() {
        // field 1 = 150: tag 0x08, then 150 as 0x96 0x01
        assertArrayEquals(bytes(0x08, 0x96, 0x01), new ProtobufWriter().varint(1, 150).toByteArray());
    }

    @Test
    void negativeInt64TakesTenBytes() {
        assertArrayEquals(bytes(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), new ProtobufWriter().varint(1, -1).toByteArray());
    }

    @Test
    void stringAndNestedMessage() {
        // field 2 = "testing": tag 0x12, length 7, UTF-8
        assertArrayEquals(bytes(0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'), new ProtobufWriter().string(2, "testing").toByteArray());
        // field 3 = message {field 1 = 150}: tag 0x1a, length 3, the inner bytes
        assertArrayEquals(bytes(0x1a, 0x03, 0x08, 0x96, 0x01), new ProtobufWriter().message(3, new ProtobufWriter().varint(1, 150)).toByteArray());
    }

    @Test
    void float32IsLittleEndianFixed32() {
        // field 2, wire type 5: tag 0x15; 1.0f = 0x3f800000
        assertArrayEquals(bytes(0x15, 0x00, 0x00, 0x80, 0x3f), new ProtobufWriter().float32(2, 1.0f).toByteArray());
    }

    @Test
    void repeatedVarintsAreTaggedOneByOne() {
        assertArrayEquals(bytes(0x40, 0x01, 0x40, 0x02), new ProtobufWriter().repeatedVarints(8, new long[] {1, 2}).toByteArray());
    }

    @Test
    void fieldNumbersStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> new ProtobufWriter().varint(0, 1));
    }
}
