"""Texts of the Riwayat Konflik page."""

STRINGS: dict[str, dict[str, str]] = {
    "historypage.title": {"id": "Riwayat konflik pemilu di Bali", "en": "Election-related conflict in Bali"},
    "historypage.intro": {
        "id": "Setiap kejadian bersumber; klik tautan di tabel untuk membaca sumbernya. Pilih rentang waktu "
        "di grafik pertama (seret) untuk menyaring grafik lain dan tabel.",
        "en": "Every event has a source; follow the link in the table to read it. Drag across the first "
        "chart to choose a time range: the other charts and the table follow.",
    },
    "historypage.freq": {"id": "Kelompokkan per", "en": "Group by"},
    "historypage.freq.year": {"id": "Tahun", "en": "Year"},
    "historypage.freq.month": {"id": "Bulan", "en": "Month"},
    "historypage.timeline": {"id": "Kejadian dari waktu ke waktu", "en": "Events over time"},
    "historypage.aligned": {
        "id": "Disejajarkan pada hari pemungutan suara",
        "en": "Aligned on voting day",
    },
    "historypage.aligned_elections": {"id": "Pemilihan yang dibandingkan", "en": "Elections compared"},
    "historypage.heatmap": {"id": "Per kabupaten/kota dan kategori", "en": "By regency and category"},
    "historypage.table": {"id": "Kejadian terpilih ({n})", "en": "Selected events ({n})"},
    "historypage.brush": {
        "id": "Rentang terpilih: {start} \u2013 {end}",
        "en": "Selected range: {start} \u2013 {end}",
    },
    "historypage.clear_brush": {"id": "Hapus rentang", "en": "Clear range"},
    "historypage.empty": {
        "id": "Tidak ada kejadian untuk pilihan ini. Ubah periode atau fokus wilayah di samping.",
        "en": "No events for this choice. Change the period or the regency focus in the sidebar.",
    },
    "historypage.province_wide": {"id": "(seluruh Bali)", "en": "(all of Bali)"},
    "historypage.col.precision": {"id": "Ketelitian tanggal", "en": "Date known to the"},
    "historypage.col.phase": {"id": "Fase (pemilihan terpilih)", "en": "Phase (chosen election)"},
    "historypage.col.title": {"id": "Judul sumber", "en": "Source title"},
    "historypage.col.confidence": {"id": "Keyakinan", "en": "Confidence"},
    "historypage.col.fatalities": {"id": "Korban jiwa", "en": "Fatalities"},
    "historypage.col.location": {"id": "Tempat", "en": "Place"},
}
