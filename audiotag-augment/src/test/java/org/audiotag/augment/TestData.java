package org.audiotag.augment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the shipped data and reads raw fixture files and WAV impulse responses for the tests. */
final class TestData {
    private TestData() {
    }

    static Path root() {
        String r = System.getProperty("audiotag.root");
        if (r == null || r.isBlank()) {
            return Paths.get("..").toAbsolutePath().normalize();
        }
        return Paths.get(r);
    }

    static Path data(String relative) {
        return root().resolve("data").resolve(relative);
    }

    private static volatile java.util.List<LabeledAudio> esc10;
    private static volatile java.util.List<ImpulseResponse> irs;

    /** The first ESC-10 clip of each of the 10 classes, native rate (44.1 kHz), one-hot targets over 10 classes. */
    static synchronized java.util.List<LabeledAudio> esc10() throws IOException {
        if (esc10 == null) {
            java.util.List<Path> dirs;
            try (java.util.stream.Stream<Path> s = Files.list(data("esc10"))) {
                dirs = s.filter(Files::isDirectory).sorted().toList();
            }
            java.util.List<LabeledAudio> out = new java.util.ArrayList<>();
            org.audiotag.features.AudioLoader loader = org.audiotag.features.AudioLoader.nativeRate();
            for (int c = 0; c < dirs.size(); c++) {
                Path first;
                try (java.util.stream.Stream<Path> s = Files.list(dirs.get(c))) {
                    first = s.filter(p -> p.toString().endsWith(".ogg")).sorted().findFirst().orElseThrow();
                }
                float[] t = new float[dirs.size()];
                t[c] = 1f;
                out.add(LabeledAudio.of(loader.load(first), t));
            }
            esc10 = java.util.List.copyOf(out);
        }
        return esc10;
    }

    /** The shipped impulse responses (all .wav files in data/impulse-responses), native rates, mono mixdown. */
    static synchronized java.util.List<ImpulseResponse> irs() throws IOException {
        if (irs == null) {
            java.util.List<Path> files;
            try (java.util.stream.Stream<Path> s = Files.list(data("impulse-responses"))) {
                files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
            }
            java.util.List<ImpulseResponse> out = new java.util.ArrayList<>();
            org.audiotag.features.AudioLoader loader = org.audiotag.features.AudioLoader.nativeRate();
            for (Path f : files) {
                org.audiotag.features.AudioClip c = loader.load(f);
                out.add(ImpulseResponse.of(f.getFileName().toString(), c.samples(), c.sampleRate()));
            }
            irs = java.util.List.copyOf(out);
        }
        return irs;
    }

    static double energy(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (double) v * v;
        }
        return s;
    }

    static double[] readF64(Path p) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[bb.remaining() / 8];
        bb.asDoubleBuffer().get(out);
        return out;
    }

    static float[] readF32(Path p) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bb.remaining() / 4];
        bb.asFloatBuffer().get(out);
        return out;
    }

}
