"""Strings of the boundary import (lib/geo.py) and the maps (lib/map_charts.py)."""

STRINGS: dict[str, dict[str, str]] = {
    # Levels
    "geo.level.kabupaten": {"id": "kabupaten/kota", "en": "regency/city"},
    "geo.level.kecamatan": {"id": "kecamatan", "en": "district (kecamatan)"},
    "geo.level.desa": {"id": "desa/kelurahan", "en": "village (desa/kelurahan)"},
    "geo.level.provinsi": {"id": "provinsi", "en": "province"},
    # Refusals before reading
    "geo.empty_file": {
        "id": "Berkas batas wilayah \u201c{file}\u201d kosong (tidak berisi wilayah).",
        "en": "The boundary file \u201c{file}\u201d is empty (it holds no regions).",
    },
    "geo.empty_file_fix": {
        "id": "Ekspor ulang batas wilayah dari aplikasi GIS, lalu unggah lagi.",
        "en": "Export the boundaries again from the GIS application, then upload again.",
    },
    "geo.too_large": {
        "id": "Berkas \u201c{file}\u201d berukuran {size_mb} MB, lebih dari batas {limit_mb} MB.",
        "en": "The file \u201c{file}\u201d is {size_mb} MB, more than the limit of {limit_mb} MB.",
    },
    "geo.too_large_fix": {
        "id": "Sederhanakan geometri atau kirim hanya wilayah Bali, lalu unggah lagi.",
        "en": "Simplify the geometry or send only the Bali regions, then upload again.",
    },
    "geo.unknown_format": {
        "id": "\u201c{file}\u201d bukan GeoJSON, GeoPackage atau shapefile dalam ZIP.",
        "en": "\u201c{file}\u201d is not a GeoJSON, a GeoPackage or a zipped shapefile.",
    },
    "geo.unknown_format_fix": {
        "id": "Simpan batas wilayah sebagai .geojson, .gpkg, atau .zip berisi .shp, .shx, .dbf dan .prj.",
        "en": "Save the boundaries as .geojson, .gpkg, or a .zip holding .shp, .shx, .dbf and .prj.",
    },
    "geo.no_files": {
        "id": "Folder atau ZIP \u201c{file}\u201d tidak berisi berkas batas wilayah (.geojson, .gpkg, .shp).",
        "en": "The folder or ZIP \u201c{file}\u201d holds no boundary file (.geojson, .gpkg, .shp).",
    },
    "geo.no_files_fix": {
        "id": "Masukkan berkas batas wilayah ke dalamnya, lalu coba lagi.",
        "en": "Put the boundary files in it, then try again.",
    },
    "geo.corrupt_zip": {
        "id": "Berkas ZIP \u201c{file}\u201d rusak dan tidak bisa dibuka.",
        "en": "The ZIP file \u201c{file}\u201d is damaged and cannot be opened.",
    },
    "geo.corrupt_zip_fix": {
        "id": "Buat ulang ZIP dari berkas shapefile aslinya, lalu unggah lagi.",
        "en": "Make the ZIP again from the original shapefile, then upload again.",
    },
    "geo.zip_bomb": {
        "id": "ZIP \u201c{file}\u201d membengkak menjadi {size_mb} MB saat dibuka ({member}); "
        "ini tidak wajar untuk batas wilayah.",
        "en": "The ZIP \u201c{file}\u201d expands to {size_mb} MB when opened ({member}); "
        "that is not plausible for boundaries.",
    },
    "geo.zip_bomb_fix": {
        "id": "Periksa asal berkas ini; kirim hanya .shp, .shx, .dbf dan .prj batas wilayah.",
        "en": "Check where this file came from; send only the boundary .shp, .shx, .dbf and .prj.",
    },
    "geo.missing_prj": {
        "id": "Shapefile \u201c{file}\u201d tidak punya berkas .prj, "
        "jadi sistem koordinatnya tidak diketahui.",
        "en": "The shapefile \u201c{file}\u201d has no .prj file, so its coordinate system is unknown.",
    },
    "geo.missing_prj_fix": {
        "id": "Sertakan berkas .prj (nama sama dengan .shp) di dalam ZIP, lalu unggah lagi.",
        "en": "Include the .prj file (same name as the .shp) in the ZIP, then upload again.",
    },
    "geo.unreadable": {
        "id": "Berkas \u201c{file}\u201d tidak bisa dibaca sebagai batas wilayah.",
        "en": "The file \u201c{file}\u201d cannot be read as boundaries.",
    },
    "geo.unreadable_fix": {
        "id": "Buka berkas di aplikasi GIS (mis. QGIS), ekspor ulang sebagai GeoPackage atau GeoJSON.",
        "en": "Open the file in a GIS application (e.g. QGIS), export it again as GeoPackage or GeoJSON.",
    },
    # Geometry
    "geo.no_crs": {
        "id": "Berkas \u201c{file}\u201d tidak menyebut sistem koordinatnya.",
        "en": "The file \u201c{file}\u201d does not state its coordinate system.",
    },
    "geo.no_crs_fix": {
        "id": "Tetapkan sistem koordinat di aplikasi GIS (mis. EPSG:4326 atau EPSG:32750) lalu ekspor ulang.",
        "en": "Set the coordinate system in the GIS application (e.g. EPSG:4326 or EPSG:32750), "
        "then export again.",
    },
    "geo.bad_coordinates": {
        "id": "Koordinat di \u201c{file}\u201d tidak cocok dengan sistem koordinat yang disebut ({crs}).",
        "en": "The coordinates in \u201c{file}\u201d do not fit the coordinate system it states ({crs}).",
    },
    "geo.bad_coordinates_fix": {
        "id": "Periksa sistem koordinat di aplikasi GIS (untuk Bali biasanya EPSG:4326 atau EPSG:32750).",
        "en": "Check the coordinate system in the GIS application "
        "(for Bali usually EPSG:4326 or EPSG:32750).",
    },
    "geo.not_polygons": {
        "id": "\u201c{file}\u201d berisi {count} objek {kind}, bukan poligon wilayah.",
        "en": "\u201c{file}\u201d holds {count} {kind} features, not region polygons.",
    },
    "geo.not_polygons_fix": {
        "id": "Kirim lapisan batas wilayah (poligon), bukan lapisan titik atau garis.",
        "en": "Send the boundary layer (polygons), not a point or line layer.",
    },
    "geo.no_region_field": {
        "id": "\u201c{file}\u201d tidak punya kolom yang menyebut wilayahnya (kolom yang ada: {columns}).",
        "en": "\u201c{file}\u201d has no field that names its regions (fields found: {columns}).",
    },
    "geo.no_region_field_fix": {
        "id": "Tambahkan kolom kode Kemendagri (mis. kode = 51.08) atau nama (mis. WADMKK = Buleleng).",
        "en": "Add a Kemendagri code field (e.g. kode = 51.08) or a name field (e.g. WADMKK = Buleleng).",
    },
    "geo.mixed_levels": {
        "id": "\u201c{file}\u201d mencampur tingkat wilayah: {levels}.",
        "en": "\u201c{file}\u201d mixes region levels: {levels}.",
    },
    "geo.mixed_levels_fix": {
        "id": "Simpan setiap tingkat (kabupaten, kecamatan, desa) dalam berkas atau lapisan sendiri.",
        "en": "Save each level (regency, kecamatan, desa) in its own file or layer.",
    },
    "geo.nothing_matched": {
        "id": "Tidak satu pun dari {count} wilayah di \u201c{file}\u201d dikenali sebagai wilayah Bali "
        "(contoh: {example}).",
        "en": "None of the {count} regions in \u201c{file}\u201d was recognised as a Bali region "
        "(for example {example}).",
    },
    "geo.nothing_matched_fix": {
        "id": "Pastikan berkas memuat kode Kemendagri (mis. 51.08) atau nama kabupaten di Bali.",
        "en": "Make sure the file holds Kemendagri codes (e.g. 51.08) or the names of Bali's regencies.",
    },
    "geo.saved_unreadable": {
        "id": "Batas wilayah tersimpan ({file}) rusak dan tidak bisa dibaca.",
        "en": "The saved boundaries ({file}) are damaged and cannot be read.",
    },
    "geo.saved_unreadable_fix": {
        "id": "Impor ulang berkas batas wilayah di halaman Peta.",
        "en": "Import the boundary files again on the Map page.",
    },
    # Report notes (import went ahead)
    "geo.note.files": {"id": "Berkas yang dipakai: {files}.", "en": "Files used: {files}."},
    "geo.note.skipped_full": {
        "id": "{file} dilewati; versi yang lebih ringan {other} dipakai.",
        "en": "{file} was skipped; the lighter version {other} was used.",
    },
    "geo.note.skipped_same_level": {
        "id": "{file} dilewati: tingkat {level} sudah diambil dari {other}.",
        "en": "{file} was skipped: the {level} level was already taken from {other}.",
    },
    "geo.note.skipped_province": {
        "id": "{count} wilayah tingkat provinsi di {file} diabaikan.",
        "en": "{count} province-level features in {file} were ignored.",
    },
    "geo.note.repaired": {
        "id": "{count} poligon tidak valid (mis. berpotongan sendiri) diperbaiki otomatis.",
        "en": "{count} invalid polygons (e.g. self-intersecting) were repaired automatically.",
    },
    "geo.note.empty_geometry": {
        "id": "{count} wilayah tanpa geometri di {file} diabaikan.",
        "en": "{count} features without geometry in {file} were ignored.",
    },
    "geo.note.unmatched": {
        "id": "{count} wilayah tidak dikenali dan tidak diimpor: {examples}.",
        "en": "{count} features were not recognised and not imported: {examples}.",
    },
    "geo.note.duplicates": {
        "id": "{count} kode muncul lebih dari sekali dan bagian-bagiannya digabung: {examples}.",
        "en": "{count} codes appear more than once; their parts were merged: {examples}.",
    },
    "geo.note.missing": {
        "id": "Tingkat {level}: tidak ada batas untuk {examples}.",
        "en": "Level {level}: no boundary for {examples}.",
    },
    "geo.note.orphans": {
        "id": "Tingkat {level}: {count} wilayah induknya tidak ada di tingkat di atasnya (mis. {examples}).",
        "en": "Level {level}: {count} regions have no parent in the level above (e.g. {examples}).",
    },
    "geo.note.dissolved": {
        "id": "Tingkat {level} dibentuk dengan menggabungkan {source}.",
        "en": "The {level} level was built by merging the {source} polygons.",
    },
    "geo.note.name_from_code": {
        "id": "{count} wilayah tingkat {level} tidak punya nama di berkas; kodenya dipakai sebagai nama.",
        "en": "{count} {level} regions have no name in the file; their code is shown as the name.",
    },
    "geo.note.and_more": {"id": "dan {count} lainnya", "en": "and {count} more"},
    "geo.reason.no_code": {
        "id": "{feature}: tidak ada kode Kemendagri",
        "en": "{feature}: no Kemendagri code",
    },
    "geo.reason.unknown": {"id": "{feature}: {value} tidak dikenal", "en": "{feature}: {value} not known"},
    "geo.reason.no_parent": {
        "id": "{feature}: kabupaten induk tidak dikenal",
        "en": "{feature}: parent regency not known",
    },
    "geo.feature": {"id": "{file} baris {row}", "en": "{file} row {row}"},
    "geo.source_files": {"id": "Berkas: {files}", "en": "Files: {files}"},
    # Maps
    "geo.map.unknown": {"id": "tidak diketahui", "en": "unknown"},
    "geo.map.region": {"id": "Wilayah", "en": "Region"},
    "geo.map.code": {"id": "Kode", "en": "Code"},
    "geo.map.source": {"id": "Sumber", "en": "Source"},
    "geo.map.point": {"id": "Kejadian/laporan", "en": "Event/report"},
    "geo.map.date": {"id": "Tanggal", "en": "Date"},
    "geo.map.category": {"id": "Kategori", "en": "Category"},
    "geo.map.no_value": {"id": "Nilai", "en": "Value"},
}
