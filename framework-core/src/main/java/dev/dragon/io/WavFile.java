package dev.dragon.io;

import dev.dragon.api.AudioClip;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * RIFF/WAVE files: integer PCM (8, 16, 24, 32 bit) and IEEE float (32, 64 bit), any number of channels, any rate,
 * plain or WAVE_FORMAT_EXTENSIBLE headers. Chunks other than {@code fmt } and {@code data} are skipped.
 * Anything else (compressed formats, RF64, truncated data) is rejected with an {@link InputFormatException}.
 */
public final class WavFile {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavFile() {
    }

    /**
     * Reads a WAV file into floats in [-1, 1].
     *
     * @param file the file
     * @return its audio, all channels
     * @throws InputFormatException when it is not a WAV file this class can read
     * @throws IOException          when it cannot be read at all
     */
    public static AudioClip read(Path file) throws IOException {
        Parsed p = parse(file, true);
        return p.clip;
    }

    /**
     * Reads only what the header says (still checking that the data is all there).
     *
     * @param file the file
     * @return its format and length
     * @throws IOException as {@link #read}
     */
    public static WavHeader header(Path file) throws IOException {
        return parse(file, false).header;
    }

    /**
     * Writes a clip atomically (to a temporary file beside it, then renamed), clamping integer encodings to
     * their range and rounding to nearest.
     *
     * @param file     the destination
     * @param clip     the audio
     * @param encoding how to store samples
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, AudioClip clip, SampleEncoding encoding) throws IOException {
        int channels = clip.channelCount();
        int bytes = encoding.bytes();
        long dataBytes = (long) clip.frames() * channels * bytes;
        if (dataBytes > 0xFFFFFFFFL - 36) throw new IOException(file + ": too long for a WAV file (" + dataBytes + " bytes)");
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt((int) (36 + dataBytes)).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16)
            .putShort((short) (encoding.isFloat() ? FORMAT_FLOAT : FORMAT_PCM))
            .putShort((short) channels)
            .putInt(clip.sampleRate())
            .putInt(clip.sampleRate() * channels * bytes)
            .putShort((short) (channels * bytes))
            .putShort((short) encoding.bits());
        header.put(ascii("data")).putInt((int) dataBytes);

        FileAccess.writeAtomically(file, out -> {
            out.write(header.array());
            ByteBuffer block = ByteBuffer.allocate(channels * bytes * 4096).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < clip.frames(); i++) {
                for (int c = 0; c < channels; c++) putSample(block, clip.channel(c)[i], encoding);
                if (!block.hasRemaining()) {
                    out.write(block.array(), 0, block.position());
                    block.clear();
                }
            }
            out.write(block.array(), 0, block.position());
        });
    }

    private record Parsed(WavHeader header, AudioClip clip) {
    }

    private static Parsed parse(Path file, boolean decode) throws IOException {
        byte[] bytes = FileAccess.readAll(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12) throw new InputFormatException(file, "not a WAV file (only " + bytes.length + " bytes)");
        String riff = tag(b, 0);
        if (riff.equals("RF64")) throw new InputFormatException(file, "RF64 (over 4 GB) WAV files are not supported");
        if (!riff.equals("RIFF") || !tag(b, 8).equals("WAVE")) {
            throw new InputFormatException(file, "not a WAV file (no RIFF/WAVE header)");
        }
        int pos = 12;
        SampleEncoding encoding = null;
        int channels = 0;
        int rate = 0;
        int blockAlign = 0;
        while (pos + 8 <= bytes.length) {
            String id = tag(b, pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + size > bytes.length) throw new InputFormatException(file, "truncated fmt chunk");
                int format = Short.toUnsignedInt(b.getShort(body));
                channels = Short.toUnsignedInt(b.getShort(body + 2));
                rate = b.getInt(body + 4);
                blockAlign = Short.toUnsignedInt(b.getShort(body + 12));
                int bits = Short.toUnsignedInt(b.getShort(body + 14));
                if (format == FORMAT_EXTENSIBLE) {
                    if (size < 40) throw new InputFormatException(file, "truncated WAVE_FORMAT_EXTENSIBLE header");
                    format = Short.toUnsignedInt(b.getShort(body + 24)); // first two bytes of the sub-format GUID
                }
                if (format != FORMAT_PCM && format != FORMAT_FLOAT) {
                    throw new InputFormatException(file, "unsupported WAV encoding (format tag " + format + "): only PCM and IEEE float are read");
                }
                encoding = SampleEncoding.of(bits, format == FORMAT_FLOAT);
                if (encoding == null) {
                    throw new InputFormatException(file, "unsupported sample size: " + bits + "-bit " + (format == FORMAT_FLOAT ? "float" : "integer"));
                }
                if (channels < 1) throw new InputFormatException(file, "header declares no channels");
                if (rate <= 0) throw new InputFormatException(file, "header declares sample rate " + Integer.toUnsignedString(rate));
                if (blockAlign != channels * encoding.bytes()) {
                    throw new InputFormatException(file, "inconsistent header: block align " + blockAlign + " for " + channels + " x " + bits + "-bit");
                }
            } else if (id.equals("data")) {
                if (encoding == null) throw new InputFormatException(file, "data chunk before fmt chunk");
                long available = bytes.length - body;
                if (size > available) {
                    throw new InputFormatException(file, "truncated: data chunk declares " + size + " bytes but only " + available + " follow");
                }
                if (size % blockAlign != 0) {
                    throw new InputFormatException(file, "truncated: data chunk of " + size + " bytes is not a whole number of " + blockAlign + "-byte frames");
                }
                long frames = size / blockAlign;
                WavHeader header = new WavHeader(encoding, channels, rate, frames);
                if (!decode) return new Parsed(header, null);
                if (frames > Integer.MAX_VALUE) throw new InputFormatException(file, "too long to decode into memory");
                return new Parsed(header, decode(b, body, (int) frames, channels, encoding, rate));
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1)); // chunks are padded to even sizes
        }
        throw new InputFormatException(file, encoding == null ? "truncated: no fmt chunk" : "truncated: no data chunk");
    }

    private static AudioClip decode(ByteBuffer b, int offset, int frames, int channels, SampleEncoding e, int rate) {
        float[][] out = new float[channels][frames];
        int p = offset;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                out[c][i] = getSample(b, p, e);
                p += e.bytes();
            }
        }
        return new AudioClip(rate, out);
    }

    private static float getSample(ByteBuffer b, int p, SampleEncoding e) {
        return switch (e) {
            case PCM_8 -> (Byte.toUnsignedInt(b.get(p)) - 128) / 128f;
            case PCM_16 -> b.getShort(p) / 32768f;
            case PCM_24 -> ((b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | b.get(p + 2) << 16) / 8388608f;
            case PCM_32 -> (float) (b.getInt(p) / 2147483648.0);
            case FLOAT_32 -> b.getFloat(p);
            case FLOAT_64 -> (float) b.getDouble(p);
        };
    }

    private static void putSample(ByteBuffer b, float v, SampleEncoding e) {
        switch (e) {
            case PCM_8 -> b.put((byte) (quantize(v, 8) + 128));
            case PCM_16 -> b.putShort((short) quantize(v, 16));
            case PCM_24 -> {
                long q = quantize(v, 24);
                b.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
            }
            case PCM_32 -> b.putInt((int) quantize(v, 32));
            case FLOAT_32 -> b.putFloat(v);
            case FLOAT_64 -> b.putDouble(v);
        }
    }

    /** Rounds to the nearest integer code, clamped to [−2^(bits−1), 2^(bits−1) − 1]; NaN becomes 0. */
    private static long quantize(float v, int bits) {
        double scale = Math.scalb(1.0, bits - 1);
        double q = Math.rint((double) v * scale);
        if (Double.isNaN(q)) return 0;
        return (long) Math.max(-scale, Math.min(scale - 1, q));
    }

    private static String tag(ByteBuffer b, int pos) {
        byte[] t = new byte[4];
        for (int i = 0; i < 4; i++) t[i] = b.get(pos + i);
        return new String(t, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
