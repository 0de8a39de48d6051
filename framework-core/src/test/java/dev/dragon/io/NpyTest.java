package dev.dragon.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"c-float64.npy", "f-float64.npy", "be-float64.npy"})
    void readsFloat64InEveryLayoutExactly(String name) throws IOException {
        NpyArray expected = Npy.read(Fixtures.io("expected-5x7.npy"));
        NpyArray a = Npy.read(Fixtures.io(name));
        assertArrayEquals(new int[] {5, 7}, a.shape());
        assertFalse(a.float32());
        assertArrayEquals(expected.values(), a.values(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c-float32.npy", "f-float32.npy"})
    void readsFloat32InBothOrders(String name) throws IOException {
        NpyArray expected = Npy.read(Fixtures.io("expected-5x7.npy"));
        NpyArray a = Npy.read(Fixtures.io(name));
        assertTrue(a.float32());
        for (int i = 0; i < expected.values().length; i++) {
            assertEquals((float) expected.values()[i], a.values()[i], 0.0, "element " + i);
        }
    }

    @Test
    void roundTripsBothPrecisionsAndOrders() throws IOException {
        double[] v = new double[3 * 4 * 2];
        for (int i = 0; i < v.length; i++) v[i] = Math.PI * i - 7;
        NpyArray a = new NpyArray(new int[] {3, 4, 2}, v, false);
        for (boolean fortran : new boolean[] {false, true}) {
            Path f64 = dir.resolve("a64-" + fortran + ".npy");
            Npy.write(f64, a, false, fortran);
            assertEquals(a, Npy.read(f64));
            Path f32 = dir.resolve("a32-" + fortran + ".npy");
            Npy.write(f32, a, true, fortran);
            NpyArray back = Npy.read(f32);
            for (int i = 0; i < v.length; i++) assertEquals((float) v[i], back.values()[i], 0.0);
        }
    }

    @Test
    void writesHeadersNumpyAccepts() throws IOException {
        // the data must start on a 64-byte boundary and the header must end in a newline (numpy's format spec)
        Path file = dir.resolve("h.npy");
        Npy.write(file, new NpyArray(new int[] {2, 3}, new double[6], false));
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        assertEquals('\n', bytes[10 + headerLength - 1]);
        assertEquals(10 + headerLength + 6 * 8, bytes.length);
    }

    @Test
    void viewsTwoDimensionalArraysAsEmbeddings() throws IOException {
        NpyArray a = Npy.read(Fixtures.io("c-float64.npy"));
        var e = a.toFrameEmbeddings();
        assertEquals(5, e.frames());
        assertEquals(7, e.dimension());
        assertArrayEquals(java.util.Arrays.copyOfRange(a.values(), 7, 14), e.row(1), 0.0);
    }

    @Test
    void rejectsOtherShapesAsEmbeddings() throws IOException {
        NpyArray rank3 = Npy.read(Fixtures.io("rank3.npy"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, rank3::toFrameEmbeddings);
        assertTrue(e.getMessage().contains("got shape (2, 3, 4)"), e.getMessage());
        NpyArray vector = Npy.read(Fixtures.io("vector.npy"));
        assertTrue(assertThrows(IllegalArgumentException.class, vector::toFrameEmbeddings).getMessage().contains("(6,)"));
    }

    @Test
    void rejectsUnsupportedDtypeTruncationAndNonNpy() {
        InputFormatException dtype = assertThrows(InputFormatException.class, () -> Npy.read(Fixtures.io("int64.npy")));
        assertTrue(dtype.getMessage().endsWith("int64.npy: unsupported dtype '<i8': only float32 and float64 are read"), dtype.getMessage());
        InputFormatException cut = assertThrows(InputFormatException.class, () -> Npy.read(Fixtures.io("truncated.npy")));
        assertTrue(cut.getMessage().contains("truncated: shape (5, 7) needs 280 data bytes, file has 264"), cut.getMessage());
        InputFormatException wav = assertThrows(InputFormatException.class, () -> Npy.read(Fixtures.io("pcm16-mono-44100.wav")));
        assertTrue(wav.getMessage().contains("not a .npy file"), wav.getMessage());
    }
}
