#!/usr/bin/env python3
"""librosa's log-mel throughput on the workload of `./audiotag bench features`, single-threaded.

N distinct synthetic 5 s clips at 44.1 kHz (a sine and noise each, float32); per clip
power_to_db(melspectrogram(y, sr=44100, n_fft=2048, hop_length=347, n_mels=128, fmin=20, fmax=22050),
ref=1.0, top_db=80). One warm-up pass, then three timed passes with BLAS/OpenMP pools limited to one thread;
prints 'audio_seconds_per_second <median>' (and the three values), or 'librosa: not importable' with exit code 3.

usage: librosa_logmel.py [N]   (default 32 clips)
"""
import sys
import time

try:
    import numpy as np
    import librosa
    from threadpoolctl import threadpool_limits
except Exception as e:  # any import failure means there is nothing to compare with
    print(f"librosa: not importable ({type(e).__name__}: {e})")
    sys.exit(3)

SR = 44100


def clips(n):
    rng = np.random.default_rng(2019)
    t = np.arange(5 * SR) / SR
    out = []
    for _ in range(n):
        f = rng.uniform(100, 4000)
        y = 0.1 * rng.standard_normal(t.size) + 0.5 * np.sin(2 * np.pi * f * t)
        out.append(y.astype(np.float32))
    return out


def one_pass(data):
    for y in data:
        m = librosa.feature.melspectrogram(y=y, sr=SR, n_fft=2048, hop_length=347, n_mels=128, fmin=20, fmax=22050)
        librosa.power_to_db(m, ref=1.0, top_db=80)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 32
    data = clips(n)
    with threadpool_limits(1):
        one_pass(data)
        rates = []
        for _ in range(3):
            start = time.perf_counter()
            one_pass(data)
            rates.append(5.0 * n / (time.perf_counter() - start))
    rates.sort()
    print(f"audio_seconds_per_second {rates[1]:.1f} (passes {' '.join(f'{r:.1f}' for r in rates)}, "
          f"librosa {librosa.__version__})")


if __name__ == "__main__":
    main()
