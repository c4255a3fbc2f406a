"""Projections: PyNN's connectors compute the connection lists in Python; Java gets them as arrays.

``_convergent_connect`` (called by every PyNN connector, per post cell) only collects indices,
weights and delays. At the build each projection becomes one izhsim SynapseGroup per pair of
(pre, post) populations it spans (an Assembly spans several), with ``Connectivity.explicit``,
``Weights.array`` and ``Delays.array``: three bulk array transfers, and each spike jumps the
post cell's receptor variable (``target``: v for Izhikevich and IF_curr_delta, ie/ii, ge/gi or
the alpha synapses' ye/yi) by the weight, as PyNN's Brian2 backend's ``syn_var += weight``.
"""
from __future__ import annotations

import numpy as np
from pyNN import common, errors
from pyNN.core import ezip
from pyNN.space import Space

from . import simulator
from .synapses import RULE_PARAMETERS, STDPMechanism, StaticSynapse, rule_parameters


def _address(obj):
    """(population objects, population of each cell, index in that population) for a Population, view or Assembly;
    for a Population the last two are None (one population, index = cell), which spares the masks and gathers over
    every connection of the usual projection."""
    if isinstance(obj, common.Assembly):
        parts = [_address(p) for p in obj.populations]
        pops = [q for p, _, _ in parts for q in p]
        which, index, base = [], [], 0
        for (p, w, i), member in zip(parts, obj.populations):
            which.append((np.zeros(member.size, dtype=int) if w is None else w) + base)
            index.append(np.arange(member.size) if i is None else i)
            base += len(p)
        return pops, np.concatenate(which), np.concatenate(index)
    if isinstance(obj, common.PopulationView):
        return [obj.grandparent], np.zeros(obj.size, dtype=int), np.asarray(
            obj.index_in_grandparent(np.arange(obj.size)), dtype=int)
    return [obj], None, None


class Connection(common.Connection):
    def __init__(self, projection, k):
        self.projection, self.k = projection, k

    @property
    def presynaptic_index(self):
        return int(self.projection._pre_idx[self.k])

    @property
    def postsynaptic_index(self):
        return int(self.projection._post_idx[self.k])

    def _get_weight(self):
        return float(self.projection._weight[self.k])

    def _get_delay(self):
        return float(self.projection._delay[self.k])

    weight = property(_get_weight)
    delay = property(_get_delay)

    def as_tuple(self, *names):
        return tuple(getattr(self, n) for n in names)


