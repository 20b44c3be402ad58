#!/usr/bin/env python3
"""Reference values for the decoder tests: every WAV/FLAC/Ogg file under data/ decoded by libsndfile
(python-soundfile, dtype float32, as librosa.load reads them). Run from the project root:
    python3 audiotag-features/src/test/resources/decoder-reference/make_reference.py > \
        audiotag-features/src/test/resources/decoder-reference/reference.tsv
Columns: path (relative to the project root), frames, channels, samplerate, subtype, sum of squares over all channels
(float64), then 8 probe frame indices and the channel-0 and last-channel float32 values at them ("index:v0:vlast")."""
import glob
import sys
import numpy as np
import soundfile as sf

files = sorted(glob.glob('data/**/*.wav', recursive=True) + glob.glob('data/**/*.flac', recursive=True)
               + glob.glob('data/**/*.ogg', recursive=True))
print('# libsndfile %s, python-soundfile %s' % (sf.__libsndfile_version__, sf.__version__))
print('path\tframes\tchannels\tsr\tsubtype\tsumsq\tprobes')
for f in files:
    y, sr = sf.read(f, dtype='float32', always_2d=True)
    info = sf.info(f)
    n = y.shape[0]
    probes = sorted(set(min(n - 1, (k * n) // 8 + 17 * k) for k in range(8)))
    ss = float(np.sum(y.astype(np.float64) ** 2))
    pr = ' '.join('%d:%r:%r' % (i, float(y[i, 0]), float(y[i, -1])) for i in probes)
    print('%s\t%d\t%d\t%d\t%s\t%r\t%s' % (f, n, y.shape[1], sr, info.subtype, ss, pr))
