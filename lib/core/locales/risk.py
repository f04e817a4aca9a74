"""Names and messages of the vulnerability index, its charts and the TPS deployment planner."""

STRINGS: dict[str, dict[str, str]] = {
    # Dimensions (Bawaslu IKP 2024 names)
    "risk.dimension.konteks_sosial_politik": {
        "id": "Konteks sosial politik",
        "en": "Social-political context",
    },
    "risk.dimension.penyelenggaraan": {"id": "Penyelenggaraan pemilu", "en": "Conduct of the election"},
    "risk.dimension.kontestasi": {"id": "Kontestasi", "en": "Contestation"},
    "risk.dimension.partisipasi": {"id": "Partisipasi", "en": "Participation"},
    # Categories
    "risk.category.rendah": {"id": "Rawan rendah", "en": "Low"},
    "risk.category.sedang": {"id": "Rawan sedang", "en": "Medium"},
    "risk.category.tinggi": {"id": "Rawan tinggi", "en": "High"},
    "risk.category.tidak diketahui": {"id": "Tidak diketahui", "en": "Unknown"},
    # Units
    "risk.unit.per_100k_dpt": {"id": "per 100.000 pemilih (DPT)", "en": "per 100,000 voters (DPT)"},
    "risk.unit.voters_per_tps": {"id": "pemilih per TPS", "en": "voters per polling station"},
    "risk.unit.share": {"id": "proporsi (0\u20131)", "en": "share (0\u20131)"},
    "risk.unit.percent": {"id": "persen", "en": "per cent"},
    "risk.unit.score_0_100": {"id": "skor 0\u2013100", "en": "score 0\u2013100"},
    "risk.unit.pairs": {"id": "pasangan calon", "en": "candidate pairs"},
    # Sources and notes of derived values
    "risk.derived.events_source": {
        "id": "dihitung: peristiwa yang tercatat di Sinergi ({categories}), bobot kebaruan dengan "
        "waktu paruh {half_life} tahun, per 100.000 DPT",
        "en": "derived: events recorded in Sinergi ({categories}), recency-weighted with a half-life of "
        "{half_life} years, per 100,000 DPT",
    },
    "risk.derived.events_note": {
        "id": "{count} peristiwa sampai {as_of}, bobot total {weight}; DPT {dpt}",
        "en": "{count} events up to {as_of}, total weight {weight}; DPT {dpt}",
    },
    "risk.derived.posko_source": {
        "id": "dihitung: laporan Posko pada periode yang dipilih, per 100.000 DPT",
        "en": "derived: Posko reports in the chosen period, per 100,000 DPT",
    },
    "risk.derived.posko_note": {
        "id": "{count} laporan; DPT {dpt}",
        "en": "{count} reports; DPT {dpt}",
    },
    "risk.derived.tps_source": {
        "id": "dihitung: DPT dibagi jumlah TPS (angka pemilihan)",
        "en": "derived: DPT divided by the number of TPS (election figures)",
    },
    "risk.derived.tps_note": {
        "id": "DPT {dpt} / TPS {tps}; sumber angka: {source}",
        "en": "DPT {dpt} / TPS {tps}; figures from: {source}",
    },
    "risk.derived.pairs_source": {
        "id": "dihitung: jumlah pasangan calon pada pemilihan kepala daerah",
        "en": "derived: number of candidate pairs in the regional head race",
    },
    "risk.derived.pairs_note": {
        "id": "{contest}; sumber: {source}",
        "en": "{contest}; source: {source}",
    },
    # Weights in the link
    "risk.weights.unreadable": {
        "id": "Bobot indeks \u201c{text}\u201d dalam tautan tidak dapat dibaca.",
        "en": "The index weights \u201c{text}\u201d in the link cannot be read.",
    },
    "risk.weights.unknown_key": {
        "id": "Tautan memberi bobot untuk indikator \u201c{key}\u201d yang tidak dikenal.",
        "en": "The link gives a weight to the indicator \u201c{key}\u201d, which is not known.",
    },
    "risk.weights.bad_value": {
        "id": "Bobot \u201c{value}\u201d untuk {key} bukan angka antara 0 dan {maximum}.",
        "en": "The weight \u201c{value}\u201d for {key} is not a number between 0 and {maximum}.",
    },
    "risk.weights.repeated": {
        "id": "Tautan memberi bobot untuk {key} lebih dari sekali.",
        "en": "The link gives a weight to {key} more than once.",
    },
    "risk.weights.fix": {
        "id": "Buka halaman Skenario dan atur bobot lagi, atau minta tautan baru kepada pengirimnya.",
        "en": "Open the Scenario page and set the weights again, or ask the sender for a new link.",
    },
    "risk.weights.all_zero": {
        "id": "Semua bobot indikator bernilai 0, jadi indeks tidak dapat dihitung.",
        "en": "Every indicator weight is 0, so the index cannot be computed.",
    },
    "risk.weights.all_zero_fix": {
        "id": "Beri setidaknya satu indikator bobot di atas 0.",
        "en": "Give at least one indicator a weight above 0.",
    },
    # Indicator definitions file
    "risk.definitions.missing_columns": {
        "id": "Daftar indikator tidak memiliki kolom {columns}.",
        "en": "The indicator list has no column {columns}.",
    },
    "risk.definitions.missing_columns_fix": {
        "id": "Pulihkan data/indicators.csv dari repositori Sinergi.",
        "en": "Restore data/indicators.csv from the Sinergi repository.",
    },
    "risk.definitions.bad_cell": {
        "id": "Daftar indikator, baris {row}, kolom {column}: \u201c{value}\u201d bukan {expected}.",
        "en": "The indicator list, row {row}, column {column}: \u201c{value}\u201d is not {expected}.",
    },
    "risk.definitions.bad_cell_fix": {
        "id": "Perbaiki sel itu di data/indicators.csv lalu muat ulang halaman.",
        "en": "Correct that cell in data/indicators.csv, then reload the page.",
    },
    "risk.expected.dimension": {
        "id": "salah satu dimensi IKP ({options})",
        "en": "one of the IKP dimensions ({options})",
    },
    "risk.expected.direction": {"id": "arah yang dikenal ({options})", "en": "a known direction ({options})"},
    "risk.expected.weight": {"id": "bobot angka 0 atau lebih", "en": "a weight of 0 or more"},
    "risk.expected.unit": {"id": "satuan yang dikenal ({options})", "en": "a known unit ({options})"},
    "risk.expected.flag": {"id": "true atau false", "en": "true or false"},
    "risk.expected.unique_key": {"id": "kunci yang unik", "en": "a unique key"},
    "risk.expected.text": {"id": "teks yang terisi", "en": "filled-in text"},
    # Indicator values (editable table / Excel import)
    "risk.values.missing_columns": {
        "id": "Tabel nilai indikator tidak memiliki kolom {columns}.",
        "en": "The indicator values table has no column {columns}.",
    },
    "risk.values.missing_columns_fix": {
        "id": "Gunakan templat dengan kolom region_code, key, value, year, source dan note.",
        "en": "Use the template with the columns region_code, key, value, year, source and note.",
    },
    "risk.values.unknown_key": {
        "id": "Indikator \u201c{key}\u201d tidak dikenal.",
        "en": "The indicator \u201c{key}\u201d is not known.",
    },
    "risk.values.unknown_key_fix": {
        "id": "Tulis salah satu kunci dari daftar indikator{hint}.",
        "en": "Write one of the keys in the indicator list{hint}.",
    },
    "risk.values.did_you_mean": {"id": " (mungkin {options})", "en": " (perhaps {options})"},
    "risk.values.derived_key": {
        "id": "Indikator \u201c{key}\u201d dihitung oleh Sinergi dan tidak diisi tangan.",
        "en": "The indicator \u201c{key}\u201d is computed by Sinergi, not entered by hand.",
    },
    "risk.values.derived_key_fix": {
        "id": "Hapus baris ini; tambahkan peristiwa atau angka pemilihan yang menjadi dasarnya.",
        "en": "Delete this row; add the events or election figures it is computed from instead.",
    },
    "risk.values.not_regency": {
        "id": "Wilayah \u201c{text}\u201d bukan kabupaten/kota; indeks membandingkan kabupaten/kota.",
        "en": (
            "The region \u201c{text}\u201d is not a regency or city; the index compares regencies and cities."
        ),
    },
    "risk.values.not_regency_fix": {
        "id": "Tulis kabupaten/kota yang dimaksud (mis. Buleleng atau 51.08).",
        "en": "Write the regency or city it belongs to (e.g. Buleleng or 51.08).",
    },
    "risk.values.empty_value": {
        "id": "Baris untuk {key} tidak berisi nilai.",
        "en": "The row for {key} has no value.",
    },
    "risk.values.empty_value_fix": {
        "id": "Isi nilainya, atau hapus baris ini bila nilainya tidak diketahui.",
        "en": "Enter the value, or delete the row if the value is not known.",
    },
    "risk.values.not_number": {
        "id": "Nilai \u201c{value}\u201d untuk {key} bukan angka.",
        "en": "The value \u201c{value}\u201d for {key} is not a number.",
    },
    "risk.values.not_number_fix": {
        "id": "Tulis angka saja, mis. 0,32 atau 60.",
        "en": "Write a number only, e.g. 0.32 or 60.",
    },
    "risk.values.out_of_range": {
        "id": "Nilai {value} untuk {key} berada di luar rentang {unit} ({low}\u2013{high}).",
        "en": "The value {value} for {key} is outside the range of {unit} ({low}\u2013{high}).",
    },
    "risk.values.out_of_range_fix": {
        "id": "Periksa nilainya di sumber; proporsi ditulis 0\u20131, persen 0\u2013100.",
        "en": "Check the value in the source; shares are written 0\u20131, per cents 0\u2013100.",
    },
    "risk.values.bad_year": {
        "id": "Tahun \u201c{value}\u201d bukan tahun antara {low} dan {high}.",
        "en": "The year \u201c{value}\u201d is not a year between {low} and {high}.",
    },
    "risk.values.bad_year_fix": {
        "id": "Tulis tahun data dengan empat angka, mis. 2024.",
        "en": "Write the year of the data as four digits, e.g. 2024.",
    },
    "risk.values.no_source": {
        "id": "Nilai {key} untuk {region} tidak mencantumkan sumber.",
        "en": "The value of {key} for {region} gives no source.",
    },
    "risk.values.no_source_fix": {
        "id": "Tulis tautan atau rujukan sumbernya (judul, tanggal) di kolom source.",
        "en": "Write the link or reference of its source (title, date) in the source column.",
    },
    "risk.values.duplicate": {
        "id": "{key} untuk {region} tahun {year} sudah ada di baris {first}.",
        "en": "{key} for {region} in {year} is already in row {first}.",
    },
    "risk.values.duplicate_fix": {
        "id": "Simpan satu baris saja: hapus salah satunya.",
        "en": "Keep one row only: delete one of them.",
    },
    # Charts
    "risk.chart.region": {"id": "Wilayah", "en": "Region"},
    "risk.chart.index": {"id": "Indeks kerawanan (0\u2013100)", "en": "Vulnerability index (0\u2013100)"},
    "risk.chart.category": {"id": "Kategori", "en": "Category"},
    "risk.chart.coverage": {"id": "Cakupan bobot", "en": "Weight coverage"},
    "risk.chart.known": {"id": "Indikator diketahui", "en": "Indicators known"},
    "risk.chart.rank": {"id": "Peringkat (1 = paling rawan)", "en": "Rank (1 = most vulnerable)"},
    "risk.chart.rank_base": {"id": "Peringkat dengan bobot terpilih", "en": "Rank with the chosen weights"},
    "risk.chart.rank_min": {"id": "Peringkat terbaik", "en": "Highest rank"},
    "risk.chart.rank_median": {"id": "Peringkat median", "en": "Median rank"},
    "risk.chart.rank_max": {"id": "Peringkat terburuk", "en": "Lowest rank"},
    "risk.chart.indicator": {"id": "Indikator", "en": "Indicator"},
    "risk.chart.dimension": {"id": "Dimensi", "en": "Dimension"},
    "risk.chart.value": {"id": "Nilai", "en": "Value"},
    "risk.chart.score": {"id": "Skor (0\u2013100)", "en": "Score (0\u2013100)"},
    "risk.chart.weight_share": {"id": "Porsi bobot", "en": "Weight share"},
    "risk.chart.contribution": {"id": "Sumbangan ke indeks", "en": "Contribution to the index"},
    "risk.chart.source": {"id": "Sumber", "en": "Source"},
    "risk.chart.contribution_title": {
        "id": "Apa yang membentuk indeks {region}",
        "en": "What makes up the index of {region}",
    },
    "risk.chart.unknown": {"id": "tidak diketahui", "en": "unknown"},
    # Deployment planner
    "risk.tps.kurang_rawan": {"id": "Kurang rawan", "en": "Less vulnerable"},
    "risk.tps.rawan": {"id": "Rawan", "en": "Vulnerable"},
    "risk.tps.sangat_rawan": {"id": "Sangat rawan", "en": "Highly vulnerable"},
    "risk.tps.total": {"id": "Jumlah", "en": "Total"},
    "risk.deployment.bad_count": {
        "id": "Jumlah TPS {category} \u201c{value}\u201d bukan bilangan bulat 0 atau lebih.",
        "en": "The number of {category} TPS \u201c{value}\u201d is not a whole number of 0 or more.",
    },
    "risk.deployment.bad_count_fix": {
        "id": "Tulis jumlah TPS sebagai bilangan bulat, atau kosongkan bila tidak diketahui.",
        "en": "Write the number of TPS as a whole number, or leave it empty when unknown.",
    },
    "risk.deployment.too_many_moved": {
        "id": "Tidak dapat memindahkan {moved} TPS: hanya ada {available} TPS {category}.",
        "en": "Cannot move {moved} TPS: there are only {available} {category} TPS.",
    },
    "risk.deployment.too_many_moved_fix": {
        "id": "Pilih jumlah yang tidak lebih dari {available}.",
        "en": "Choose a number no larger than {available}.",
    },
}
