"""Texts about the bundled facts' two languages (lib/intake/bundle.py, lib/core/bilingual.py)."""

STRINGS: dict[str, dict[str, str]] = {
    "bundle.one_language": {
        "id": "Berkas data {name}, baris {row}: kolom {column} kosong, "
        "padahal {other} berisi \u201c{text}\u201d.",
        "en": "Data file {name}, row {row}: column {column} is empty, but {other} holds \u201c{text}\u201d.",
    },
    "bundle.one_language_fix": {
        "id": "Setiap teks yang dibaca pengguna ditulis dalam bahasa Indonesia (kolom c) dan Inggris (kolom "
        "c_en). Isi terjemahannya, atau kosongkan keduanya bila teks itu memang tidak ada.",
        "en": "Every text users read is written in Indonesian (column c) and English (column c_en). Fill in "
        "the translation, or leave both empty where there is no text.",
    },
}
