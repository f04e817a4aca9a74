"""Texts of the Skenario page."""

STRINGS: dict[str, dict[str, str]] = {
    "scenario.weights": {"id": "Bobot indeks kerawanan", "en": "Vulnerability-index weights"},
    "scenario.weights_help": {
        "id": "Ubah bobot dimensi atau indikator: peta, peringkat dan tautan berbagi langsung mengikuti. "
        "Bobot 0 mengeluarkan indikator dari indeks.",
        "en": "Change dimension or indicator weights: the map, the ranking and the share link follow at "
        "once. A weight of 0 leaves the indicator out of the index.",
    },
    "scenario.dimension_factor": {"id": "Faktor dimensi: {name}", "en": "Dimension factor: {name}"},
    "scenario.indicators": {"id": "Bobot per indikator", "en": "Weight per indicator"},
    "scenario.reset": {"id": "Kembalikan bobot bawaan", "en": "Reset to default weights"},
    "scenario.ranking": {"id": "Peringkat dengan bobot ini", "en": "Ranking with these weights"},
    "scenario.sensitivity": {"id": "Seberapa stabil peringkatnya?", "en": "How stable is the ranking?"},
    "scenario.sensitivity_help": {
        "id": "{n} set bobot acak di sekitar bobot terpilih (sebaran \u00d7{low}\u2013\u00d7{high}). "
        "Garis = rentang peringkat tiap kabupaten/kota; dua wilayah yang garisnya tidak bertumpuk "
        "tetap berurutan apa pun bobotnya.",
        "en": "{n} random weight sets around the chosen weights (spread \u00d7{low}\u2013\u00d7{high}). "
        "Line = each regency's range of ranks; two regencies whose lines do not overlap keep their "
        "order whatever the weights.",
    },
    "scenario.spread": {"id": "Ketidakpastian bobot", "en": "Weight uncertainty"},
    "scenario.deployment": {"id": "Kebutuhan personel pengamanan TPS", "en": "TPS security deployment needs"},
    "scenario.deployment_region": {"id": "Wilayah", "en": "Region"},
    "scenario.preset": {"id": "Pola pengamanan", "en": "Security pattern"},
    "scenario.tps.kurang_rawan": {"id": "TPS kurang rawan", "en": "TPS kurang rawan (less vulnerable)"},
    "scenario.tps.rawan": {"id": "TPS rawan", "en": "TPS rawan (vulnerable)"},
    "scenario.tps.sangat_rawan": {"id": "TPS sangat rawan", "en": "TPS sangat rawan (very vulnerable)"},
    "scenario.tps_source": {"id": "Jumlah TPS per kategori: {source}", "en": "TPS by category: {source}"},
    "scenario.tps_unknown": {
        "id": "Jumlah TPS per kategori untuk wilayah ini tidak ditemukan di sumber; isi sendiri dari data "
        "Polres. Kolom kosong = tidak diketahui.",
        "en": "No source gives the TPS per category for this region; enter them from Polres data. "
        "An empty field means unknown.",
    },
    "scenario.move": {
        "id": "Berapa TPS lagi dinilai rawan (dari kurang rawan)?",
        "en": "How many more TPS are rated rawan (from kurang rawan)?",
    },
    "scenario.col.category": {"id": "Kategori TPS", "en": "TPS category"},
    "scenario.col.tps_before": {"id": "TPS sekarang", "en": "TPS now"},
    "scenario.col.tps_after": {"id": "TPS skenario", "en": "TPS in scenario"},
    "scenario.col.police_before": {"id": "Polisi sekarang", "en": "Police now"},
    "scenario.col.police_after": {"id": "Polisi skenario", "en": "Police in scenario"},
    "scenario.col.police_change": {"id": "Perubahan polisi", "en": "Police change"},
    "scenario.col.linmas_before": {"id": "Linmas sekarang", "en": "Linmas now"},
    "scenario.col.linmas_after": {"id": "Linmas skenario", "en": "Linmas in scenario"},
    "scenario.col.linmas_change": {"id": "Perubahan Linmas", "en": "Linmas change"},
    "scenario.category.kurang_rawan": {"id": "Kurang rawan", "en": "Kurang rawan"},
    "scenario.category.rawan": {"id": "Rawan", "en": "Rawan"},
    "scenario.category.sangat_rawan": {"id": "Sangat rawan", "en": "Sangat rawan"},
    "scenario.category.total": {"id": "Jumlah", "en": "Total"},
    "scenario.pattern_source": {
        "id": "Pola: {name}. Sumber: {source}",
        "en": "Pattern: {name}. Source: {source}",
    },
}