class Projection(common.Projection):
    __doc__ = common.Projection.__doc__
    _simulator = simulator
    _static_synapse_class = StaticSynapse

    def __init__(self, presynaptic_population, postsynaptic_population, connector, synapse_type=None, source=None,
                 receptor_type=None, space=Space(), label=None):
        simulator.state.require_unbuilt("creating a Projection")
        common.Projection.__init__(self, presynaptic_population, postsynaptic_population, connector, synapse_type,
                                   source, receptor_type, space, label)
        self._parts, self._rule_values, self._java_groups = [], {}, []
        connector.connect(self)
        self._finish()
        simulator.state.projections.append(self)

    def _convergent_connect(self, presynaptic_indices, postsynaptic_index, **params):
        params.pop("dendritic_delay_fraction", None)
        pre = np.asarray(presynaptic_indices, dtype=np.int64).reshape(-1)
        n = pre.size
        if n == 0:
            return
        for name in RULE_PARAMETERS:
            if name in params:
                self._rule_values.setdefault(name, []).append(np.unique(np.asarray(params[name], dtype=float)))
        w = np.broadcast_to(np.asarray(params.get("weight", 0.0), dtype=float), (n,))
        d = np.broadcast_to(np.asarray(params.get("delay", simulator.state.min_delay), dtype=float), (n,))
        self._parts.append((pre, np.full(n, int(postsynaptic_index), dtype=np.int64), np.array(w), np.array(d)))

    def _finish(self):
        if self._parts:
            self._pre_idx, self._post_idx, self._weight, self._delay = (np.concatenate(x) for x in zip(*self._parts))
        else:
            self._pre_idx = self._post_idx = np.zeros(0, dtype=np.int64)
            self._weight = self._delay = np.zeros(0)
        self._parts = []
        bad = ~np.isfinite(self._weight)
        if bad.any():
            raise errors.InvalidParameterValueError(f"projection {self.label!r}: weight {self._weight[bad][0]} is not finite")
        if self.post.conductance_based and (self._weight < 0).any():
            raise errors.ConnectionError(f"projection {self.label!r}: conductance-based synapses need weights >= 0, got "
                                         f"{self._weight[self._weight < 0][0]}")
        if self._delay.size:
            dt = simulator.state.dt
            steps = np.rint(self._delay / dt)  # to the nearest step, as PyNN's Brian2 backend rounds
            if not np.isfinite(self._delay).all() or steps.min() < 1:
                i = int(np.flatnonzero(~(np.isfinite(self._delay) & (steps >= 1)))[0])
                raise errors.ConnectionError(f"projection {self.label!r}: delay {self._delay[i]} ms is less than one "
                                             f"time step ({dt} ms)")

    def __len__(self):
        return int(self._pre_idx.size)

    @property
    def connections(self):
        return (Connection(self, k) for k in range(len(self)))

    def set(self, **attributes):
        simulator.state.require_unbuilt("Projection.set()")
        super().set(**attributes)

    def _set_attributes(self, parameter_space):
        parameter_space.evaluate(simplify=False)
        for name, value in parameter_space.items():
            v = np.asarray(value, dtype=float)
            v = v[self._pre_idx, self._post_idx] if v.ndim == 2 else np.broadcast_to(v, self._weight.shape)
            if name in RULE_PARAMETERS:
                self._rule_values[name] = [np.unique(v)]
            elif name != "dendritic_delay_fraction":
                setattr(self, "_" + name, np.array(v, dtype=float))
        self._finish_check()

    def _finish_check(self):
        self._parts = [(self._pre_idx, self._post_idx, self._weight, self._delay)]
        self._finish()

    def _columns(self):
        """Every attribute per connection; the weights as they are now (learned ones after a run)."""
        cols = {"presynaptic_index": self._pre_idx, "postsynaptic_index": self._post_idx,
                "weight": self._weights_now(), "delay": self._delay}
        if self._rule_values and len(self):
            for name, v in rule_parameters(self._rule_values, self.label).items():
                cols[name] = np.full(self._weight.shape, v)
        return cols

    @property
    def _plastic(self):
        return isinstance(self.synapse_type, STDPMechanism)

    def _weights_now(self):
        """The initial weights, or after a run the engine's (learned, stored as float) in this list's order."""
        st = simulator.state
        if st.sim is None or not self._plastic:
            return self._weight
        w = self._weight.copy()
        for group, where, order in self._java_groups:
            view = st._call(st.sim.synapses, group)
            w[where[order]] = np.asarray(view.weights(), dtype=float)
        return w

    def _get_attributes_as_list(self, names):
        cols = self._columns()
        try:
            arrays = [cols[n] for n in names]
        except KeyError as e:
            raise errors.NonExistentParameterError(str(e), type(self.synapse_type).__name__,
                                                   [c for c in cols if not c.endswith("index")]) from None
        return list(zip(*[a.tolist() for a in arrays]))

    def _get_attributes_as_arrays(self, names, multiple_synapses="sum"):
        ops = {"sum": np.add, "min": np.minimum, "max": np.maximum}
        cols = self._columns()
        out = []
        for n in names:
            n = n if n in cols else n[:-1] if n.endswith("s") else n
            if n not in cols or n.endswith("index"):
                raise errors.NonExistentParameterError(n, type(self.synapse_type).__name__,
                                                       [c for c in cols if not c.endswith("index")])
            vals = cols[n]
            a = np.full((self.pre.size, self.post.size), np.nan)
            if multiple_synapses in ops:
                filled = np.zeros_like(a, dtype=bool)
                for i, j, v in zip(self._pre_idx, self._post_idx, vals):
                    a[i, j] = ops[multiple_synapses](a[i, j], v) if filled[i, j] else v
                    filled[i, j] = True
            else:  # 'first' / 'last'
                order = slice(None, None, -1) if multiple_synapses == "first" else slice(None)
                a[self._pre_idx[order], self._post_idx[order]] = vals[order]
            out.append(a)
        return out

    # -- the Java synapse groups -------------------------------------------------------------------

    def _build_java(self, name):
        from org.izhsim.network import Connectivity, Delays, SynapseGroup, Weights

        pre_pops, pre_which, pre_index = _address(self.pre)
        post_pops, post_which, post_index = _address(self.post)
        pi = self._pre_idx if pre_index is None else pre_index[self._pre_idx]
        qi = self._post_idx if post_index is None else post_index[self._post_idx]
        pw = None if pre_which is None else pre_which[self._pre_idx]
        qw = None if post_which is None else post_which[self._post_idx]
        steps = (np.rint(self._delay / simulator.state.dt) - simulator.DELAY_OFFSET).astype(np.int32)
        rule = self._java_rule()
        out, self._java_groups = [], []
        for a, pp in enumerate(pre_pops):
            for b, qp in enumerate(post_pops):
                sel = _selection(pw, a, qw, b)
                if sel is not None and not sel.any():
                    continue
                take = slice(None) if sel is None else sel  # a slice: views, no copies of every connection
                gpre, gpost, gsteps = pi[take], qi[take], steps[take]
                target = qp.celltype.targets[self.receptor_type]
                builder = (SynapseGroup.builder(f"{name}.{a}.{b}", pp._java, qp._java)
                           .connect(Connectivity.explicit(simulator.java_ints(gpre), simulator.java_ints(gpost)))
                           .weights(Weights.array(simulator.java_doubles(self._weight[take])))
                           .delays(Delays.array(simulator.java_ints(gsteps))))
                builder.target(target)
                if rule is not None:
                    builder.plasticity(rule)
                out.append(builder.build())
                if rule is not None:
                    where = np.arange(len(pi)) if sel is None else np.flatnonzero(sel)
                    self._java_groups.append((out[-1], where, _storage_order(gpre, gsteps, gpost)))
        return out

    def _java_rule(self):
        if not self._plastic or not len(self):
            return None
        p = rule_parameters(self._rule_values, self.label)
        bad = (self._weight < 0) | (self._weight > p["w_max"])
        if bad.any():
            raise NotImplementedError(f"pyNN.izhsim: projection {self.label!r} starts with weight "
                                      f"{self._weight[bad][0]} outside [0, w_max = {p['w_max']}]; izhsim's STDP clips "
                                      "at every update, PyNN's only at the bound it moves towards: start inside")
        return self.synapse_type.java_rule(p, self.label)


def _selection(pre_which, a, post_which, b):
    """The connections from population a to population b as a mask, or None for all (one population each side)."""
    if pre_which is None and post_which is None:
        return None
    sel = np.ones(len(pre_which if pre_which is not None else post_which), dtype=bool)
    if pre_which is not None:
        sel &= pre_which == a
    if post_which is not None:
        sel &= post_which == b
    return sel


def _storage_order(pre, steps, post):
    """Where each connection of a plastic group sits in the engine's storage: rows by pre, each by delay then post
    (``SynapseView.weights()``'s order); connections with equal (pre, delay, post) keep their order."""
    return np.lexsort((post, steps, pre))
