package dev.dragon.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files (format versions 1–3) of float32 or float64, either byte order, C or Fortran order.
 * Other dtypes, object arrays and malformed headers fail with an {@link InputFormatException}.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Reads any float32/float64 array.
     *
     * @param file the {@code .npy} file
     * @return its values in C order
     * @throws InputFormatException when it is not a readable float array
     * @throws IOException          when it cannot be read at all
     */
    public static NpyArray read(Path file) throws IOException {
        byte[] bytes = FileAccess.readAll(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !startsWithMagic(bytes)) throw new InputFormatException(file, "not a .npy file (no NUMPY magic)");
        int major = bytes[6];
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(b.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) throw new InputFormatException(file, "truncated .npy header");
            headerLength = b.getInt(8);
            headerStart = 12;
        } else {
            throw new InputFormatException(file, "unsupported .npy format version " + major);
        }
        if (headerLength < 0 || headerStart + headerLength > bytes.length) throw new InputFormatException(file, "truncated .npy header");
        String header = new String(bytes, headerStart, headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        String descr = find(DESCR, header, file, "descr");
        boolean fortran = find(FORTRAN, header, file, "fortran_order").equals("True");
        int[] shape = parseShape(find(SHAPE, header, file, "shape"), file);

        ByteOrder order;
        int width;
        switch (descr) {
            case "<f4", "=f4" -> { order = ByteOrder.LITTLE_ENDIAN; width = 4; }
            case ">f4" -> { order = ByteOrder.BIG_ENDIAN; width = 4; }
            case "<f8", "=f8" -> { order = ByteOrder.LITTLE_ENDIAN; width = 8; }
            case ">f8" -> { order = ByteOrder.BIG_ENDIAN; width = 8; }
            default -> throw new InputFormatException(file, "unsupported dtype '" + descr + "': only float32 and float64 are read");
        }
        long count = NpyArray.size(shape);
        int dataStart = headerStart + headerLength;
        long needed = count * width;
        if (bytes.length - dataStart < needed) {
            throw new InputFormatException(file, "truncated: shape " + NpyArray.describe(shape)
                + " needs " + needed + " data bytes, file has " + (bytes.length - dataStart));
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) needed).slice().order(order);
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) values[i] = width == 4 ? data.getFloat(i * 4) : data.getDouble(i * 8);
        if (fortran && shape.length > 1) values = reverseAxes(values, shape);
        return new NpyArray(shape, values, width == 4);
    }

    /**
     * Writes an array atomically (temporary file, then rename) as little-endian float32 or float64.
     *
     * @param file    the destination
     * @param array   the values
     * @param float32 store float32 (rounding) instead of float64
     * @param fortran store in Fortran (column-major) order
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, NpyArray array, boolean float32, boolean fortran) throws IOException {
        int[] shape = array.shape();
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) dims.append(i == 0 ? "" : ", ").append(shape[i]);
        if (shape.length == 1) dims.append(',');
        String dict = "{'descr': '" + (float32 ? "<f4" : "<f8") + "', 'fortran_order': " + (fortran ? "True" : "False")
            + ", 'shape': (" + dims + "), }";
        // pad with spaces so that the data starts on a 64-byte boundary; the header ends with a newline
        int total = MAGIC.length + 4 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - total) + "\n";

        double[] values = fortran && shape.length > 1 ? reverseAxesToFortran(array.values(), shape) : array.values();
        int width = float32 ? 4 : 8;
        ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        ByteBuffer data = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (float32) data.putFloat((float) v);
            else data.putDouble(v);
        }
        FileAccess.writeAtomically(file, out -> {
            out.write(head.array());
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
            out.write(data.array());
        });
    }

    /**
     * Writes an array in C order, in the precision it came in ({@link NpyArray#float32()}).
     *
     * @param file  the destination
     * @param array the values
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, NpyArray array) throws IOException {
        write(file, array, array.float32(), false);
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) return false;
        }
        return true;
    }

    private static String find(Pattern p, String header, Path file, String key) throws InputFormatException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new InputFormatException(file, "malformed .npy header: no valid '" + key + "' in " + header.trim());
        return m.group(1);
    }

    private static int[] parseShape(String text, Path file) throws InputFormatException {
        String[] parts = text.split(",");
        int n = 0;
        int[] shape = new int[parts.length];
        for (String part : parts) {
            String s = part.trim();
            if (s.isEmpty()) continue;
            try {
                shape[n++] = Integer.parseInt(s.endsWith("L") ? s.substring(0, s.length() - 1) : s);
            } catch (NumberFormatException e) {
                throw new InputFormatException(file, "malformed .npy shape (" + text + ")");
            }
            if (shape[n - 1] < 0) throw new InputFormatException(file, "negative extent in .npy shape (" + text + ")");
        }
        int[] result = java.util.Arrays.copyOf(shape, n);
        if (NpyArray.size(result) > Integer.MAX_VALUE - 8) throw new InputFormatException(file, "array too large to load (" + text + ")");
        return result;
    }

    /** Fortran-ordered values (first index fastest) to C order (last index fastest). */
    private static double[] reverseAxes(double[] fortranValues, int[] shape) {
        double[] c = new double[fortranValues.length];
        int[] index = new int[shape.length];
        for (int f = 0; f < fortranValues.length; f++) {
            c[cOffset(index, shape)] = fortranValues[f];
            for (int a = 0; a < shape.length && ++index[a] == shape[a]; a++) index[a] = 0;
        }
        return c;
    }

    private static double[] reverseAxesToFortran(double[] cValues, int[] shape) {
        double[] f = new double[cValues.length];
        int[] index = new int[shape.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = cValues[cOffset(index, shape)];
            for (int a = 0; a < shape.length && ++index[a] == shape[a]; a++) index[a] = 0;
        }
        return f;
    }

    private static int cOffset(int[] index, int[] shape) {
        int off = 0;
        for (int a = 0; a < shape.length; a++) off = off * shape[a] + index[a];
        return off;
    }
}
