"""Shortest paths of the coordination graph in compiled code: routes by hours, and who lies on routes.

networkx stays the model: every function here gives what a networkx call named in its
docstring gives (the tests compare them on random graphs), but does the work in scipy's
compiled graph routines and numpy arrays instead of a Python loop per node and per arc.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np

if TYPE_CHECKING:  # imported where a path is computed: scipy.sparse is 0.2 s of every server start
    from scipy import sparse

_BATCH = 256
"""Sources whose routes are counted together; bounds memory at nodes x this many floats."""


def arc_matrix(graph: nx.DiGraph, nodes: Sequence[str], *, weight: str = "delay") -> sparse.csr_array:
    """Return the weighted adjacency of ``graph``, row = tail, in the order of ``nodes``.

    An arc without ``weight`` counts 1, as in networkx; an arc of 0 hours stays an arc.
    """
    from scipy import sparse

    index = {node: number for number, node in enumerate(nodes)}
    rows, cols, values = [], [], []
    for a, b, data in graph.edges(data=True):
        rows.append(index[a])
        cols.append(index[b])
        values.append(float(data.get(weight, 1)))
    size = len(nodes)
    return sparse.csr_array(
        (
            np.asarray(values, dtype=float),
            (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)),
        ),
        shape=(size, size),
    )


def hours_from(matrix: sparse.csr_array, sources: Sequence[int]) -> np.ndarray:
    """Return the fastest hours from each source (rows) to every node (columns); inf = no route.

    ``networkx.single_source_dijkstra_path_length`` per source, in one compiled call. Pass the
    transposed matrix for the hours from every node *to* each source.
    """
    from scipy.sparse.csgraph import dijkstra

    if not len(sources):
        return np.zeros((0, matrix.shape[0]))
    return np.atleast_2d(dijkstra(matrix, directed=True, indices=np.asarray(sources, dtype=np.int64)))


def _adjacency(simple: nx.Graph, nodes: Sequence[str]) -> sparse.csr_array:
    """Return the 0/1 symmetric adjacency of an undirected graph, without self-loops."""
    from scipy import sparse

    index = {node: number for number, node in enumerate(nodes)}
    pairs = np.asarray([(index[a], index[b]) for a, b in simple.edges() if a != b], dtype=np.int64).reshape(
        -1, 2
    )
    rows = np.concatenate([pairs[:, 0], pairs[:, 1]])
    cols = np.concatenate([pairs[:, 1], pairs[:, 0]])
    size = len(nodes)
    return sparse.csr_array((np.ones(len(rows)), (rows, cols)), shape=(size, size))


def _search(adjacency: sparse.csr_array, sources: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """Return the route counts (``sigma``) and the levels of a breadth-first search from each source.

    Every source is searched at once (rows are nodes, columns sources), one level per product
    of the adjacency with the frontier's route counts. A level is the flat indices of the
    (node, source) cells at that distance.
    """
    size, count = adjacency.shape[0], len(sources)
    seen = np.zeros((size, count), dtype=bool)
    sigma = np.zeros((size, count))
    seen[sources, np.arange(count)] = True
    sigma[sources, np.arange(count)] = 1.0
    levels = [np.flatnonzero(seen)]
    frontier = sigma.copy()
    while True:
        reached = adjacency @ frontier
        fresh = reached > 0
        fresh &= ~seen
        cells = np.flatnonzero(fresh)
        if not len(cells):
            return sigma, levels
        levels.append(cells)
        seen |= fresh
        frontier = np.zeros((size, count))
        frontier.flat[cells] = reached.flat[cells]
        sigma.flat[cells] = reached.flat[cells]


def _dependencies(
    adjacency: sparse.csr_array, search: tuple[np.ndarray, list[np.ndarray]], ends: np.ndarray | None
) -> np.ndarray:
    """Return Brandes' dependency of each source (columns) on each node (rows), from the farthest level back.

    With ``ends`` (a boolean mask of nodes) only routes ending at one of them count, as in
    ``networkx.betweenness_centrality_subset``; a source is never its own end.
    """
    sigma, levels = search
    count = sigma.shape[1]
    delta = np.zeros(sigma.shape)
    share = np.zeros(sigma.shape)
    for level in range(len(levels) - 1, 0, -1):
        cells = levels[level]
        counted = 1.0 if ends is None else ends[cells // count].astype(float)
        share.flat[cells] = (delta.flat[cells] + counted) / sigma.flat[cells]
        back = adjacency @ share
        share.flat[cells] = 0.0
        nearer = levels[level - 1]
        delta.flat[nearer] += sigma.flat[nearer] * back.flat[nearer]
    delta.flat[levels[0]] = 0.0
    return delta


def route_shares(
    simple: nx.Graph,
    nodes: Sequence[str],
    sources: Sequence[str],
    subset_sources: Sequence[str] = (),
    subset_targets: Sequence[str] = (),
) -> tuple[np.ndarray, np.ndarray]:
    """Return the unscaled betweenness from ``sources`` and the subset betweenness, in ``nodes`` order.

    The first array is what ``networkx.betweenness_centrality(simple, normalized=False)``
    accumulates over ``sources`` before rescaling (routes counted from both ends); the second is
    what ``networkx.betweenness_centrality_subset(simple, subset_sources, subset_targets)``
    accumulates before halving. A source in both lists is searched once.
    """
    size = len(nodes)
    index = {node: number for number, node in enumerate(nodes)}
    adjacency = _adjacency(simple, nodes)
    plain = np.asarray([index[node] for node in sources], dtype=np.int64)
    subset = np.asarray([index[node] for node in subset_sources], dtype=np.int64)
    ends = np.zeros(size, dtype=bool)
    ends[[index[node] for node in subset_targets]] = True
    every = np.unique(np.concatenate([plain, subset]))
    plain_times = np.bincount(np.searchsorted(every, plain), minlength=len(every)).astype(float)
    subset_times = np.bincount(np.searchsorted(every, subset), minlength=len(every)).astype(float)
    shares, between = np.zeros(size), np.zeros(size)
    for start in range(0, len(every), _BATCH):
        batch = slice(start, start + _BATCH)
        search = _search(adjacency, every[batch])
        if plain_times[batch].any():
            shares += _dependencies(adjacency, search, None) @ plain_times[batch]
        if subset_times[batch].any():
            between += _dependencies(adjacency, search, ends) @ subset_times[batch]
    return shares, between
