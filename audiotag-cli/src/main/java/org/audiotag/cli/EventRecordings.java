package org.audiotag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.audiotag.augment.NoiseTransform;
import org.audiotag.eval.events.SoundEvent;
import org.audiotag.features.AudioLoader;
import org.audiotag.features.Trim;
import org.audiotag.features.io.WavWriter;

/**
 * Builds seeded test recordings for sound event detection: a pink-noise background at a fixed level with isolated
 * sounds placed at random times without overlap, and their ground truth. Each sound is the active region of a labelled
 * clip (the span {@code librosa.effects.trim(top_db)} keeps, {@link Trim}; ESC-10 clips are padded with silence), so
 * the truth's onset and offset are where the placed sound starts and ends. The samples are quantised to 16 bits, as a
 * WAV file or an s16le stream carries them, so that a file and a stream of one recording hold identical samples.
 */
final class EventRecordings {

    /** One labelled source clip. */
    record Source(Path file, String label) {
    }

    /** One recording: its name, 16-bit samples at {@code sampleRate} and its ground truth. */
    record Recording(String name, short[] pcm, int sampleRate, List<SoundEvent> truth) {

        /** The samples as floats, {@code pcm / 32768}. */
        float[] samples() {
            float[] y = new float[pcm.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = pcm[i] / 32768f;
            }
            return y;
        }

        /** The samples as little-endian 16-bit bytes (a raw s16le stream). */
        byte[] s16le() {
            byte[] b = new byte[2 * pcm.length];
            for (int i = 0; i < pcm.length; i++) {
                b[2 * i] = (byte) pcm[i];
                b[2 * i + 1] = (byte) (pcm[i] >> 8);
            }
            return b;
        }

        /** Writes the recording as a 16-bit WAV file. */
        void writeWav(Path file) throws IOException {
            WavWriter.write(file, samples(), sampleRate, WavWriter.Encoding.PCM_16);
        }
    }

    private final int sampleRate;
    private final double seconds;
    private final double noiseDbfs;
    private final double trimTopDb;
    private final int minSounds;
    private final int maxSounds;

    /**
     * Sets what every recording is made of.
     *
     * @param sampleRate rate of the recordings
     * @param seconds length of each recording
     * @param noiseDbfs RMS level of the pink-noise background, dB re full scale
     * @param trimTopDb threshold below the clip's loudest frame that bounds its active region
     * @param minSounds fewest sounds per recording
     * @param maxSounds most sounds per recording
     */
    EventRecordings(int sampleRate, double seconds, double noiseDbfs, double trimTopDb, int minSounds,
            int maxSounds) {
        this.sampleRate = sampleRate;
        this.seconds = seconds;
        this.noiseDbfs = noiseDbfs;
        this.trimTopDb = trimTopDb;
        this.minSounds = minSounds;
        this.maxSounds = maxSounds;
    }

    /**
     * Builds {@code count} recordings named {@code prefix-00.wav, ...}: each draws {@code minSounds..maxSounds} sounds
     * from the pool (in a seeded shuffled order, so every clip is used before any is used twice) and places them in
     * seeded random order and gaps.
     */
    List<Recording> build(String prefix, int count, List<Source> pool, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Source> order = new ArrayList<>();
        int next = 0;
        List<Recording> out = new ArrayList<>();
        int n = (int) Math.round(seconds * sampleRate);
        AudioLoader loader = AudioLoader.atRate(sampleRate);
        Trim trim = Trim.of(trimTopDb);
        for (int r = 0; r < count; r++) {
            String name = String.format(java.util.Locale.ROOT, "%s-%02d.wav", prefix, r);
            int k = minSounds + rng.nextInt(maxSounds - minSounds + 1);
            List<float[]> sounds = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < k; i++) {
                if (next == order.size()) {
                    order = shuffled(pool, rng);
                    next = 0;
                }
                Source s = order.get(next++);
                float[] y = loader.load(s.file()).samples();
                int[] span = trim.span(y);
                if (span[1] <= span[0]) {
                    continue;
                }
                float[] active = java.util.Arrays.copyOfRange(y, span[0], span[1]);
                if (total + active.length > n) {
                    break;
                }
                sounds.add(active);
                labels.add(s.label());
                total += active.length;
            }
            // random gaps: k + 1 exponential weights scaled to the free time
            double[] w = new double[sounds.size() + 1];
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = -Math.log(1 - rng.nextDouble());
                sum += w[i];
            }
            long free = n - total;
            double[] noise = NoiseTransform.generate(NoiseTransform.Color.PINK, n, rng);
            double gain = Math.pow(10, noiseDbfs / 20);
            double[] mix = new double[n];
            for (int i = 0; i < n; i++) {
                mix[i] = gain * noise[i];
            }
            List<org.audiotag.eval.events.SoundEvent> truth = new ArrayList<>();
            long pos = 0;
            for (int i = 0; i < sounds.size(); i++) {
                pos += (long) Math.floor(free * w[i] / sum);
                float[] s = sounds.get(i);
                for (int j = 0; j < s.length; j++) {
                    mix[(int) pos + j] += s[j];
                }
                truth.add(new SoundEvent(name, (double) pos / sampleRate, (double) (pos + s.length) / sampleRate,
                        labels.get(i)));
                pos += s.length;
            }
            short[] pcm = new short[n];
            for (int i = 0; i < n; i++) {
                pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(mix[i] * 32768)));
            }
            out.add(new Recording(name, pcm, sampleRate, truth));
        }
        return out;
    }

    private static List<Source> shuffled(List<Source> pool, SplittableRandom rng) {
        List<Source> s = new ArrayList<>(pool);
        for (int i = s.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Source t = s.get(i);
            s.set(i, s.get(j));
            s.set(j, t);
        }
        return s;
    }
}
