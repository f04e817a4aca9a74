"""Maps of Bali.

Boundary files in any format and CRS, recognised as Bali's regions, assembled and simplified, and
drawn as maps.
"""

from lib.geo.boundaries import (
    BOUNDARY_COLUMNS,
    DISPLAY_DECIMALS,
    DISPLAY_TOLERANCE_M,
    METADATA_LAYER,
    SAVED_FILE,
    Boundaries,
    BoundaryImport,
    boundaries_from_folder,
    count_coordinates,
    display_copy,
    load_boundaries,
    load_saved_boundaries,
    save_boundaries,
)
from lib.geo.cache import folder_boundaries
from lib.geo.charts import (
    FOCUSED,
    LABEL_LIMIT,
    LEGEND,
    QUANTITATIVE_SCHEME,
    REGION_PICK,
    TILE_GRID,
    UNKNOWN_GREY,
    choropleth,
    geo_data,
    region_topology,
    tile_grid,
)
from lib.geo.files import MAX_BYTES
from lib.geo.recognise import LEVELS

__all__ = [
    "BOUNDARY_COLUMNS",
    "DISPLAY_DECIMALS",
    "DISPLAY_TOLERANCE_M",
    "LABEL_LIMIT",
    "LEGEND",
    "LEVELS",
    "MAX_BYTES",
    "METADATA_LAYER",
    "QUANTITATIVE_SCHEME",
    "FOCUSED",
    "REGION_PICK",
    "SAVED_FILE",
    "TILE_GRID",
    "UNKNOWN_GREY",
    "Boundaries",
    "BoundaryImport",
    "boundaries_from_folder",
    "folder_boundaries",
    "choropleth",
    "count_coordinates",
    "display_copy",
    "geo_data",
    "region_topology",
    "load_boundaries",
    "load_saved_boundaries",
    "save_boundaries",
    "tile_grid",
]
