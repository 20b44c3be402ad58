package quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.audiotag.augment.AugmentPipeline;
import org.audiotag.augment.AugmentedExample;
import org.audiotag.augment.GainTransform;
import org.audiotag.augment.ImpulseResponse;
import org.audiotag.augment.LabeledAudio;
import org.audiotag.augment.NoiseTransform;
import org.audiotag.augment.ReverbTransform;
import org.audiotag.features.AudioClip;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.io.WavWriter;

/** Reverberates a clip with a real impulse response, adds pink noise and a gain; every draw is seeded and logged. */
public class AugmentQuickStart {
    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of("target/quickstart/augment"));
        AudioClip clip = AudioLoader.atRate(44100).load(Path.of("data/esc10/001 - Dog bark/1-100032-A.ogg"));
        List<ImpulseResponse> rooms = List.of(ImpulseResponse.of(
                AudioLoader.nativeRate().load(Path.of("data/impulse-responses/rir_clap.wav"))));
        AugmentPipeline pipeline = AugmentPipeline.builder()
                .add(ReverbTransform.builder(rooms, 44100).wet(0.5).build(), 0.5)  // applied with probability 0.5
                .add(NoiseTransform.atSnr(NoiseTransform.Color.PINK, 10, 30), 1.0) // SNR drawn in [10, 30] dB
                .add(GainTransform.ofDb(-6, 6), 1.0)
                .build();
        AugmentedExample ex = pipeline.apply(LabeledAudio.of(clip, new float[] {1f}), 42L, 0, 7); // seed, epoch, index
        WavWriter.write(out.resolve("augmented.wav"), ex.audio().samples(), 44100, WavWriter.Encoding.PCM_16);
        System.out.println(ex.draws());   // what was drawn: the same seed, epoch and index give the same draws
    }
}
