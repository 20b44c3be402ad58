#!/usr/bin/env bash
# Alternates the Java log-mel throughput (`audiotag bench features`, 1 thread and all cores) with the Python timings of
# time_logmel.py (librosa where installed, else its numpy equivalent and numpy's FFT floor) ROUNDS times in one run,
# and prints the best of each (least disturbed by other load) and the Java/Python ratios; then the single-thread
# figures per CPU second (Java: org.audiotag.benchmarks.LogMelCpuTime, Python: time.process_time), which other load
# on a busy machine disturbs far less.
# Usage (from the project root, after building audiotag-cli and audiotag-benchmarks):
#   audiotag-benchmarks/python/compare_logmel.sh [ROUNDS]
set -euo pipefail
ROUNDS=${1:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CLI=(java --module-path "$ROOT/audiotag-cli/target/audiotag-cli.jar:$ROOT/audiotag-cli/target/lib"
     -m org.audiotag.cli/org.audiotag.cli.Main)
best() { sort -g | tail -1; }
j1=(); jn=(); pl=(); pn=(); pf=()
for ((r = 1; r <= ROUNDS; r++)); do
  j1+=("$("${CLI[@]}" bench features --clips 16 --threads 1 --seconds 2 | awk '{print $2}')")
  jn+=("$("${CLI[@]}" bench features --clips 16 --seconds 2 | awk '{print $2}')")
  out=$(python3 "$ROOT/audiotag-benchmarks/python/time_logmel.py" --clips 16 --seconds 2 --no-cpu)
  lib=$(echo "$out" | awk '$1 == "librosa_audio_seconds_per_second" {print $2}')
  [[ "$lib" =~ ^[0-9.]+$ ]] && pl+=("$lib")
  pn+=("$(echo "$out" | awk '$1 == "numpy_logmel_audio_seconds_per_second" {print $2}')")
  pf+=("$(echo "$out" | awk '$1 == "numpy_fft_audio_seconds_per_second" {print $2}')")
  echo "round $r: java_1thread ${j1[-1]} java_all_cores ${jn[-1]} librosa ${lib} numpy_logmel ${pn[-1]} numpy_fft ${pf[-1]}"
done
J1=$(printf '%s\n' "${j1[@]}" | best); JN=$(printf '%s\n' "${jn[@]}" | best)
PN=$(printf '%s\n' "${pn[@]}" | best); PF=$(printf '%s\n' "${pf[@]}" | best)
echo "best audio_seconds_per_second: java_1thread $J1 java_all_cores $JN numpy_logmel $PN numpy_fft $PF"
if ((${#pl[@]})); then
  PL=$(printf '%s\n' "${pl[@]}" | best)
  echo "librosa $PL  ratio java_1thread/librosa $(echo "$J1 / $PL" | bc -l | cut -c1-5)  java_all_cores/librosa $(echo "$JN / $PL" | bc -l | cut -c1-5)"
else
  echo "librosa not installed: ratios against its numpy equivalent (same algorithm, numpy.fft = librosa's backend)"
fi
echo "ratio java_1thread/numpy_logmel $(echo "$J1 / $PN" | bc -l | cut -c1-5)  java_all_cores/numpy_logmel $(echo "$JN / $PN" | bc -l | cut -c1-5)  java_1thread/numpy_fft $(echo "$J1 / $PF" | bc -l | cut -c1-5)"

echo "--- single thread, per CPU second ---"
jc=$(java -cp "$ROOT/audiotag-benchmarks/target/benchmarks.jar" org.audiotag.benchmarks.LogMelCpuTime 3)
pc=$(python3 "$ROOT/audiotag-benchmarks/python/time_logmel.py" --clips 16 --seconds 3 | grep cpu_second)
echo "$jc"; echo "$pc"
JC=$(echo "$jc" | awk '/^java_logmel_1thread/ {print $2}')
for name in librosa numpy_logmel numpy_fft; do
  v=$(echo "$pc" | awk -v n="${name}_audio_seconds_per_cpu_second" '$1 == n {print $2}')
  [[ -n "$v" ]] && echo "ratio_cpu java_logmel_1thread/$name $(echo "$JC / $v" | bc -l | cut -c1-5)"
done
