package dev.dragon.clap.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The protocol-buffers wire format, only as far as an ONNX file needs it: varints, 32-bit floats, strings, bytes
 * and nested messages (length-delimited). Fields are written in the order they are called.
 */
public final class ProtobufWriter {

    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /**
     * @param field field number
     * @param value an integer field (int32, int64, enum), written as a varint; negative values take ten bytes
     * @return this
     */
    public ProtobufWriter varint(int field, long value) {
        tag(field, VARINT);
        rawVarint(value);
        return this;
    }

    /**
     * @param field field number
     * @param value a {@code float} field
     * @return this
     */
    public ProtobufWriter float32(int field, float value) {
        tag(field, FIXED32);
        rawFixed32(Float.floatToRawIntBits(value));
        return this;
    }

    /**
     * @param field field number
     * @param value a {@code string} field (UTF-8)
     * @return this
     */
    public ProtobufWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param field field number
     * @param value a {@code bytes} field
     * @return this
     */
    public ProtobufWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        bytes.writeBytes(value);
        return this;
    }

    /**
     * @param field   field number
     * @param message a nested message
     * @return this
     */
    public ProtobufWriter message(int field, ProtobufWriter message) {
        return bytes(field, message.toByteArray());
    }

    /**
     * @param field  field number
     * @param values a repeated integer field, one tagged varint per value (the proto2 default, which every parser
     *               reads, unlike packed runs that old proto2 parsers may not expect)
     * @return this
     */
    public ProtobufWriter repeatedVarints(int field, long[] values) {
        for (long v : values) varint(field, v);
        return this;
    }

    /**
     * Appends another writer's fields to this message (a message is just its fields one after another).
     *
     * @param fields the fields to append
     * @return this
     */
    public ProtobufWriter append(ProtobufWriter fields) {
        bytes.writeBytes(fields.toByteArray());
        return this;
    }

    /** @return everything written so far */
    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private void tag(int field, int wireType) {
        if (field < 1) throw new IllegalArgumentException("protobuf field numbers start at 1, got " + field);
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long value) {
        // unsigned base-128, least significant group first; a negative int64 is its two's complement (ten bytes)
        while ((value & ~0x7FL) != 0) {
            bytes.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        bytes.write((int) value);
    }

    private void rawFixed32(int value) {
        for (int i = 0; i < 4; i++) bytes.write((value >>> (8 * i)) & 0xFF);
    }
}
