"""Ringkasan (overview) page and shared table headers."""

STRINGS: dict[str, dict[str, str]] = {
    "overview.title": {"id": "Ringkasan", "en": "Overview"},
    "overview.voting_day": {"id": "Hari pemungutan suara", "en": "Voting day"},
    "overview.voting_today": {"id": "Hari ini hari pemungutan", "en": "Voting is today"},
    "overview.days_to": {"id": "H-{n} ({n} hari lagi)", "en": "D-{n} ({n} days to go)"},
    "overview.days_since": {"id": "H+{n} ({n} hari lalu)", "en": "D+{n} ({n} days ago)"},
    "overview.stage": {"id": "Tahapan berjalan", "en": "Current stage"},
    "overview.no_stage": {"id": "Tidak ada tahapan berjalan", "en": "No stage under way"},
    "overview.dpt": {"id": "Pemilih (DPT)", "en": "Voters (DPT)"},
    "overview.tps": {"id": "TPS", "en": "Polling stations (TPS)"},
    "overview.voters_per_tps": {"id": "Pemilih per TPS", "en": "Voters per TPS"},
    "overview.contests": {"id": "Kontestasi", "en": "Contests"},
    "overview.events_in_period": {"id": "Peristiwa dalam periode", "en": "Events in the period"},
    "overview.latest": {"id": "Peristiwa terbaru (dengan sumber)", "en": "Latest events (with sources)"},
    "overview.no_events": {
        "id": "Tidak ada peristiwa tercatat untuk pilihan ini.",
        "en": "No events recorded for this choice.",
    },
    "overview.posko": {"id": "Laporan Posko", "en": "Command-post reports"},
    "overview.posko_empty": {
        "id": "Posko belum menerima laporan: 24 jam terakhir 0, 7 hari terakhir 0. Tidak ada peringatan "
        "yang menunggu konfirmasi.",
        "en": "The command post has received no reports: last 24 hours 0, last 7 days 0. No alerts are "
        "waiting for acknowledgement.",
    },
    "overview.figures_source": {"id": "Sumber angka: {source}", "en": "Source of the figures: {source}"},
    "overview.by_regency": {"id": "Peristiwa per kabupaten/kota", "en": "Events by regency"},
    "col.date": {"id": "Tanggal", "en": "Date"},
    "col.region": {"id": "Wilayah", "en": "Region"},
    "col.category": {"id": "Kategori", "en": "Category"},
    "col.severity": {"id": "Keparahan (1\u20135)", "en": "Severity (1\u20135)"},
    "col.description": {"id": "Uraian", "en": "Description"},
    "col.source": {"id": "Sumber", "en": "Source"},
    "col.events": {"id": "Peristiwa", "en": "Events"},
    "col.events_per_100k": {"id": "Peristiwa per 100.000 pemilih", "en": "Events per 100,000 voters"},
    "col.dpt": {"id": "DPT", "en": "Voters (DPT)"},
    "col.tps": {"id": "TPS", "en": "TPS"},
    "col.name": {"id": "Nama", "en": "Name"},
}

STRINGS.update(
    {
        "overview.map": {"id": "Peta kerawanan", "en": "Vulnerability map"},
        "overview.change": {
            "id": "Perubahan: 7 hari terakhir dibanding rata-rata mingguan 4 minggu sebelumnya",
            "en": "Change: last 7 days against the weekly average of the 4 weeks before",
        },
        "overview.rose": {"id": "Naik", "en": "Rose"},
        "overview.none_rose": {
            "id": "Tidak ada kabupaten/kota yang naik.",
            "en": "No regency rose.",
        },
        "overview.col.last_7d": {"id": "7 hari", "en": "7 days"},
        "overview.col.last_24h": {"id": "24 jam terakhir", "en": "Last 24 hours"},
        "overview.col.weekly_before": {"id": "Rata-rata/minggu", "en": "Weekly average"},
        "overview.col.open_alerts": {"id": "Peringatan terbuka", "en": "Open alerts"},
        "overview.alerts": {"id": "Peringatan belum dikonfirmasi", "en": "Alerts not acknowledged"},
        "overview.posko_public": {
            "id": "Laporan Posko hanya terlihat setelah masuk (operator Posko atau analis). "
            "Laporan yang sudah diverifikasi tampil sebagai peristiwa di peta dan riwayat.",
            "en": "Command-post reports are visible after signing in (Posko operator or analyst). Verified "
            "reports appear as events on the map and in the history.",
        },
        "overview.as_of": {"id": "Per {day}", "en": "As of {day}"},
    }
)
STRINGS.update(
    {
        "overview.voting_day_on": {"id": "Pemungutan suara {day}", "en": "Voting day {day}"},
        "overview.change_title": {"id": "Perubahan mingguan", "en": "Weekly change"},
    }
)
