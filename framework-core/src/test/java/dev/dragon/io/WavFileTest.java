package dev.dragon.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.AudioClip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WavFileTest {

    @TempDir
    Path dir;

    /** Files written by scipy (or byte by byte, for 24-bit), decoded values from numpy: exact agreement expected. */
    @ParameterizedTest
    @CsvSource({
        "pcm16-mono-44100.wav, PCM_16, 1, 44100, 200",
        "pcm16-stereo-22050.wav, PCM_16, 2, 22050, 150",
        "pcm24-stereo-48000.wav, PCM_24, 2, 48000, 120",
        "pcm32-mono-8000.wav, PCM_32, 1, 8000, 100",
        "float32-3ch-16000.wav, FLOAT_32, 3, 16000, 90",
    })
    void readsWhatNumpyWrote(String name, SampleEncoding encoding, int channels, int rate, int frames) throws IOException {
        Path file = Fixtures.io(name);
        WavHeader header = WavFile.header(file);
        assertEquals(new WavHeader(encoding, channels, rate, frames), header);

        AudioClip clip = WavFile.read(file);
        NpyArray expected = Npy.read(Fixtures.io(name + ".expected.npy"));
        assertEquals(rate, clip.sampleRate());
        assertEquals(channels, clip.channelCount());
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                // float32 holds every 16/24-bit code exactly; 32-bit codes round to float32 precision
                double want = expected.values()[i * channels + c];
                assertEquals(want, clip.channel(c)[i], Math.ulp((float) want), name + " frame " + i + " channel " + c);
            }
        }
    }

    @Test
    void skipsUnknownChunksWithOddSizes() throws IOException {
        AudioClip withList = WavFile.read(Fixtures.io("pcm16-with-list-chunk.wav"));
        AudioClip plain = WavFile.read(Fixtures.io("pcm16-mono-44100.wav"));
        assertEquals(plain, withList);
    }

    @ParameterizedTest
    @EnumSource(SampleEncoding.class)
    void roundTripsEveryEncoding(SampleEncoding encoding) throws IOException {
        float[][] x = new float[2][500];
        for (int i = 0; i < 500; i++) {
            x[0][i] = (float) (0.9 * Math.sin(i * 0.05)); // below full scale: clamping is tested separately
            x[1][i] = (float) (0.5 * Math.cos(i * 0.11));
        }
        AudioClip clip = new AudioClip(32000, x);
        Path file = dir.resolve("round-" + encoding + ".wav");
        WavFile.write(file, clip, encoding);
        AudioClip back = WavFile.read(file);
        assertEquals(32000, back.sampleRate());
        double step = encoding.isFloat() ? 0 : Math.scalb(1.0, 1 - encoding.bits());
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 500; i++) {
                // quantisation error at most half a step, plus float32 rounding of 32-bit codes
                assertEquals(x[c][i], back.channel(c)[i], step / 2 + Math.ulp(1f), encoding + " sample " + i);
            }
        }
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".part")), "no temporary file left behind");
        }
    }

    @Test
    void clampsIntegerEncodingsAtFullScale() throws IOException {
        Path file = dir.resolve("loud.wav");
        WavFile.write(file, AudioClip.mono(8000, new float[] {1.7f, -1.7f, 1f, -1f, Float.NaN}), SampleEncoding.PCM_16);
        float[] back = WavFile.read(file).channel(0);
        assertArrayEquals(new float[] {32767 / 32768f, -1f, 32767 / 32768f, -1f, 0f}, back);
    }

    @Test
    void rejectsTruncatedData() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> WavFile.read(Fixtures.io("truncated.wav")));
        assertTrue(e.getMessage().contains("truncated.wav"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated: data chunk declares 600 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void rejectsFilesThatAreNotWav() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> WavFile.read(Fixtures.io("not-a-wav.wav")));
        assertTrue(e.getMessage().endsWith("not-a-wav.wav: not a WAV file (no RIFF/WAVE header)"), e.getMessage());
    }

    @Test
    void rejectsCompressedEncodings() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> WavFile.read(Fixtures.io("alaw.wav")));
        assertTrue(e.getMessage().contains("unsupported WAV encoding (format tag 6)"), e.getMessage());
    }

    @Test
    void rejectsMissingAndTinyFiles() throws IOException {
        assertTrue(assertThrows(InputFormatException.class, () -> WavFile.read(dir.resolve("absent.wav"))).getMessage().endsWith("no such file"));
        Path tiny = Files.write(dir.resolve("tiny.wav"), new byte[] {'R', 'I', 'F', 'F'});
        assertTrue(assertThrows(InputFormatException.class, () -> WavFile.read(tiny)).getMessage().contains("not a WAV file"));
        byte[] headerOnly = Files.readAllBytes(Fixtures.io("pcm16-mono-44100.wav"));
        Path noData = Files.write(dir.resolve("no-data.wav"), java.util.Arrays.copyOf(headerOnly, 36));
        assertTrue(assertThrows(InputFormatException.class, () -> WavFile.read(noData)).getMessage().contains("truncated: no data chunk"));
    }
}
