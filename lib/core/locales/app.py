"""Navigation, sidebar filters and texts shared by pages."""

STRINGS: dict[str, dict[str, str]] = {
    "nav.ringkasan": {"id": "Ringkasan", "en": "Overview"},
    "nav.peta": {"id": "Peta", "en": "Map"},
    "nav.pemangku": {"id": "Pemangku Kepentingan", "en": "Stakeholders"},
    "nav.riwayat": {"id": "Riwayat Konflik", "en": "Conflict history"},
    "nav.posko": {"id": "Posko", "en": "Command post"},
    "nav.tautan": {"id": "Tautan berbagi", "en": "Share links"},
    "nav.skenario": {"id": "Skenario", "en": "Scenarios"},
    "nav.data": {"id": "Data", "en": "Data"},
    "filter.election": {"id": "Pemilihan", "en": "Election"},
    "filter.period": {"id": "Periode", "en": "Period"},
    "filter.period.all": {"id": "Semua waktu", "en": "All time"},
    "filter.period.election": {"id": "Tahapan pemilihan ini", "en": "This election's stages"},
    "filter.period.custom": {"id": "Pilih tanggal\u2026", "en": "Choose dates\u2026"},
    "filter.period.range": {"id": "Dari \u2013 sampai", "en": "From \u2013 to"},
    "filter.focus": {"id": "Fokus wilayah", "en": "Regency focus"},
    "filter.focus.all": {"id": "Seluruh Bali", "en": "All of Bali"},
    "focus.banner": {"id": "Fokus: {name}", "en": "Focus: {name}"},
    "common.unknown": {"id": "tidak diketahui", "en": "unknown"},
    "common.source": {"id": "Sumber", "en": "Source"},
    "common.download_xlsx": {"id": "Unduh Excel", "en": "Download Excel"},
    "common.download_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "common.illustrative": {
        "id": "Contoh ilustrasi, bukan data nyata",
        "en": "Illustrative example, not real data",
    },
}

STRINGS.update(
    {
        "alerts.banner": {
            "id": "{n} laporan Posko berat (keparahan \u2265 4) belum dikonfirmasi.",
            "en": "{n} severe command-post report(s) (severity \u2265 4) not yet acknowledged.",
        },
        "alerts.open_posko": {"id": "Buka Posko", "en": "Open the command post"},
    }
)

STRINGS.update(
    {
        "common.download_png": {"id": "Unduh gambar (PNG)", "en": "Download picture (PNG)"},
        "common.download_pdf": {"id": "Unduh PDF", "en": "Download PDF"},
    }
)
