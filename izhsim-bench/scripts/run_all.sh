#!/usr/bin/env bash
# Runs every benchmark recorded in BENCHMARKS.md, one after another (never in parallel: the
# machine has 2 cores). Results go to bench-results/ (not committed); BENCHMARKS.md quotes them.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench-results
mkdir -p "$out"
jdk=$(ls -d /usr/lib/jvm/temurin-25* | head -1)
JAVA_HOME="$jdk" mvn -B -q -Dmaven.test.skip=true package -pl izhsim-bench,izhsim-cli -am
./izhsim --version > /dev/null   # builds the launcher's jar and its CDS archive
jmh() { "$jdk/bin/java" -jar izhsim-bench/target/benchmarks.jar "$@" -wi 3 -w 1 -i 5 -r 1 -f 1; }
jmh KernelBenchmark -rf json -rff "$out/kernel.json" | tee "$out/kernel.txt"
jmh SingleNeuronBenchmark -rf json -rff "$out/single.json" | tee "$out/single.txt"
jmh EquationNetworkBenchmark -rf json -rff "$out/eqnet.json" | tee "$out/eqnet.txt"
hyperfine -w 2 -r 10 --export-json "$out/features.json" \
  "./izhsim features --json --out $out/features-out" \
  "./izhsim features --json --figures none --out $out/features-out" | tee "$out/features.txt"
/usr/bin/python3 izhsim-bench/scripts/compare_brian2.py --repeats "${REPEATS:-3}" --out "$out/compare_brian2.jsonl" \
  | tee "$out/compare_brian2.md"
