"""Texts of the Peta page in projector mode."""

STRINGS: dict[str, dict[str, str]] = {
    "mapproj.controls": {"id": "Tampilan peta", "en": "Map view"},
    "mapproj.controls_help": {
        "id": "Ukuran yang diwarnai, tingkat wilayah dan titik kejadian.",
        "en": "The measure coloured, the region level and the event points.",
    },
}
