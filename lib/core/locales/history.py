"""Strings of the conflict history: chart titles, the period in the link, ACLED import messages."""

STRINGS: dict[str, dict[str, str]] = {
    # Charts
    "history.axis.period": {"id": "Periode", "en": "Period"},
    "history.axis.month": {"id": "Bulan", "en": "Month"},
    "history.axis.year": {"id": "Tahun", "en": "Year"},
    "history.axis.count": {"id": "Jumlah kejadian", "en": "Number of events"},
    "history.axis.category": {"id": "Kategori", "en": "Category"},
    "history.axis.election": {"id": "Pemilihan", "en": "Election"},
    "history.axis.voting_day": {"id": "Hari pemungutan suara", "en": "Voting day"},
    "history.axis.days": {"id": "Hari dari hari pemungutan suara", "en": "Days from voting day"},
    "history.axis.date": {"id": "Tanggal", "en": "Date"},
    "history.axis.date_known": {"id": "Tanggal diketahui sampai", "en": "Date known to the"},
    "history.axis.place": {"id": "Tempat", "en": "Place"},
    "history.axis.region": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "history.axis.description": {"id": "Uraian", "en": "Description"},
    "history.axis.source": {"id": "Sumber", "en": "Source"},
    "history.axis.severity": {"id": "Tingkat keparahan (1\u20135)", "en": "Severity (1\u20135)"},
    "history.axis.max_severity": {
        "id": "Keparahan tertinggi (1\u20135)",
        "en": "Highest severity (1\u20135)",
    },
    "history.axis.fatalities": {"id": "Korban jiwa", "en": "Fatalities"},
    "history.axis.fatalities_known": {
        "id": "Kejadian dengan data korban jiwa",
        "en": "Events with known fatalities",
    },
    "history.axis.focus": {"id": "Wilayah fokus", "en": "Focus region"},
    "history.axis.events_on_day": {"id": "Jumlah kejadian pada hari itu", "en": "Events on that day"},
    "history.voting_day": {"id": "hari pemungutan", "en": "voting day"},
    "history.unknown": {"id": "tidak diketahui", "en": "unknown"},
    "history.in_focus": {"id": "di wilayah fokus", "en": "in the focus region"},
    "history.outside_focus": {"id": "di luar wilayah fokus", "en": "outside the focus region"},
    "history.province_wide": {"id": "Seluruh Bali", "en": "All of Bali"},
    "history.timeline_title": {"id": "Kejadian konflik per {period}", "en": "Conflict events per {period}"},
    "history.timeline_brush_hint": {
        "id": "Seret pada grafik untuk memilih periode.",
        "en": "Drag across the chart to pick a period.",
    },
    "history.coarse_title": {
        "id": "Kejadian yang hanya diketahui tahunnya (digambar selebar tahun itu)",
        "en": "Events known only to the year (drawn across that year)",
    },
    "history.aligned_title": {
        "id": "Kejadian disejajarkan pada hari pemungutan suara",
        "en": "Events aligned on voting day",
    },
    "history.aligned_not_shown": {
        "id": "{n} kejadian yang hanya diketahui bulan/tahunnya tidak ditampilkan.",
        "en": "{n} events known only to the month or year are not shown.",
    },
    "history.aligned_binned": {
        "id": "Terlalu banyak titik: kejadian dijumlahkan per hari, pemilihan dan kategori.",
        "en": "Too many points: events are counted per day, election and category.",
    },
    "history.heatmap_title": {
        "id": "Kejadian per kabupaten/kota dan kategori",
        "en": "Events by regency/city and category",
    },
    # Period in the share link
    "history.range_unreadable": {
        "id": "Periode \u201c{text}\u201d dalam tautan tidak dapat dibaca.",
        "en": "The period \u201c{text}\u201d in the link cannot be read.",
    },
    "history.range_unreadable_fix": {
        "id": "Pilih periode lagi di grafik; tautan menuliskannya sebagai 2024-09-01~2024-12-31.",
        "en": "Pick the period again on the chart; the link writes it as 2024-09-01~2024-12-31.",
    },
    # ACLED import
    "history.acled_unreadable": {
        "id": "Berkas ACLED {file} tidak dapat dibaca ({error}).",
        "en": "The ACLED file {file} cannot be read ({error}).",
    },
    "history.acled_unreadable_fix": {
        "id": "Unduh lagi dari ACLED sebagai CSV atau Excel, lalu unggah tanpa mengubahnya.",
        "en": "Download it again from ACLED as CSV or Excel and upload it unchanged.",
    },
    "history.acled_missing_columns": {
        "id": "Berkas ACLED {file} tidak memiliki kolom {columns}.",
        "en": "The ACLED file {file} has no column {columns}.",
    },
    "history.acled_missing_columns_fix": {
        "id": "Unduh lagi dari ACLED dengan semua kolom (format standar ACLED).",
        "en": "Download it again from ACLED with all columns (ACLED's standard format).",
    },
    "history.acled_expect_id": {
        "id": "kode kejadian ACLED (mis. IDN12345)",
        "en": "an ACLED event id (e.g. IDN12345)",
    },
    "history.acled_expect_date": {
        "id": "tanggal seperti 2024-11-27",
        "en": "a date such as 2024-11-27",
    },
    "history.acled_expect_past": {
        "id": "tanggal yang tidak melewati hari ini ({today})",
        "en": "a date not after today ({today})",
    },
    "history.acled_expect_time_precision": {
        "id": "1 (hari tepat), 2 (dalam seminggu) atau 3 (dalam sebulan)",
        "en": "1 (exact day), 2 (within a week) or 3 (within a month)",
    },
    "history.acled_expect_event_type": {
        "id": "salah satu jenis kejadian ACLED: {types}",
        "en": "one of ACLED's event types: {types}",
    },
    "history.acled_expect_fatalities": {
        "id": "bilangan bulat 0 atau lebih",
        "en": "a whole number, 0 or more",
    },
    "history.acled_expect_coordinate": {
        "id": "lintang dan bujur dalam derajat desimal (mis. -8.112, 115.088), atau keduanya kosong",
        "en": "latitude and longitude in decimal degrees (e.g. -8.112, 115.088), or both empty",
    },
    "history.acled_expect_place": {
        "id": "nama kabupaten/kota di Bali, atau koordinat di Bali",
        "en": "a regency/city name in Bali, or coordinates in Bali",
    },
    "history.acled_duplicate": {
        "id": "kode kejadian yang tidak berulang (sama dengan baris {first}; baris {kept} yang dipakai)",
        "en": "an event id used once (same as row {first}; row {kept} is kept)",
    },
}
