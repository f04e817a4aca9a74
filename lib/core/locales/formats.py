"""How counts of known things and ranks are said."""

STRINGS: dict[str, dict[str, str]] = {
    "format.known_of": {
        "id": "{known} dari {total} indikator diketahui",
        "en": "{known} of {total} indicators known",
    },
    "format.rank_of": {"id": "{rank} dari {total}", "en": "{rank} of {total}"},
    "format.n_of": {"id": "{n} dari {total}", "en": "{n} of {total}"},
    "format.ranking_label": {
        "id": "{index} \u2014 {known} dari {total} indikator diketahui",
        "en": "{index} \u2014 {known} of {total} indicators known",
    },
}
