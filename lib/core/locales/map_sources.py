"""Where a map colour comes from, per region (the tooltip's source line)."""

STRINGS: dict[str, dict[str, str]] = {
    "map.source.index": {
        "id": "Indeks Sinergi dari {known} dari {total} indikator diketahui",
        "en": "Sinergi index from {known} of {total} indicators known",
    },
    "map.source.per_100k_regency_only": {
        "id": "Tidak diketahui di tingkat ini: DPT hanya diterbitkan per kabupaten/kota",
        "en": "Unknown at this level: the DPT is published per regency only",
    },
    "map.source.fine_counts": {
        "id": "Kejadian yang tempatnya diketahui di sini; {n} kejadian lain di kabupaten ini hanya "
        "diketahui di tingkat kabupaten",
        "en": "Events known to have happened here; {n} more in this regency are known only at regency level",
    },
    "map.source.fine_counts_all": {
        "id": "Kejadian yang tempatnya diketahui di sini",
        "en": "Events known to have happened here",
    },
}
