"""Excel formula cells without a stored value, read as their formula text."""

STRINGS: dict[str, dict[str, str]] = {
    "import.formula.read": {
        "id": "{n} sel berisi rumus tanpa nilai tersimpan (berkas belum pernah dihitung oleh Excel); "
        "sel itu dibaca sebagai teks rumusnya: {cells}. Buka berkas di Excel, simpan, lalu unggah lagi "
        "agar nilainya yang dipakai.",
        "en": "{n} cells hold a formula without a stored value (the file was never calculated by Excel); "
        "they are read as the formula's text: {cells}. Open the file in Excel, save it and upload it "
        "again to use the values.",
    },
    "import.formula.cell": {
        "id": "(Sel ini berisi rumus tanpa nilai tersimpan, jadi yang terbaca adalah teks rumusnya.)",
        "en": "(This cell holds a formula without a stored value, so its formula text was read.)",
    },
}
