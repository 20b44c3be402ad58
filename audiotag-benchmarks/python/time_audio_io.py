#!/usr/bin/env python3
"""Times the reference implementations of what AudioIoBenchmark and ResampleBenchmark measure, on the same machine:

  * decode: soundfile.read(path, dtype='float32') (libsndfile, what librosa.load uses) on the four files of
    AudioIoBenchmark, in files per second;
  * resample: on the same synthetic 5 s 44.1 kHz clip as ResampleBenchmark (chirp + noise), to 22050 and 16000 Hz,
    scipy.signal.resample_poly (librosa 'polyphase'), scipy.signal.resample ('fft') and, where installed,
    resampy ('kaiser_best', 'kaiser_fast'), in clips per second.

Single-threaded (thread variables set below). Usage, from the project root:
    python3 audiotag-benchmarks/python/time_audio_io.py [--repeat N]
"""
import argparse
import os
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402
import scipy.signal  # noqa: E402

FILES = {
    "ogg": "data/esc10/002 - Rain/1-17367-A.ogg",
    "flac": "data/instruments/audio/accordion_gm021_0.flac",
    "wav16": "data/freesound-clips/audio/applause.wav",
    "wav24": "data/impulse-responses/Jack_Lyons_Hall_University_of_York_W_44k.wav",
}


def rate(fn, repeat):
    fn()  # warm-up
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - t0) / repeat)
    return 1.0 / best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    try:
        import soundfile as sf
        for name, path in FILES.items():
            print("decode %-6s soundfile   %8.1f files/s" % (name, rate(lambda: sf.read(path, dtype="float32"),
                                                                      args.repeat)))
    except ImportError:
        print("decode: python-soundfile not installed, skipped")
    sr = 44100
    n = 5 * sr
    t = np.arange(n) / sr
    rng = np.random.default_rng(20240502)
    clip = 0.5 * np.sin(2 * np.pi * (50 * t + 0.5 * 3000 * t * t)) + 0.05 * (rng.random(n) - 0.5)
    try:
        import resampy
    except ImportError:
        resampy = None
    for target in (22050, 16000):
        g = np.gcd(sr, target)
        up, down = target // g, sr // g
        m = int(np.ceil(n * target / sr))
        print("resample %d polyphase  %8.1f clips/s" % (target, rate(
            lambda: scipy.signal.resample_poly(clip, up, down), args.repeat)))
        print("resample %d fft        %8.1f clips/s" % (target, rate(
            lambda: scipy.signal.resample(clip, m), args.repeat)))
        if resampy is not None:
            for f in ("kaiser_best", "kaiser_fast"):
                print("resample %d %-11s %8.1f clips/s" % (target, f, rate(
                    lambda: resampy.resample(clip, sr, target, filter=f), args.repeat)))
        else:
            print("resample %d kaiser_*: resampy not installed, skipped" % target)


if __name__ == "__main__":
    main()
