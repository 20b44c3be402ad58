#!/usr/bin/env python3
"""Times the log-mel of 5 s clips at 44.1 kHz (n_fft 2048, hop 347, 128 mels, fmin 20, fmax 22050, power 2,
power_to_db ref 1.0 / top_db 80) on one thread, the same work as audiotag's LogMelBenchmark and
`audiotag bench features`.

Reports audio seconds processed per wall-clock second for:
  * librosa      - librosa.feature.melspectrogram + librosa.power_to_db (only if librosa is importable)
  * numpy_logmel - the same algorithm written in numpy (np.pad, framing, Hann, numpy.fft.rfft - librosa's default
                   FFT backend -, dense mel matrix product, power_to_db); a stand-in where librosa is absent
  * numpy_fft    - numpy.fft.rfft of the windowed frames alone (the FFT floor of any numpy/librosa pipeline)

Each is reported per wall-clock second and per CPU second of this process (time.process_time; robust on a busy
machine; compare with org.audiotag.benchmarks.LogMelCpuTime).
Usage: python3 time_logmel.py [--clips N] [--seconds S]. Single-threaded: OMP_NUM_THREADS=1 etc. are set below.
"""
import argparse
import os
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402

SR = 44100
N_FFT = 2048
HOP = 347
N_MELS = 128
FMIN = 20.0
FMAX = 22050.0


def clips(n, seed=2019):
    rng = np.random.default_rng(seed)
    t = np.arange(5 * SR) / SR
    out = []
    for _ in range(n):
        f1, f2 = rng.uniform(50, 5000), rng.uniform(50, 12000)
        y = 0.3 * np.sin(2 * np.pi * f1 * t) + 0.2 * np.sin(2 * np.pi * f2 * t * (1 + t / 10))
        y += rng.uniform(0.001, 0.1) * rng.standard_normal(t.size)
        out.append(y.astype(np.float32))
    return out


def hz_to_mel(f):
    f = np.asanyarray(f, dtype=float)
    mel = f / (200.0 / 3)
    log_t = f >= 1000.0
    mel = np.where(log_t, 15.0 + np.log(np.maximum(f, 1e-12) / 1000.0) / (np.log(6.4) / 27.0), mel)
    return mel


def mel_to_hz(m):
    m = np.asanyarray(m, dtype=float)
    f = (200.0 / 3) * m
    return np.where(m >= 15.0, 1000.0 * np.exp((np.log(6.4) / 27.0) * (m - 15.0)), f)


def mel_basis():
    fft = np.fft.rfftfreq(N_FFT, 1.0 / SR)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(FMIN), hz_to_mel(FMAX), N_MELS + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fft)
    w = np.zeros((N_MELS, fft.size))
    for i in range(N_MELS):
        w[i] = np.maximum(0, np.minimum(-ramps[i] / fdiff[i], ramps[i + 2] / fdiff[i + 1]))
    w *= (2.0 / (mel_f[2:N_MELS + 2] - mel_f[:N_MELS]))[:, None]
    return w.astype(np.float32)


WINDOW = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)).astype(np.float32)
BASIS = mel_basis()


def frames(y):
    yp = np.pad(y, N_FFT // 2, mode="constant")
    n = 1 + (yp.size - N_FFT) // HOP
    return np.lib.stride_tricks.as_strided(yp, (n, N_FFT), (yp.strides[0] * HOP, yp.strides[0]))


def numpy_fft(y):
    return np.fft.rfft(frames(y) * WINDOW, axis=1)


def numpy_logmel(y):
    s = np.abs(numpy_fft(y)) ** 2
    m = BASIS @ s.T
    db = 10.0 * np.log10(np.maximum(1e-10, m))
    return np.maximum(db, db.max() - 80.0)


def librosa_logmel(y):
    import librosa
    m = librosa.feature.melspectrogram(y=y, sr=SR, n_fft=N_FFT, hop_length=HOP, n_mels=N_MELS, fmin=FMIN, fmax=FMAX,
                                       power=2.0)
    return librosa.power_to_db(m, ref=1.0, top_db=80.0)


def rate(fn, data, seconds, clock=time.perf_counter):
    for y in data[:2]:
        fn(y)
    done = 0
    start = clock()
    while True:
        for y in data:
            fn(y)
            done += 1
        el = clock() - start
        if el >= seconds:
            return done * 5.0 / el


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clips", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--no-cpu", action="store_true", help="skip the CPU-time measurements")
    a = ap.parse_args()
    data = clips(a.clips)
    try:
        import librosa  # noqa: F401
        print("librosa_audio_seconds_per_second %.1f (librosa %s)" % (rate(librosa_logmel, data, a.seconds),
                                                                      librosa.__version__))
    except ImportError:
        print("librosa_audio_seconds_per_second unavailable (librosa not installed)")
    print("numpy_logmel_audio_seconds_per_second %.1f (numpy %s)" % (rate(numpy_logmel, data, a.seconds),
                                                                     np.__version__))
    print("numpy_fft_audio_seconds_per_second %.1f" % rate(numpy_fft, data, a.seconds))
    # CPU time of this (single-threaded) process: robust against other load, pairs with LogMelCpuTime
    if a.no_cpu:
        return
    try:
        import librosa  # noqa: F401,F811
        print("librosa_audio_seconds_per_cpu_second %.1f" % rate(librosa_logmel, data, a.seconds, time.process_time))
    except ImportError:
        pass
    print("numpy_logmel_audio_seconds_per_cpu_second %.1f" % rate(numpy_logmel, data, a.seconds, time.process_time))
    print("numpy_fft_audio_seconds_per_cpu_second %.1f" % rate(numpy_fft, data, a.seconds, time.process_time))


if __name__ == "__main__":
    main()
