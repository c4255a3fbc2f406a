"""The command-line options that every form of the STDP benchmark network shares (izhsim_stdp_net.py,
brian2_stdp_net.py), so that the forms take the same sizes and refuse the same bad input."""
import argparse
import sys


class OneLineErrors(argparse.ArgumentParser):
    """Bad input: one line naming the culprit, exit code 2 (no usage block)."""

    def error(self, message):
        sys.stderr.write("%s: %s\n" % (self.prog, message))
        sys.exit(2)


def network_parser(description):
    p = OneLineErrors(description=description)
    p.add_argument("--ne", type=int, default=80000, help="excitatory neurons")
    p.add_argument("--ni", type=int, default=20000, help="inhibitory neurons")
    p.add_argument("--k", type=int, default=100, help="inputs per neuron")
    p.add_argument("--seconds", type=float, default=1.0, help="model time [s]")
    p.add_argument("--seed", type=int, default=1)
    return p


def parse_network_args(p, argv=None):
    a = p.parse_args(argv)
    if a.ne < 1 or a.ni < 1:
        p.error("--ne and --ni must be >= 1")
    if not 1 <= a.k <= a.ne + a.ni:
        p.error("--k must be in 1..%d (the neurons)" % (a.ne + a.ni))
    if not (a.seconds > 0 and a.seconds * 1000 == int(a.seconds * 1000)):
        p.error("--seconds must be > 0 and a whole number of ms")
    return a
