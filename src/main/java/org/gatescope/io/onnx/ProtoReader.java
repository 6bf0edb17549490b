package org.gatescope.io.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The protocol-buffers wire format, just enough of it to walk an ONNX file: varints,
 * fixed 32/64-bit fields and length-delimited fields, each bounded by its enclosing message.
 * Every length is checked against the bytes that remain before anything is read or allocated.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    /** A malformed message; the message says where. */
    static final class ProtoException extends Exception {
        ProtoException(String message) {
            super(message);
        }
    }

    private final ByteBuffer in;
    private final String what;
    private int tag;

    private ProtoReader(ByteBuffer in, String what) {
        this.in = in.order(ByteOrder.LITTLE_ENDIAN);
        this.what = what;
    }

    static ProtoReader of(ByteBuffer bytes, String what) {
        return new ProtoReader(bytes.slice(), what);
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() throws ProtoException {
        if (!in.hasRemaining()) {
            return false;
        }
        long key = varint();
        tag = (int) key;
        if (field() == 0 || (wireType() != VARINT && wireType() != FIXED64 && wireType() != LENGTH_DELIMITED
                && wireType() != FIXED32)) {
            throw damaged("has a field of wire type " + wireType());
        }
        return true;
    }

    int field() {
        return tag >>> 3;
    }

    int wireType() {
        return tag & 7;
    }

    long varint() throws ProtoException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!in.hasRemaining()) {
                throw damaged("ends inside a number");
            }
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw damaged("has a number longer than ten bytes");
    }

    float fixed32() throws ProtoException {
        need(4);
        return in.getFloat();
    }

    double fixed64() throws ProtoException {
        need(8);
        return in.getDouble();
    }

    /** A length-delimited field's bytes, as a view (no copy). */
    ByteBuffer bytes() throws ProtoException {
        long length = varint();
        if (length < 0 || length > in.remaining()) {
            throw damaged("claims a field of " + length + " bytes with " + in.remaining() + " left");
        }
        ByteBuffer view = in.slice().limit((int) length).slice().order(ByteOrder.LITTLE_ENDIAN);
        in.position(in.position() + (int) length);
        return view;
    }

    String string() throws ProtoException {
        ByteBuffer view = bytes();
        byte[] text = new byte[view.remaining()];
        view.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    ProtoReader message(String part) throws ProtoException {
        return new ProtoReader(bytes(), part);
    }

    /** Skips the current field whatever its type. */
    void skip() throws ProtoException {
        switch (wireType()) {
            case VARINT -> varint();
            case FIXED64 -> {
                need(8);
                in.position(in.position() + 8);
            }
            case FIXED32 -> {
                need(4);
                in.position(in.position() + 4);
            }
            default -> bytes();
        }
    }

    /** Repeated int64 in either encoding: one varint per field, or a packed run of varints. */
    void readInts(LongSink sink) throws ProtoException {
        if (wireType() == LENGTH_DELIMITED) {
            ProtoReader packed = new ProtoReader(bytes(), what);
            while (packed.in.hasRemaining()) {
                sink.accept(packed.varint());
            }
        } else {
            sink.accept(varint());
        }
    }

    /** Repeated float in either encoding. */
    void readFloats(DoubleSink sink) throws ProtoException {
        if (wireType() == LENGTH_DELIMITED) {
            ByteBuffer packed = bytes();
            if (packed.remaining() % 4 != 0) {
                throw damaged("has packed floats of " + packed.remaining() + " bytes");
            }
            while (packed.hasRemaining()) {
                sink.accept(packed.getFloat());
            }
        } else {
            sink.accept(fixed32());
        }
    }

    /** Repeated double in either encoding. */
    void readDoubles(DoubleSink sink) throws ProtoException {
        if (wireType() == LENGTH_DELIMITED) {
            ByteBuffer packed = bytes();
            if (packed.remaining() % 8 != 0) {
                throw damaged("has packed doubles of " + packed.remaining() + " bytes");
            }
            while (packed.hasRemaining()) {
                sink.accept(packed.getDouble());
            }
        } else {
            sink.accept(fixed64());
        }
    }

    interface LongSink {
        void accept(long value) throws ProtoException;
    }

    interface DoubleSink {
        void accept(double value) throws ProtoException;
    }

    private void need(int bytes) throws ProtoException {
        if (in.remaining() < bytes) {
            throw damaged("ends inside a value");
        }
    }

    ProtoException damaged(String problem) {
        return new ProtoException("is damaged: its " + what + " " + problem);
    }
}
