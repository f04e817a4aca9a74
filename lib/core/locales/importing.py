"""Messages for reading partners' files: dates, tables, row checks, templates and exports."""

STRINGS: dict[str, dict[str, str]] = {
    # Dates
    "import.date.empty": {"id": "Tanggal kosong.", "en": "The date is empty."},
    "import.date.fix": {
        "id": "Tulis tanggal seperti 13/09/2024, 13 September 2024, September 2024 atau 2024.",
        "en": "Write the date like 13/09/2024, 13 September 2024, September 2024 or 2024.",
    },
    "import.date.unreadable": {
        "id": "\u201c{text}\u201d tidak terbaca sebagai tanggal.",
        "en": "\u201c{text}\u201d cannot be read as a date.",
    },
    "import.date.no_month": {
        "id": "\u201c{text}\u201d tidak terbaca sebagai tanggal: tidak ada bulan ke-{month}.",
        "en": "\u201c{text}\u201d cannot be read as a date: there is no month {month}.",
    },
    "import.date.impossible": {
        "id": "Tanggal \u201c{text}\u201d tidak ada: {month} {year} hanya punya {days} hari.",
        "en": "The date \u201c{text}\u201d does not exist: {month} {year} has only {days} days.",
    },
    "import.date.out_of_range": {
        "id": "Tahun pada \u201c{text}\u201d di luar {first}\u2013{last}.",
        "en": "The year in \u201c{text}\u201d is outside {first}\u2013{last}.",
    },
    "import.date.weekday_mismatch": {
        "id": (
            "Pada \u201c{text}\u201d hari dan tanggal tidak cocok: tanggal itu hari {actual}, bukan {given}."
        ),
        "en": "In \u201c{text}\u201d the day and the date disagree: that date is a {actual}, not a {given}.",
    },
    "import.date.weekday_fix": {
        "id": "Periksa tanggalnya dengan sumber, lalu perbaiki tanggal atau nama harinya.",
        "en": "Check the date against the source, then correct the date or the day name.",
    },
    # Reading a table
    "import.table.too_large": {
        "id": "Berkas {name} berukuran {size} MB; batasnya {limit} MB.",
        "en": "The file {name} is {size} MB; the limit is {limit} MB.",
    },
    "import.table.too_large_fix": {
        "id": "Bagi berkas menjadi beberapa bagian (mis. per tahun) atau hapus kolom yang tidak perlu.",
        "en": "Split the file into parts (e.g. one per year) or delete columns that are not needed.",
    },
    "import.table.empty_file": {"id": "Berkas {name} kosong.", "en": "The file {name} is empty."},
    "import.table.empty_file_fix": {
        "id": "Simpan ulang berkas dari Excel beserta isinya, lalu unggah lagi.",
        "en": "Save the file again from Excel with its contents, then upload it again.",
    },
    "import.table.empty_sheet": {
        "id": "Lembar kerja di {name} kosong.",
        "en": "The worksheets in {name} are empty.",
    },
    "import.table.empty_named_sheet": {
        "id": "Lembar kerja \u201c{sheet}\u201d di {name} kosong.",
        "en": "The worksheet \u201c{sheet}\u201d in {name} is empty.",
    },
    "import.table.empty_sheet_fix": {
        "id": "Buka berkas di Excel, pastikan datanya ada di lembar pertama, simpan, lalu unggah lagi.",
        "en": (
            "Open the file in Excel, make sure the data is on the first sheet, save it and upload it again."
        ),
    },
    "import.table.no_sheet": {
        "id": "Berkas {name} tidak punya lembar kerja \u201c{sheet}\u201d; yang ada: {sheets}.",
        "en": "The file {name} has no worksheet \u201c{sheet}\u201d; it has: {sheets}.",
    },
    "import.table.no_sheet_fix": {
        "id": "Pilih salah satu lembar kerja yang ada.",
        "en": "Pick one of the worksheets it has.",
    },
    "import.table.header_only": {
        "id": "{name} hanya berisi baris judul kolom, tanpa baris data.",
        "en": "{name} holds only the header row, no data rows.",
    },
    "import.table.header_only_fix": {
        "id": "Isi baris data di bawah judul kolom, atau unggah berkas yang benar.",
        "en": "Fill in data rows below the headers, or upload the right file.",
    },
    "import.table.xls": {
        "id": "{name} adalah berkas Excel lama (.xls) yang tidak bisa dibaca Sinergi.",
        "en": "{name} is an old Excel file (.xls), which Sinergi cannot read.",
    },
    "import.table.xls_fix": {
        "id": (
            "Buka di Excel, pilih Simpan Sebagai \u2192 Buku Kerja Excel (.xlsx), lalu "
            "unggah berkas .xlsx itu."
        ),
        "en": "Open it in Excel, choose Save As \u2192 Excel Workbook (.xlsx), then upload the .xlsx file.",
    },
    "import.table.encrypted": {
        "id": "{name} terkunci dengan kata sandi, jadi isinya tidak bisa dibaca.",
        "en": "{name} is locked with a password, so its contents cannot be read.",
    },
    "import.table.encrypted_fix": {
        "id": (
            "Buka di Excel, hapus kata sandinya (File \u2192 Info \u2192 Lindungi Buku Kerja), "
            "simpan, lalu unggah lagi."
        ),
        "en": (
            "Open it in Excel, remove the password (File \u2192 Info \u2192 Protect Workbook), "
            "save, then upload again."
        ),
    },
    "import.table.not_table": {
        "id": "{name} bukan berkas CSV atau Excel yang bisa dibaca.",
        "en": "{name} is not a CSV or Excel file that can be read.",
    },
    "import.table.not_table_fix": {
        "id": "Unggah tabel yang disimpan dari Excel sebagai .xlsx atau CSV.",
        "en": "Upload a table saved from Excel as .xlsx or CSV.",
    },
    "import.table.bad_xlsx": {
        "id": "{name} tidak bisa dibuka sebagai buku kerja Excel; berkasnya rusak atau bukan Excel.",
        "en": "{name} cannot be opened as an Excel workbook; it is damaged or not Excel.",
    },
    "import.table.bad_xlsx_fix": {
        "id": "Buka berkas di Excel, simpan ulang sebagai .xlsx, lalu unggah lagi.",
        "en": "Open the file in Excel, save it again as .xlsx, then upload it again.",
    },
    "import.table.duplicate_headers": {
        "id": "{name} punya judul kolom yang sama lebih dari sekali: {headers}.",
        "en": "{name} has the same column header more than once: {headers}.",
    },
    "import.table.duplicate_headers_fix": {
        "id": "Ganti nama atau hapus kolom kembarnya, lalu unggah lagi.",
        "en": "Rename or delete the repeated column, then upload again.",
    },
    "import.table.unnamed_column": {
        "id": "(kolom {letter} tanpa judul)",
        "en": "(column {letter} without header)",
    },
    # Checking rows
    "import.kind.events": {"id": "kejadian", "en": "events"},
    "import.kind.stakeholders": {"id": "pemangku kepentingan", "en": "stakeholders"},
    "import.kind.links": {"id": "hubungan antarlembaga", "en": "links between institutions"},
    "import.missing_columns": {
        "id": "Tabel {kind} tidak punya kolom wajib: {columns}.",
        "en": "The {kind} table lacks required columns: {columns}.",
    },
    "import.missing_columns_fix": {
        "id": "Tambahkan kolom itu (lihat templat Sinergi untuk nama kolom), lalu unggah lagi.",
        "en": "Add those columns (see the Sinergi template for column names), then upload again.",
    },
    "import.row.empty": {"id": "wajib diisi", "en": "must be filled in"},
    "import.row.region": {"id": "{what} {fix}", "en": "{what} {fix}"},
    "import.row.future": {
        "id": "tanggal {date} belum terjadi (hari ini {today})",
        "en": "the date {date} is in the future (today is {today})",
    },
    "import.row.category": {
        "id": "kategori tidak dikenal; pilih salah satu: {options}",
        "en": "unknown category; use one of: {options}",
    },
    "import.row.choice": {
        "id": "tidak dikenal; pilih salah satu: {options}",
        "en": "not known; use one of: {options}",
    },
    "import.row.severity": {
        "id": "tingkat keparahan harus bilangan bulat 1 sampai 5",
        "en": "severity must be a whole number from 1 to 5",
    },
    "import.row.count": {
        "id": "harus bilangan bulat 0 atau lebih (kosongkan jika tidak diketahui)",
        "en": "must be a whole number, 0 or more (leave empty when unknown)",
    },
    "import.row.number": {
        "id": "harus angka {low} sampai {high}",
        "en": "must be a number from {low} to {high}",
    },
    "import.row.number_min": {
        "id": "harus angka {low} atau lebih",
        "en": "must be a number, {low} or more",
    },
    "import.row.integer_range": {
        "id": "harus bilangan bulat {low} sampai {high}",
        "en": "must be a whole number from {low} to {high}",
    },
    "import.row.coordinate": {
        "id": (
            "koordinat harus di sekitar Bali (lintang {lat_low} s.d. {lat_high}, bujur "
            "{lon_low} s.d. {lon_high})"
        ),
        "en": (
            "coordinates must lie around Bali (latitude {lat_low} to {lat_high}, longitude "
            "{lon_low} to {lon_high})"
        ),
    },
    "import.row.coordinate_swapped": {
        "id": "lintang dan bujur tampaknya tertukar",
        "en": "latitude and longitude seem to be swapped",
    },
    "import.row.coordinate_pair": {
        "id": "isi lintang dan bujur bersama-sama, atau kosongkan keduanya",
        "en": "fill in latitude and longitude together, or leave both empty",
    },
    "import.row.boolean": {
        "id": "harus ya atau tidak",
        "en": "must be yes or no",
    },
    "import.row.example": {
        "id": "ini baris contoh dari templat; hapus baris ini",
        "en": "this is the template's example row; delete it",
    },
    "import.row.too_many_cells": {
        "id": (
            "baris ini punya lebih banyak sel daripada judul kolom; mungkin ada pemisah (; "
            "atau ,) di dalam teks"
        ),
        "en": "this row has more cells than there are headers; a separator (; or ,) may sit inside a text",
    },
    "import.row.id_conflict": {
        "id": "id yang sama sudah dipakai di baris {row} dengan isi berbeda",
        "en": "the same id is already used on row {row} with different contents",
    },
    "import.row.event_conflict": {
        "id": (
            "kejadian yang sama (tanggal, wilayah, kategori, uraian) ada di baris {row} "
            "dengan isi lain berbeda"
        ),
        "en": (
            "the same event (date, region, category, description) is on row {row} with other values differing"
        ),
    },
    "import.row.link_conflict": {
        "id": "hubungan yang sama (dari, ke, jenis) ada di baris {row} dengan isi lain berbeda",
        "en": "the same link (from, to, kind) is on row {row} with other values differing",
    },
    "import.row.slug": {
        "id": "id hanya boleh huruf kecil, angka dan tanda hubung (mis. polres-gianyar)",
        "en": "an id may hold only lower-case letters, digits and hyphens (e.g. polres-gianyar)",
    },
    "import.row.self_link": {
        "id": "lembaga asal dan tujuan sama",
        "en": "the link starts and ends at the same institution",
    },
    "import.row.unknown_stakeholder": {
        "id": "id lembaga tidak dikenal",
        "en": "unknown institution id",
    },
    "import.problems.row": {"id": "Baris", "en": "Row"},
    "import.problems.column": {"id": "Kolom", "en": "Column"},
    "import.problems.value": {"id": "Nilai", "en": "Value"},
    "import.problems.problem": {"id": "Masalah", "en": "Problem"},
    "import.summary": {
        "id": (
            "{good} baris siap disimpan, {bad} baris ditolak, {duplicates} baris kembar "
            "dalam berkas (disimpan sekali)."
        ),
        "en": (
            "{good} rows ready to save, {bad} rows rejected, {duplicates} duplicate rows in "
            "the file (kept once)."
        ),
    },
    "import.summary_ignored": {
        "id": "Kolom yang diabaikan: {columns}.",
        "en": "Columns ignored: {columns}.",
    },
    "import.summary_missing": {
        "id": "Kolom yang tidak ada (dibiarkan kosong): {columns}.",
        "en": "Columns not in the file (left empty): {columns}.",
    },
    "import.choices.value": {"id": "Nilai yang diterima", "en": "Accepted value"},
    "import.header.events.id": {"id": "ID", "en": "ID"},
    "import.example": {"id": "CONTOH \u2014 hapus baris ini", "en": "EXAMPLE \u2014 delete this row"},
    # Template headers: events
    "import.header.events.date": {"id": "Tanggal", "en": "Date"},
    "import.header.events.region_code": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "import.header.events.location": {"id": "Lokasi", "en": "Location"},
    "import.header.events.lat": {"id": "Lintang", "en": "Latitude"},
    "import.header.events.lon": {"id": "Bujur", "en": "Longitude"},
    "import.header.events.election_id": {"id": "ID Pemilihan", "en": "Election ID"},
    "import.header.events.election_label": {"id": "Pemilihan", "en": "Election"},
    "import.header.events.category": {"id": "Kategori", "en": "Category"},
    "import.header.events.severity": {"id": "Tingkat keparahan (1-5)", "en": "Severity (1-5)"},
    "import.header.events.fatalities": {"id": "Korban jiwa", "en": "Fatalities"},
    "import.header.events.description": {"id": "Uraian", "en": "Description"},
    "import.header.events.source_url": {"id": "Tautan sumber", "en": "Source URL"},
    "import.header.events.source_title": {"id": "Judul sumber", "en": "Source title"},
    "import.header.events.confidence": {"id": "Keyakinan", "en": "Confidence"},
    "import.header.events.severity_basis": {"id": "Dasar keparahan", "en": "Severity basis"},
    "import.header.events.phase_reported": {"id": "Tahap", "en": "Phase"},
    "import.header.events.classification": {"id": "Klasifikasi", "en": "Classification"},
    # Template headers: stakeholders
    "import.header.stakeholders.id": {"id": "ID", "en": "ID"},
    "import.header.stakeholders.name": {"id": "Nama", "en": "Name"},
    "import.header.stakeholders.acronym": {"id": "Singkatan", "en": "Acronym"},
    "import.header.stakeholders.type": {"id": "Jenis", "en": "Type"},
    "import.header.stakeholders.level": {"id": "Tingkat", "en": "Level"},
    "import.header.stakeholders.region_code": {"id": "Kabupaten/Kota", "en": "Regency/City"},
    "import.header.stakeholders.role": {"id": "Peran", "en": "Role"},
    "import.header.stakeholders.classification": {"id": "Klasifikasi", "en": "Classification"},
    "import.header.stakeholders.source": {"id": "Sumber", "en": "Source"},
    "import.header.stakeholders.note": {"id": "Catatan", "en": "Note"},
    # Template headers: links
    "import.header.links.source_id": {"id": "Dari (ID)", "en": "From (ID)"},
    "import.header.links.target_id": {"id": "Ke (ID)", "en": "To (ID)"},
    "import.header.links.kind": {"id": "Jenis hubungan", "en": "Link kind"},
    "import.header.links.directed": {"id": "Searah", "en": "Directed"},
    "import.header.links.strength": {"id": "Kekuatan", "en": "Strength"},
    "import.header.links.delay_hours": {"id": "Jeda (jam)", "en": "Delay (hours)"},
    "import.header.links.channel": {"id": "Saluran", "en": "Channel"},
    "import.header.links.assumption": {"id": "Asumsi", "en": "Assumption"},
    "import.header.links.source_ref": {"id": "Sumber", "en": "Source"},
    "import.header.links.note": {"id": "Catatan", "en": "Note"},
    "import.header.links.classification": {"id": "Klasifikasi", "en": "Classification"},
    # The bundled files in data/ (lib/intake/bundle.py)
    "bundle.missing_file": {
        "id": "Berkas data {name} tidak ditemukan di {folder}.",
        "en": "The data file {name} was not found in {folder}.",
    },
    "bundle.missing_file_fix": {
        "id": "Pulihkan folder data/ dari repositori Sinergi.",
        "en": "Restore the data/ folder from the Sinergi repository.",
    },
    "bundle.missing_columns": {
        "id": "Berkas data {name} tidak punya kolom {columns}.",
        "en": "The data file {name} has no column {columns}.",
    },
    "bundle.missing_columns_fix": {
        "id": "Pulihkan berkas itu dari repositori Sinergi atau tambahkan kolomnya.",
        "en": "Restore that file from the Sinergi repository or add the columns.",
    },
    "bundle.bad_cell": {
        "id": "Berkas data {name}, baris {row}, kolom {column}: \u201c{value}\u201d bukan {expected}.",
        "en": "Data file {name}, row {row}, column {column}: \u201c{value}\u201d is not {expected}.",
    },
    "bundle.bad_cell_fix": {
        "id": "Perbaiki sel itu di berkas data (nilai yang tidak diketahui dibiarkan kosong).",
        "en": "Correct that cell in the data file (leave unknown values empty).",
    },
    "bundle.regions": {
        "id": "Berkas data {name} harus memuat Bali (51) dan 9 kabupaten/kota; ditemukan {codes}.",
        "en": "The data file {name} must hold Bali (51) and its 9 regencies/city; found {codes}.",
    },
    "bundle.regions_fix": {
        "id": "Pulihkan berkas itu dari repositori Sinergi.",
        "en": "Restore that file from the Sinergi repository.",
    },
    "bundle.value_cell": {
        "id": "Berkas data {name}, baris {row}, kolom {column}: {what}",
        "en": "Data file {name}, row {row}, column {column}: {what}",
    },
    "bundle.expect.number": {"id": "angka", "en": "a number"},
    "bundle.expect.iso_date": {"id": "tanggal YYYY-MM-DD", "en": "a date YYYY-MM-DD"},
    "bundle.expect.one_of": {"id": "salah satu dari {values}", "en": "one of {values}"},
    "bundle.expect.source": {"id": "sumber (URL atau rujukan)", "en": "a source (URL or reference)"},
    "bundle.expect.unique_id": {"id": "id unik", "en": "a unique id"},
    "bundle.expect.on_or_after": {"id": "tanggal pada/sesudah {start}", "en": "a date on or after {start}"},
    "bundle.expect.precision": {"id": "day, month atau year", "en": "day, month or year"},
    "bundle.expect.date_form": {"id": "tanggal berbentuk {precision}", "en": "a date in {precision} form"},
    "bundle.expect.real_date": {"id": "tanggal yang ada", "en": "a date that exists"},
    "bundle.expect.severity": {"id": "angka 1 sampai 5", "en": "a number 1 to 5"},
}
