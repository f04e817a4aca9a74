"""The index's ranks (lib.risk.index.min_ranks) against scipy's rankdata, the model they replace."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy.stats import rankdata

from lib.risk.index import min_ranks

# Few distinct values, so that ties are common; NaN now and then.
VALUES = st.sampled_from([0.0, 1.5, -2.0, 3.25, 7.0, np.nan, 1e-9, -0.0])


@given(hnp.arrays(float, hnp.array_shapes(min_dims=1, max_dims=2, min_side=1, max_side=12), elements=VALUES))
def test_min_ranks_are_rankdatas_min_ranks(values):
    expected = rankdata(values, axis=-1, method="min")
    np.testing.assert_array_equal(min_ranks(values), expected)


def test_ties_share_the_best_rank_and_the_next_skips():
    assert min_ranks(np.array([-9.0, -9.0, -4.0, -1.0])).tolist() == [1.0, 1.0, 3.0, 4.0]
