"""Kecamatan and desa names in imported event sheets and boundary files (lib/core/wilayah.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "wilayah.unreadable": {
        "id": "Daftar kecamatan dan desa {file} tidak dapat dibaca.",
        "en": "The list of kecamatan and desa {file} cannot be read.",
    },
    "wilayah.columns": {
        "id": "Daftar kecamatan dan desa {file} tidak punya kolom {columns}.",
        "en": "The list of kecamatan and desa {file} has no column {columns}.",
    },
    "wilayah.unreadable_fix": {
        "id": "Pulihkan data/wilayah.csv dari repositori aplikasi (dibuat oleh data/build_wilayah.py).",
        "en": "Restore data/wilayah.csv from the app's repository (it is made by data/build_wilayah.py).",
    },
    # Template headers of the two place columns an event sheet may have.
    "import.header.events.kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "import.header.events.desa": {"id": "Desa/Kelurahan", "en": "Village (desa/kelurahan)"},
    # Notes on kept rows whose kecamatan or desa name was not found.
    "wilayah.note.unknown": {
        "id": "Baris {row}, kolom {column}: \u2018{text}\u2019 tidak dikenal di {area}{hint}. {kept}",
        "en": "Row {row}, column {column}: \u2018{text}\u2019 is not known in {area}{hint}. {kept}",
    },
    "wilayah.note.elsewhere": {
        "id": (
            "Baris {row}, kolom {column}: \u2018{text}\u2019 bukan di {area}, melainkan di {places}. {kept}"
        ),
        "en": "Row {row}, column {column}: \u2018{text}\u2019 is not in {area} but in {places}. {kept}",
    },
    "wilayah.note.ambiguous": {
        "id": "Baris {row}, kolom {column}: ada beberapa \u2018{text}\u2019 di {area} ({places}). {kept}",
        "en": "Row {row}, column {column}: {area} has more than one \u2018{text}\u2019 ({places}). {kept}",
    },
    "wilayah.note.maybe": {"id": " \u2014 mungkin: {names}", "en": " \u2014 perhaps: {names}"},
    "wilayah.note.kept.kabupaten": {
        "id": "Baris disimpan di tingkat kabupaten.",
        "en": "The row is kept at regency level.",
    },
    "wilayah.note.kept.kecamatan": {
        "id": "Baris disimpan di tingkat kecamatan.",
        "en": "The row is kept at kecamatan level.",
    },
    "wilayah.note.kept.desa": {
        "id": "Baris disimpan di tingkat desa/kelurahan.",
        "en": "The row is kept at village (desa/kelurahan) level.",
    },
    "wilayah.note.kept.provinsi": {
        "id": "Baris disimpan di tingkat provinsi.",
        "en": "The row is kept at province level.",
    },
    "wilayah.note.bali": {"id": "Bali", "en": "Bali"},
    "wilayah.summary_notes": {
        "id": "{count} baris disimpan kurang rinci dari yang ditulis: {notes}",
        "en": "{count} rows are kept less precisely than written: {notes}",
    },
    "wilayah.summary_more": {"id": "dan {count} catatan lain.", "en": "and {count} more notes."},
    # Boundary files that carry codes but no names.
    "wilayah.geo.names_from_list": {
        "id": (
            "{count} wilayah tingkat {level} tidak punya nama di berkas; namanya diambil dari daftar "
            "kode Kemendagri yang dibundel."
        ),
        "en": (
            "{count} {level} regions have no name in the file; their names come from the bundled "
            "Kemendagri code list."
        ),
    },
    "wilayah.geo.bps_codes": {
        "id": "Kolom {column} di {file} berisi kode BPS; kode Kemendagri diambil dari daftar yang dibundel.",
        "en": "Field {column} of {file} holds BPS codes; the Kemendagri codes come from the bundled list.",
    },
}
