"""The fixed words of the vulnerability index: its dimensions, directions and categories."""

from __future__ import annotations

DIMENSIONS: tuple[str, ...] = ("konteks_sosial_politik", "penyelenggaraan", "kontestasi", "partisipasi")
"""The four dimensions of Bawaslu's IKP 2024, in its order."""
DIRECTIONS: tuple[str, ...] = ("higher_is_riskier", "lower_is_riskier")
"""Which way an indicator points: a higher value is more, or less, vulnerable."""
CATEGORIES: tuple[str, ...] = ("rendah", "sedang", "tinggi")
"""The categories of rawan (vulnerable), lowest first."""
UNKNOWN = "tidak diketahui"
"""The category of a region whose index is unknown."""
