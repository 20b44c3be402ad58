package quickstart;

import java.nio.file.Files;
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

/** Renders a log-mel spectrogram as a PNG and turns the mel spectrogram back into audio (no TensorFlow needed). */
public class StyleQuickStart {
    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of("target/quickstart/style"));
        AudioClip clip = AudioLoader.atRate(22050).load(Path.of("data/esc10/001 - Dog bark/1-100032-A.ogg"));
        MelConfig melConfig = MelConfig.builder().sampleRate(22050)
                .stft(StftConfig.builder().nFft(2048).hopLength(512).build()).nMels(128).build();
        FeatureMatrix power = MelSpectrogram.of(melConfig).compute(clip.samples());
        SpectrogramImage.of(Decibels.powerToDb(power, DbRef.ONE, 1e-10, 80))  // dB range kept in the PNG's metadata
                .write(out.resolve("logmel.png"), ColorMap.VIRIDIS, 8);
        MelToAudio.Result back = MelToAudio.builder().mel(melConfig).build()    // librosa.feature.inverse.mel_to_audio
                .invert(power.toDouble().toArray(), power.rows(), power.cols(), clip.length());
        AudioClip inverted = AudioClip.of(back.audio(), 22050, "inverted");
        WavWriter.write(out.resolve("inverted.wav"), inverted.samples(), 22050, WavWriter.Encoding.PCM_16);
        System.out.printf("spectral convergence %.3f%n", back.spectralConvergence()); // 0 would be exact
    }
}
