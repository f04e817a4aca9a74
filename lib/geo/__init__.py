"""Maps of Bali.

Boundary files in any format and CRS, recognised as Bali's regions, assembled and simplified, and
drawn as maps.
"""

from lib.geo.boundaries import (
    LEVELS,
    BOUNDARY_COLUMNS,
    DISPLAY_TOLERANCE_M,
    DISPLAY_DECIMALS,
    MAX_BYTES,
    SAVED_FILE,
    METADATA_LAYER,
    Boundaries,
    BoundaryImport,
    load_boundaries,
    boundaries_from_folder,
    save_boundaries,
    load_saved_boundaries,
    display_copy,
    count_coordinates,
)
from lib.geo.charts import (
    REGION_PICK,
    UNKNOWN_GREY,
    QUANTITATIVE_SCHEME,
    LABEL_LIMIT,
    LEGEND,
    TILE_GRID,
    geo_data,
    choropleth,
    tile_grid,
)

__all__ = [
    "LEVELS",
    "BOUNDARY_COLUMNS",
    "DISPLAY_TOLERANCE_M",
    "DISPLAY_DECIMALS",
    "MAX_BYTES",
    "SAVED_FILE",
    "METADATA_LAYER",
    "Boundaries",
    "BoundaryImport",
    "load_boundaries",
    "boundaries_from_folder",
    "save_boundaries",
    "load_saved_boundaries",
    "display_copy",
    "count_coordinates",
    "REGION_PICK",
    "UNKNOWN_GREY",
    "QUANTITATIVE_SCHEME",
    "LABEL_LIMIT",
    "LEGEND",
    "TILE_GRID",
    "geo_data",
    "choropleth",
    "tile_grid",
]
