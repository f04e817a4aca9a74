"""Messages of the store (database) layer."""

STRINGS = {
    "store.unreachable": {
        "id": "Basis data Sinergi tidak dapat dibuka ({where}): {error}",
        "en": "Sinergi's database cannot be opened ({where}): {error}",
    },
    "store.unreachable_fix": {
        "id": "Periksa SINERGI_DB_URL atau SINERGI_DATA_DIR, lalu muat ulang halaman.",
        "en": "Check SINERGI_DB_URL or SINERGI_DATA_DIR, then reload the page.",
    },
    "store.links_unknown": {
        "id": "Tautan menyebut lembaga yang belum tersimpan: {ids}.",
        "en": "The links name institutions that are not stored yet: {ids}.",
    },
    "store.links_unknown_fix": {
        "id": "Impor daftar lembaga lebih dulu, atau perbaiki id di berkas tautan.",
        "en": "Import the list of institutions first, or correct the ids in the links file.",
    },
}
