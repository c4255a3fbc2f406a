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
make -s -C izhsim-bench/c
for i in 1 2 3 4 5; do  # §6: spnet against the C program, alternating
  izhsim-bench/c/spnet_float --seconds 300 --seed 1 --json | /usr/bin/python3 -c 'import json,sys;print("C", json.load(sys.stdin)["run_s"])'
  for t in 1 2; do
    ./izhsim spnet --seconds 300 --seed 1 --threads $t --json --quiet --figures none --data none --out "$out/spnet-run" \
      | /usr/bin/python3 -c 'import json,sys;print("J'$t'", json.loads(sys.stdin.read().strip().splitlines()[-1])["run_s"])'
  done
done | tee "$out/spnet-vs-c.txt"
/usr/bin/python3 izhsim-bench/scripts/compare_stdp.py --repeats "${REPEATS:-3}" --out "$out/compare_stdp.jsonl" \
  | tee "$out/compare_stdp.md"                                                  # §8
/usr/bin/python3 izhsim-bench/scripts/mpi_ranks_vs_threads.py --rounds "${REPEATS:-5}" \
  --out "$out/mpi-ranks.jsonl" | tee "$out/mpi-ranks.md"                          # §9
/usr/bin/python3 izhsim-bench/scripts/pynn_net2003.py --backend izhsim | tee "$out/pynn-net2003.jsonl"   # §10
/usr/bin/python3 izhsim-bench/scripts/pynn_bridge_overhead.py --repeat 5 | tee "$out/pynn-bridge.txt"
# §7 needs a second build: ab_durations.py --baseline OTHER/izhsim (see its docstring)
