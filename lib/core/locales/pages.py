"""Texts of the Posko, Skenario and Data pages that are not in a feature's own module."""

STRINGS: dict[str, dict[str, str]] = {
    "posko.title": {"id": "Posko Pilkada", "en": "Election command post (Posko)"},
    "posko.empty": {
        "id": "Belum ada laporan di Posko. Laporan yang dicatat di sini (waktu, wilayah, kategori, "
        "keparahan, keandalan sumber A\u2013F dan kredibilitas informasi 1\u20136, klasifikasi) akan "
        "tampil di peta dan riwayat setelah diverifikasi.",
        "en": "The command post holds no reports yet. Reports logged here (time, region, category, "
        "severity, source reliability A\u2013F and information credibility 1\u20136, classification) "
        "appear on the map and in the history once verified.",
    },
    "scenario.title": {"id": "Skenario", "en": "Scenarios"},
    "scenario.empty": {
        "id": "Belum ada skenario tersimpan. Di sini bobot indeks kerawanan dapat diubah dan kebutuhan "
        "personel pengamanan TPS dihitung.",
        "en": "No scenario saved yet. Here the vulnerability-index weights can be changed and the "
        "polling-station security needs computed.",
    },
}
