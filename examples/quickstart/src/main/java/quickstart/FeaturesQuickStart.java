package quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import org.audiotag.features.AudioClip;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.DbRef;
import org.audiotag.features.Decibels;
import org.audiotag.features.FeatureConfig;
import org.audiotag.features.FeatureExtractor;
import org.audiotag.features.FeatureMatrix;
import org.audiotag.features.MelConfig;
import org.audiotag.features.MelSpectrogram;
import org.audiotag.features.StftConfig;
import org.audiotag.features.io.NpyFile;

/** Decodes a clip and computes librosa's log-mel spectrogram and the original project's 128 x 128 input. */
public class FeaturesQuickStart {
    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of("target/quickstart/features"));
        AudioClip clip = AudioLoader.atRate(44100)                                  // librosa.load(sr=44100)
                .load(Path.of("data/esc10/001 - Dog bark/1-100032-A.ogg"));
        MelConfig melConfig = MelConfig.builder().sampleRate(44100)
                .stft(StftConfig.builder().nFft(2048).hopLength(512).build()).nMels(128).build();
        FeatureMatrix power = MelSpectrogram.of(melConfig).compute(clip.samples()); // feature.melspectrogram
        FeatureMatrix db = Decibels.powerToDb(power, DbRef.ONE, 1e-10, 80);         // power_to_db(ref=1, top_db=80)
        NpyFile.write(out.resolve("logmel.npy"), db.toArray(), db.rows(), db.cols()); // (n_mels, frames), for numpy
        FeatureMatrix image = FeatureExtractor.of(FeatureConfig.pipelineA()).extract(clip); // 128 x 128, first 2 s
        System.out.printf("log-mel %d x %d, pipeline A image %d x %d%n", db.rows(), db.cols(), image.rows(),
                image.cols());
    }
}
