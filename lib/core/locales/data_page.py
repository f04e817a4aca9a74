"""Strings of the Data page: imports, ACLED, boundaries, indicator values, downloads."""

STRINGS = {
    "datapage.title": {"id": "Data", "en": "Data"},
    "datapage.intro": {
        "id": "Masukkan data dari mitra dengan aman: setiap berkas diperiksa dulu, Anda melihat pratinjau "
        "dan baris yang ditolak, dan hanya baris yang baik yang disimpan setelah Anda menekan Simpan.",
        "en": "Bring in what partners send, safely: every file is checked first, you see a preview and the "
        "rejected rows, and only the good rows are stored after you press Save.",
    },
    "datapage.tab.tables": {"id": "Impor CSV/Excel", "en": "Import CSV/Excel"},
    "datapage.tab.acled": {"id": "Impor ACLED", "en": "ACLED import"},
    "datapage.tab.boundaries": {"id": "Batas wilayah", "en": "Boundaries"},
    "datapage.tab.indicators": {"id": "Nilai indikator", "en": "Indicator values"},
    "datapage.tab.downloads": {"id": "Unduhan", "en": "Downloads"},
    # --- who may save
    "datapage.must_sign_in": {
        "id": "Hanya pratinjau: menyimpan data hanya boleh dilakukan analis atau admin. "
        "Masuk sebagai analis/admin di bilah samping untuk menyimpan.",
        "en": "Preview only: only an analyst or an admin may store data. "
        "Sign in as analyst/admin in the sidebar to save.",
    },
    # --- tables
    "datapage.kind": {"id": "Jenis data", "en": "Kind of data"},
    "datapage.kind.events": {"id": "Kejadian", "en": "Events"},
    "datapage.kind.stakeholders": {"id": "Lembaga", "en": "Institutions"},
    "datapage.kind.links": {"id": "Hubungan antarlembaga", "en": "Links between institutions"},
    "datapage.kind.indicator_values": {"id": "Nilai indikator", "en": "Indicator values"},
    "datapage.upload.table": {
        "id": "Berkas CSV atau Excel (.xlsx) berisi {kind}",
        "en": "CSV or Excel (.xlsx) file of {kind}",
    },
    "datapage.upload.help": {
        "id": "Paling besar 20 MB. Judul kolom bahasa Indonesia diterima. Unduh templat di tab Unduhan.",
        "en": "At most 20 MB. Indonesian headers are accepted. Download a template in the Downloads tab.",
    },
    "datapage.links_hint": {
        "id": "Kedua ujung setiap hubungan harus lembaga yang sudah tersimpan: impor lembaga lebih dulu.",
        "en": "Both ends of every link must be stored institutions: import the institutions first.",
    },
    "datapage.read.csv": {
        "id": "{file}: dibaca sebagai CSV, pengodean {encoding}, pemisah {delimiter}, judul kolom di baris "
        "{header}.",
        "en": "{file}: read as CSV, encoding {encoding}, delimiter {delimiter}, headers on row {header}.",
    },
    "datapage.read.xlsx": {
        "id": "{file}: dibaca sebagai Excel, lembar \u201c{sheet}\u201d, judul kolom di baris {header}.",
        "en": "{file}: read as Excel, sheet \u201c{sheet}\u201d, headers on row {header}.",
    },
    "datapage.delimiter.comma": {"id": "koma (,)", "en": "comma (,)"},
    "datapage.delimiter.semicolon": {"id": "titik koma (;)", "en": "semicolon (;)"},
    "datapage.delimiter.tab": {"id": "tab", "en": "tab"},
    "datapage.good": {"id": "Baris yang akan disimpan: {n}", "en": "Rows to be saved: {n}"},
    "datapage.bad": {"id": "Baris yang ditolak: {n}", "en": "Rejected rows: {n}"},
    "datapage.bad_caption": {
        "id": "Baris ini tidak disimpan. Perbaiki di berkas (nomor baris seperti di Excel) lalu unggah lagi.",
        "en": "These rows are not saved. Fix them in the file (row numbers as Excel shows them) and upload "
        "it again.",
    },
    "datapage.col.row": {"id": "Baris", "en": "Row"},
    "datapage.confirm": {"id": "Simpan {n} baris", "en": "Save {n} rows"},
    "datapage.nothing_to_save": {
        "id": "Berkas {file} tidak berisi satu pun baris yang dapat disimpan.",
        "en": "The file {file} holds no row that can be saved.",
    },
    "datapage.nothing_to_save_fix": {
        "id": "Perbaiki baris yang ditolak sesuai tabel masalah, lalu unggah berkas itu lagi.",
        "en": "Fix the rejected rows as the problem table says, then upload the file again.",
    },
    "datapage.outcome": {
        "id": "Tersimpan dari {file}: {added} baru, {updated} diperbarui, {unchanged} tidak berubah, "
        "{protected} dilindungi (data bawaan tidak ditimpa).",
        "en": "Saved from {file}: {added} added, {updated} updated, {unchanged} unchanged, "
        "{protected} protected (bundled facts are never overwritten).",
    },
    # --- ACLED
    "datapage.acled.intro": {
        "id": "Ekspor ACLED (CSV atau Excel, kolom sesuai codebook ACLED). Hanya baris Bali yang diambil; "
        "impor ulang memperbarui kejadian dengan id ACLED yang sama.",
        "en": "ACLED export (CSV or Excel, columns as in the ACLED codebook). Only Bali rows are kept; a "
        "re-import updates the events with the same ACLED id.",
    },
    "datapage.acled.upload": {"id": "Berkas ekspor ACLED", "en": "ACLED export file"},
    "datapage.acled.placement": {
        "id": "Titik tanpa nama kabupaten yang dikenal ditempatkan dengan batas wilayah yang dimuat.",
        "en": "Points without a known regency name are placed with the loaded boundaries.",
    },
    "datapage.acled.placement_seats": {
        "id": "Belum ada batas wilayah: titik tanpa nama kabupaten yang dikenal ditempatkan ke ibu kota "
        "kabupaten terdekat (keyakinan diturunkan).",
        "en": "No boundaries loaded: points without a known regency name go to the nearest regency seat "
        "(confidence lowered).",
    },
    "datapage.acled.skipped": {
        "id": "Dilewati: {countries} baris dari negara lain, {provinces} baris dari provinsi lain "
        "di Indonesia.",
        "en": "Skipped: {countries} rows from other countries, {provinces} rows from other Indonesian "
        "provinces.",
    },
    "datapage.acled.approximate": {
        "id": "Baris {rows}: kabupaten ditentukan dari ibu kota terdekat; periksa tempatnya.",
        "en": "Rows {rows}: regency set from the nearest seat; check the place.",
    },
    "datapage.acled.good": {
        "id": "Kejadian Bali yang akan disimpan: {n}",
        "en": "Bali events to be saved: {n}",
    },
    # --- boundaries
    "datapage.bnd.active.saved": {
        "id": "Batas wilayah aktif: unggahan yang tersimpan ({levels}).",
        "en": "Active boundaries: the saved upload ({levels}).",
    },
    "datapage.bnd.active.folder": {
        "id": "Batas wilayah aktif: folder SINERGI_BOUNDARIES ({levels}).",
        "en": "Active boundaries: the SINERGI_BOUNDARIES folder ({levels}).",
    },
    "datapage.bnd.active.none": {
        "id": "Belum ada batas wilayah: peta menampilkan kisi 9 kabupaten/kota. "
        "Unggah batas wilayah di bawah.",
        "en": "No boundaries loaded: the map shows the grid of the 9 regencies. Upload boundaries below.",
    },
    "datapage.bnd.provenance": {
        "id": "Sumber: {source}. Lisensi: {licence}.",
        "en": "Source: {source}. Licence: {licence}.",
    },
    "datapage.bnd.upload": {
        "id": "Berkas batas wilayah: GeoJSON, GeoPackage atau shapefile dalam zip (dengan .prj)",
        "en": "Boundary file: GeoJSON, GeoPackage or zipped shapefile (with .prj)",
    },
    "datapage.bnd.upload_help": {
        "id": "Sistem koordinat apa pun (misalnya UTM 50S, EPSG:32750) diubah ke EPSG:4326.",
        "en": "Any coordinate system (e.g. UTM 50S, EPSG:32750) is converted to EPSG:4326.",
    },
    "datapage.bnd.source": {"id": "Sumber (wajib)", "en": "Source (required)"},
    "datapage.bnd.source_help": {
        "id": "Siapa yang membuat berkas ini dan kapan, misalnya \u201cBIG, RBI 1:25.000, 2023\u201d.",
        "en": "Who made this file and when, e.g. \u201cBIG, RBI 1:25,000, 2023\u201d.",
    },
    "datapage.bnd.licence": {"id": "Lisensi (wajib)", "en": "Licence (required)"},
    "datapage.bnd.licence_help": {
        "id": "Syarat penggunaan berkas, misalnya \u201cCC BY 4.0\u201d atau "
        "\u201cuntuk internal Pemprov\u201d.",
        "en": "Terms of use of the file, e.g. \u201cCC BY 4.0\u201d or "
        "\u201cinternal use of the province\u201d.",
    },
    "datapage.bnd.need_texts": {
        "id": "Isi sumber dan lisensi sebelum menyimpan: peta akan menampilkannya.",
        "en": "Fill in source and licence before saving: the map will show them.",
    },
    "datapage.bnd.missing_texts": {
        "id": "Sumber atau lisensi batas wilayah belum diisi.",
        "en": "The source or the licence of the boundaries is empty.",
    },
    "datapage.bnd.missing_texts_fix": {
        "id": "Tulis siapa pembuat berkas dan syarat penggunaannya, lalu tekan Simpan lagi.",
        "en": "Write who made the file and its terms of use, then press Save again.",
    },
    "datapage.bnd.report": {"id": "Laporan pemeriksaan", "en": "Check report"},
    "datapage.bnd.repaired": {"id": "Diperbaiki", "en": "Repaired"},
    "datapage.bnd.unmatched": {"id": "Tak dikenali", "en": "Unmatched"},
    "datapage.bnd.duplicates": {"id": "Ganda", "en": "Duplicates"},
    "datapage.bnd.missing": {"id": "Wilayah hilang", "en": "Missing regions"},
    "datapage.bnd.col.level": {"id": "Tingkat", "en": "Level"},
    "datapage.bnd.col.count": {"id": "Jumlah wilayah", "en": "Regions"},
    "datapage.bnd.col.missing": {"id": "Kabupaten/kota tanpa batas", "en": "Regencies without a boundary"},
    "datapage.bnd.col.area": {"id": "Luas (km\u00b2)", "en": "Area (km\u00b2)"},
    "datapage.bnd.level.kabupaten": {"id": "kabupaten/kota", "en": "regency/city"},
    "datapage.bnd.level.kecamatan": {"id": "kecamatan", "en": "district (kecamatan)"},
    "datapage.bnd.level.desa": {"id": "desa/kelurahan", "en": "village (desa)"},
    "datapage.bnd.confirm": {"id": "Simpan batas wilayah", "en": "Save boundaries"},
    "datapage.bnd.saved": {
        "id": "Batas wilayah tersimpan ({levels}); peta memakainya sekarang.",
        "en": "Boundaries saved ({levels}); the map uses them now.",
    },
    "datapage.bnd.replace_note": {
        "id": "Menyimpan menggantikan batas wilayah yang aktif sekarang.",
        "en": "Saving replaces the boundaries active now.",
    },
    # --- indicator values
    "datapage.ind.intro": {
        "id": "Nilai indikator indeks kerawanan yang tidak dihitung otomatis, masing-masing dengan tahun dan "
        "sumber. Nilai yang tidak diketahui dibiarkan kosong, bukan nol.",
        "en": "Values of the vulnerability-index indicators that are not computed automatically, each with "
        "its year and source. An unknown value stays empty, never zero.",
    },
    "datapage.ind.bundled": {
        "id": "Nilai bawaan (bersumber, tidak dapat diubah di sini): {n}",
        "en": "Bundled values (sourced, not editable here): {n}",
    },
    "datapage.ind.entered": {
        "id": "Nilai yang dimasukkan di aplikasi atau diimpor",
        "en": "Values entered in the app or imported",
    },
    "datapage.ind.editor_help": {
        "id": "Tambah baris di bagian bawah tabel. Pilih kabupaten/kota dan indikator dari daftar; "
        "tahun dan sumber wajib diisi. Baris tidak dapat dihapus di sini.",
        "en": "Add rows at the bottom of the table. Pick the regency/city and the indicator from the list; "
        "year and source are required. Rows cannot be deleted here.",
    },
    "datapage.ind.save": {"id": "Periksa dan simpan", "en": "Check and save"},
    "datapage.ind.problems": {
        "id": "Tidak ada yang disimpan: {n} masalah. Perbaiki baris yang disebut lalu simpan lagi.",
        "en": "Nothing was saved: {n} problems. Fix the rows named and save again.",
    },
    "datapage.ind.import": {"id": "Impor dari Excel", "en": "Import from Excel"},
    "datapage.ind.upload": {
        "id": "Berkas Excel (.xlsx) atau CSV nilai indikator (templat di tab Unduhan)",
        "en": "Excel (.xlsx) or CSV file of indicator values (template in the Downloads tab)",
    },
    "datapage.ind.missing_columns": {
        "id": "Berkas {file} tidak memiliki kolom {columns}.",
        "en": "The file {file} has no column {columns}.",
    },
    "datapage.ind.missing_columns_fix": {
        "id": "Gunakan templat nilai indikator dari tab Unduhan dan salin nilainya ke sana.",
        "en": "Use the indicator values template from the Downloads tab and copy the values into it.",
    },
    "datapage.ind.col.region_code": {"id": "Kabupaten/Kota", "en": "Regency/city"},
    "datapage.ind.col.key": {"id": "Indikator", "en": "Indicator"},
    "datapage.ind.col.value": {"id": "Nilai", "en": "Value"},
    "datapage.ind.col.year": {"id": "Tahun", "en": "Year"},
    "datapage.ind.col.source": {"id": "Sumber", "en": "Source"},
    "datapage.ind.col.note": {"id": "Catatan", "en": "Note"},
    "datapage.ind.col.origin": {"id": "Asal", "en": "Origin"},
    "datapage.ind.col.label": {"id": "Nama indikator", "en": "Indicator name"},
    "datapage.ind.col.unit": {"id": "Satuan", "en": "Unit"},
    "datapage.ind.col.range": {"id": "Rentang", "en": "Range"},
    "datapage.ind.col.what": {"id": "Masalah", "en": "Problem"},
    "datapage.ind.col.fix": {"id": "Cara memperbaiki", "en": "How to fix"},
    "datapage.ind.choices.indicators": {"id": "indikator", "en": "indicators"},
    "datapage.ind.choices.regions": {"id": "wilayah", "en": "regions"},
    "datapage.ind.col.code": {"id": "Kode", "en": "Code"},
    "datapage.ind.col.name": {"id": "Nama", "en": "Name"},
    "datapage.ind.note": {
        "id": "Peta dan indeks memakai nilai yang tersimpan begitu halaman dimuat ulang.",
        "en": "The map and the index use the stored values once the page reloads.",
    },
    # --- downloads
    "datapage.dl.templates": {"id": "Templat untuk diisi", "en": "Templates to fill in"},
    "datapage.dl.templates_caption": {
        "id": "Excel dengan judul kolom dalam bahasa pilihan Anda dan lembar kedua berisi nilai "
        "yang diterima.",
        "en": "Excel with headers in your language and a second sheet with the accepted values.",
    },
    "datapage.dl.template": {"id": "Templat: {kind}", "en": "Template: {kind}"},
    "datapage.dl.current": {"id": "Data saat ini", "en": "Current data"},
    "datapage.dl.current_caption": {
        "id": "Hanya data yang boleh Anda lihat. Berkas aman dibuka di Excel (sel yang diawali =, +, -, @ "
        "dinetralkan).",
        "en": "Only the data you may see. Files are safe to open in Excel (cells starting with "
        "=, +, -, @ are neutralised).",
    },
    "datapage.dl.rows": {"id": "{kind}: {n} baris", "en": "{kind}: {n} rows"},
    "datapage.sheet.template": {"id": "templat", "en": "template"},
    "datapage.sheet.choices": {"id": "pilihan", "en": "choices"},
}
