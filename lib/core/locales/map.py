"""Texts of the Peta page."""

STRINGS: dict[str, dict[str, str]] = {
    "map.title": {"id": "Peta kerawanan", "en": "Vulnerability map"},
    "map.measure": {"id": "Warnai menurut", "en": "Colour by"},
    "map.level": {"id": "Tingkat wilayah", "en": "Region level"},
    "map.level.kabupaten": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "map.level.kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "map.level.desa": {"id": "Desa/kelurahan", "en": "Village (desa)"},
    "map.measure.category": {"id": "Kategori kerawanan", "en": "Vulnerability category"},
    "map.measure.index": {"id": "Indeks kerawanan (0\u2013100)", "en": "Vulnerability index (0\u2013100)"},
    "map.measure.dim_konteks_sosial_politik": {
        "id": "Dimensi konteks sosial-politik",
        "en": "Dimension: social and political context",
    },
    "map.measure.dim_penyelenggaraan": {
        "id": "Dimensi penyelenggaraan pemilu",
        "en": "Dimension: conduct of the election",
    },
    "map.measure.dim_kontestasi": {"id": "Dimensi kontestasi", "en": "Dimension: contestation"},
    "map.measure.dim_partisipasi": {"id": "Dimensi partisipasi", "en": "Dimension: participation"},
    "map.measure.events": {"id": "Peristiwa dalam periode", "en": "Events in the period"},
    "map.measure.events_per_100k": {
        "id": "Peristiwa per 100.000 pemilih",
        "en": "Events per 100,000 voters",
    },
    "map.measure.posko": {
        "id": "Laporan Posko terverifikasi dalam periode",
        "en": "Verified command-post reports in the period",
    },
    "map.points": {"id": "Tampilkan titik kejadian & laporan", "en": "Show event and report points"},
    "map.points_none": {
        "id": "Tidak ada kejadian berkoordinat dalam periode ini (kejadian bawaan hanya tercatat per "
        "wilayah; koordinat datang dari impor ACLED dan laporan Posko).",
        "en": "No events with coordinates in this period (bundled events are recorded by region only; "
        "coordinates come with ACLED imports and Posko reports).",
    },
    "map.brush": {
        "id": "Rentang waktu dari Riwayat Konflik: {start} \u2013 {end} (berlaku untuk peristiwa dan titik).",
        "en": "Time range from the conflict history: {start} \u2013 {end} (applies to events and points).",
    },
    "map.clear_brush": {"id": "Hapus rentang waktu", "en": "Clear the time range"},
    "map.measure.tps_rawan": {"id": "TPS rawan (%)", "en": "Polling stations rated rawan (%)"},
    "map.no_boundaries": {
        "id": "Batas wilayah belum dimuat: peta menampilkan petak 9 kabupaten/kota. Untuk peta sebenarnya, "
        "unggah berkas batas (GeoJSON, GeoPackage atau shapefile dalam .zip) di halaman Data, atau jalankan "
        "Sinergi dengan SINERGI_BOUNDARIES=<folder berkas batas>.",
        "en": "No boundaries loaded: the map shows a tile grid of the 9 regencies. For the real map, upload "
        "boundary files (GeoJSON, GeoPackage or zipped shapefile) on the Data page, or start Sinergi with "
        "SINERGI_BOUNDARIES=<folder of boundary files>.",
    },
    "map.boundaries_source": {
        "id": "Batas wilayah: {source}. Lisensi: {licence}.",
        "en": "Boundaries: {source}. Licence: {licence}.",
    },
    "map.click_hint": {
        "id": "Klik sebuah kabupaten/kota untuk memfokuskan semua halaman; klik lagi untuk melepas.",
        "en": "Click a regency to focus every page on it; click it again to clear.",
    },
    "map.clear_focus": {"id": "Lepas fokus", "en": "Clear focus"},
    "map.ranking": {"id": "Peringkat indeks kerawanan", "en": "Vulnerability index ranking"},
    "map.detail": {"id": "Rincian: {name}", "en": "Detail: {name}"},
    "map.detail.index": {"id": "Indeks", "en": "Index"},
    "map.detail.category": {"id": "Kategori", "en": "Category"},
    "map.detail.coverage": {"id": "Indikator diketahui", "en": "Indicators known"},
    "map.detail.rank": {"id": "Peringkat", "en": "Rank"},
    "map.detail.unknown_list": {
        "id": "Indikator tanpa data (tidak dihitung): {keys}",
        "en": "Indicators with no data (left out of the index): {keys}",
    },
    "map.detail.events": {"id": "Peristiwa di wilayah ini", "en": "Events in this region"},
    "map.model_note": {
        "id": "Indeks Sinergi dimodelkan menurut Indeks Kerawanan Pemilu (IKP) Bawaslu, bukan IKP resmi: "
        "skor 0\u2013100 membandingkan kabupaten/kota satu sama lain, hanya atas indikator yang diketahui; "
        "kategori memakai ambang IKP kab/kota (tinggi \u2265 49,33; rendah < 13,47). Peristiwa lama "
        "dibobot menurun (paruh waktu {half_life} tahun).",
        "en": "Sinergi's index is modelled on Bawaslu's election vulnerability index (IKP), not the official "
        "IKP: the 0\u2013100 score compares regencies with each other, over the known indicators only; "
        "categories use the IKP regency bands (high \u2265 49.33; low < 13.47). Older events weigh less "
        "(half-life {half_life} years).",
    },
    "map.col.indicator": {"id": "Indikator", "en": "Indicator"},
    "map.col.value": {"id": "Nilai", "en": "Value"},
    "map.col.score": {"id": "Skor (0\u2013100)", "en": "Score (0\u2013100)"},
    "map.col.year": {"id": "Tahun", "en": "Year"},
    "map.col.contribution": {"id": "Sumbangan ke indeks", "en": "Contribution to the index"},
}
