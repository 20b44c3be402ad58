#!/usr/bin/env python3
"""Baseline for `audiotag bench invert` / `audiotag invert`: librosa 0.10.2's mel_to_audio algorithm re-written with
numpy + scipy only (librosa itself is not installed on the build machine), so the Java timing has a baseline measured
on the same machine in the same session.

Same algorithm and defaults as librosa.feature.inverse.mel_to_audio(M, sr, n_fft, hop_length, n_iter=32):
Slaney mel basis (librosa.filters.mel, norm='slaney', htk=False, in M's dtype); librosa.util.nnls (blocks of
2**18 / (n_mels * itemsize) frames; x0 = clip(lstsq/pinv, 0); scipy fmin_l_bfgs_b with m = n_bins, bounds >= 0,
objective (0.5/B.size)||AX-B||^2); sqrt; librosa.griffinlim (random init, momentum 0.99, Hann, centre, constant
padding, numpy.fft). Usage: mel_to_audio_numpy.py MEL.npy SR N_FFT HOP [REPEATS]; prints seconds per run.
"""
import sys
import time

import numpy as np
import scipy.optimize


def hz_to_mel(f):
    f = np.asanyarray(f, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep, mels)


def mel_to_hz(m):
    m = np.asanyarray(m, dtype=np.float64)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def mel_basis(sr, n_fft, n_mels, fmin=0.0, fmax=None, dtype=np.float32):
    fmax = sr / 2 if fmax is None else fmax
    fftfreqs = np.fft.rfftfreq(n=n_fft, d=1.0 / sr)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin), hz_to_mel(fmax), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((n_mels, 1 + n_fft // 2))
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels])
    weights *= enorm[:, None]
    return weights.astype(dtype)


def _nnls_obj(x, shape, A, B):
    x = x.reshape(shape)
    diff = A @ x - B
    value = (1 / B.size) * 0.5 * np.sum(diff ** 2)
    grad = (1 / B.size) * (A.T @ diff)
    return value, grad.flatten()


def _nnls_block(A, B, x_init):
    shape = x_init.shape
    x, _, _ = scipy.optimize.fmin_l_bfgs_b(_nnls_obj, x_init, args=(shape, A, B), bounds=[(0, None)] * x_init.size,
                                           m=A.shape[1])
    return x.reshape(shape)


def nnls(A, B):
    n_columns = max(int(2 ** 18 // (A.shape[0] * A.itemsize)), 1)
    if B.shape[-1] <= n_columns:
        x0 = np.clip(np.linalg.pinv(A) @ B, 0, None)
        return _nnls_block(A, B, x0).astype(A.dtype)
    x = np.linalg.lstsq(A, B, rcond=None)[0].astype(A.dtype)
    np.clip(x, 0, None, out=x)
    x_init = x.copy()
    for s in range(0, x.shape[-1], n_columns):
        t = min(s + n_columns, B.shape[-1])
        x[:, s:t] = _nnls_block(A, B[:, s:t], x_init[:, s:t])
    return x


def stft(y, n_fft, hop, window):
    pad = n_fft // 2
    yp = np.pad(y, (pad, pad), mode="constant")
    n_frames = 1 + len(y) // hop
    frames = np.lib.stride_tricks.as_strided(yp, shape=(n_frames, n_fft), strides=(yp.strides[0] * hop,
                                                                                     yp.strides[0]))
    return np.fft.rfft(frames * window, axis=1).T


def istft(D, n_fft, hop, window, length):
    n_frames = D.shape[1]
    frames = np.fft.irfft(D.T, n=n_fft, axis=1) * window
    expected = n_fft + hop * (n_frames - 1)
    y = np.zeros(expected)
    wss = np.zeros(expected)
    w2 = window ** 2
    for t in range(n_frames):
        y[t * hop:t * hop + n_fft] += frames[t]
        wss[t * hop:t * hop + n_fft] += w2
    nz = wss > np.finfo(wss.dtype).tiny
    y[nz] /= wss[nz]
    y = y[n_fft // 2:]
    out = np.zeros(length)
    k = min(length, len(y))
    out[:k] = y[:k]
    return out


def griffinlim(S, n_fft, hop, length, n_iter=32, momentum=0.99, rng=None):
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)
    rng = np.random.default_rng() if rng is None else rng
    angles = np.exp(2j * np.pi * rng.random(size=S.shape)) * S
    eps = np.finfo(np.float64).tiny
    tprev = None
    for _ in range(n_iter):
        inverse = istft(angles, n_fft, hop, window, length)
        rebuilt = stft(inverse, n_fft, hop, window)
        angles = rebuilt.copy()
        if tprev is not None:
            angles -= (momentum / (1 + momentum)) * tprev
        angles /= np.abs(angles) + eps
        angles *= S
        tprev = rebuilt
    return istft(angles, n_fft, hop, window, length)


def main():
    mel_path, sr, n_fft, hop = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    M = np.load(mel_path)
    for _ in range(repeats):
        t0 = time.perf_counter()
        A = mel_basis(sr, n_fft, M.shape[0], dtype=M.dtype)
        X = np.sqrt(nnls(A, M))
        y = griffinlim(X.astype(np.float64), n_fft, hop, hop * (M.shape[1] - 1), rng=np.random.default_rng(0))
        S2 = np.abs(stft(y, n_fft, hop, 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n_fft) / n_fft)))
        sc = np.linalg.norm(S2 - X) / np.linalg.norm(X)
        print(f"numpy mel_to_audio {M.shape[1]} frames: {time.perf_counter() - t0:.2f} s, spectral convergence "
              f"{sc:.4f}", flush=True)


if __name__ == "__main__":
    main()
