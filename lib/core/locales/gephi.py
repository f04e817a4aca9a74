"""Strings of Gephi files that are not institutions networks: the sentence, the reference, the mapping."""


def _s(id_text: str, en_text: str) -> dict[str, str]:
    return {"id": id_text, "en": en_text}


STRINGS: dict[str, dict[str, str]] = {
    # Reading
    "gephi.and": _s("dan", "and"),
    "gephi.not_institutions": _s(
        "Berkas ini jaringan yang dapat dibaca ({nodes} simpul, {edges} garis) tetapi bukan jaringan "
        "lembaga: tidak ada kolom {columns}.",
        "This file is a readable network ({nodes} nodes, {edges} edges) but not an institutions "
        "network: it has no column {columns}.",
    ),
    "gephi.not_institutions_fix": _s(
        "Tampilkan sebagai gambar rujukan saja (tidak disimpan), atau petakan kolomnya ke kolom lembaga.",
        "Show it as a drawing-only reference (not stored), or map its columns to the institution columns.",
    ),
    "gephi.ignored": _s(
        "Nilai atribut yang tidak dideklarasikan berkas ini diabaikan: {names}.",
        "Values of attributes this file does not declare were ignored: {names}.",
    ),
    # The two choices
    "gephi.choice": _s("Apa yang dilakukan dengan berkas ini?", "What to do with this file?"),
    "gephi.choice.reference": _s(
        "Tampilkan sebagai gambar rujukan saja (tidak disimpan sebagai lembaga)",
        "Show it as a drawing-only reference (not stored as institutions)",
    ),
    "gephi.choice.map": _s(
        "Petakan kolomnya ke kolom lembaga, lalu periksa dan simpan",
        "Map its columns to the institution columns, then check and save",
    ),
    # Reference drawing
    "gephi.reference.caption": _s(
        "Gambar rujukan dari \u201c{name}\u201d: dihitung dengan networkx, tidak disimpan; hilang saat "
        "berkas dilepas.",
        "Reference drawing of \u201c{name}\u201d: computed with networkx, not stored; gone when the file "
        "is removed.",
    ),
    "gephi.reference.node": _s("Simpul", "Node"),
    "gephi.reference.nodes": _s("Simpul", "Nodes"),
    "gephi.reference.edges": _s("Garis", "Edges"),
    # Column mapping
    "gephi.map.intro": _s(
        "Pilih dari atribut simpul mana setiap kolom lembaga diambil, atau satu nilai untuk semua baris. "
        "Baris hasil pemetaan diperiksa seperti impor lain.",
        "Pick the node attribute each institution column is taken from, or one value for every row. "
        "The mapped rows are checked like any import.",
    ),
    "gephi.map.valid": _s(
        "Nilai sah untuk type: {types}. Untuk level: {levels}. Kode wilayah kosong hanya untuk level "
        "national.",
        "Valid values for type: {types}. For level: {levels}. The region code is empty only for level "
        "national.",
    ),
    "gephi.map.column.id": _s("Id", "Id"),
    "gephi.map.column.name": _s("Nama (name)", "Name (name)"),
    "gephi.map.column.type": _s("Jenis (type)", "Type (type)"),
    "gephi.map.column.level": _s("Tingkat (level)", "Level (level)"),
    "gephi.map.column.region_code": _s("Kode wilayah (region_code)", "Region code (region_code)"),
    "gephi.map.as_file": _s("Seperti di berkas", "As in the file"),
    "gephi.map.as_file_id": _s("Id simpul di berkas", "The node id in the file"),
    "gephi.map.pick": _s("\u2013 pilih \u2013", "\u2013 pick \u2013"),
    "gephi.map.from_column": _s("Kolom: {name}", "Column: {name}"),
    "gephi.map.every_row": _s("Semua baris: {value}", "Every row: {value}"),
    "gephi.map.classification": _s("Klasifikasi", "Classification"),
    "gephi.map.kind": _s("Jenis hubungan bila berkas tidak menyebut", "Link kind where the file gives none"),
    "gephi.map.source": _s("Sumber bila berkas tidak menyebut", "Source where the file gives none"),
    "gephi.map.choose": _s(
        "Pilih sumber untuk type dan level untuk melihat pratinjau.",
        "Pick a source for type and level to see the preview.",
    ),
}
