/**
 * JMH benchmarks. Each class states its question and method; recorded results, machine and
 * commands are in BENCHMARKS.md, and {@code izhsim-bench/scripts/run_all.sh} reruns them all
 * (with the Brian2 side-by-side comparison in {@code scripts/compare_brian2.py}).
 */
package org.izhsim.bench;
