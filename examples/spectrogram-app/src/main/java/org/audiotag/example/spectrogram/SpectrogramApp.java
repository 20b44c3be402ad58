package org.audiotag.example.spectrogram;

import java.io.IOException;
import java.nio.file.Path;
import org.audiotag.features.AudioClip;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.DbRef;
import org.audiotag.features.Decibels;
import org.audiotag.features.FeatureMatrix;
import org.audiotag.features.MelConfig;
import org.audiotag.features.MelSpectrogram;
import org.audiotag.features.StftConfig;
import org.audiotag.features.io.WavWriter;
import org.audiotag.style.ColorMap;
import org.audiotag.style.MelToAudio;
import org.audiotag.style.SpectrogramImage;

/**
 * Writes the log-mel spectrogram of an audio file as a viridis PNG and the audio reconstructed from its mel power
 * spectrogram as a WAV file.
 */
public final class SpectrogramApp {

    private SpectrogramApp() {
    }

    /**
     * Renders and inverts one file.
     *
     * @param audio the input (WAV, FLAC or Ogg Vorbis)
     * @param png where the PNG goes
     * @param wav where the reconstruction goes (16-bit PCM at 22.05 kHz)
     * @return the spectral convergence of the reconstruction (0 = exact)
     * @throws IOException if the input cannot be decoded or an output cannot be written
     */
    public static double renderAndInvert(Path audio, Path png, Path wav) throws IOException {
        AudioClip clip = AudioLoader.atRate(22050).load(audio);
        MelConfig mel = MelConfig.builder().sampleRate(22050)
                .stft(StftConfig.builder().nFft(1024).hopLength(256).build()).nMels(64).build();
        FeatureMatrix power = MelSpectrogram.of(mel).compute(clip.samples());
        SpectrogramImage.of(Decibels.powerToDb(power, DbRef.ONE, 1e-10, 80)).write(png, ColorMap.VIRIDIS, 8);
        MelToAudio.Result back = MelToAudio.builder().mel(mel).nIter(16).build()
                .invert(power.toDouble().toArray(), power.rows(), power.cols(), clip.length());
        WavWriter.write(wav, AudioClip.of(back.audio(), 22050, "inverted").samples(), 22050,
                WavWriter.Encoding.PCM_16);
        return back.spectralConvergence();
    }

    /**
     * Command-line entry: {@code AUDIO PNG WAV}.
     *
     * @param args the input file, the PNG and the WAV to write
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: SpectrogramApp AUDIO PNG WAV");
            System.exit(2);
        }
        double sc = renderAndInvert(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        System.out.printf("spectral convergence %.3f%n", sc);
    }
}
