"""Classification levels: TERBUKA < TERBATAS < RAHASIA. Every read in lib filters by the caller's ceiling."""

from __future__ import annotations

from lib.events import CLASSIFICATIONS

PUBLIC_CEILING = "TERBUKA"


def allowed_levels(ceiling: str) -> tuple[str, ...]:
    """Return the classification levels a caller with ``ceiling`` may see.

    >>> allowed_levels("TERBATAS")
    ('TERBUKA', 'TERBATAS')
    """
    if ceiling not in CLASSIFICATIONS:
        raise ValueError(f"ceiling must be one of {CLASSIFICATIONS}, got {ceiling!r}.")
    return CLASSIFICATIONS[: CLASSIFICATIONS.index(ceiling) + 1]
