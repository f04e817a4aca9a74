"""Texts of lazy panels and the warm start: the spinner that names the step being computed."""

STRINGS: dict[str, dict[str, str]] = {
    "warm.step.drawing": {"id": "Menggambar jejaring\u2026", "en": "Drawing the network\u2026"},
    "warm.step.metrics": {
        "id": "Menghitung ukuran jejaring\u2026",
        "en": "Computing the network metrics\u2026",
    },
    "warm.step.failures": {
        "id": "Mencari titik rawan tunggal\u2026",
        "en": "Finding the single points of failure\u2026",
    },
    "warm.step.reach": {
        "id": "Menghitung jangkauan Posko\u2026",
        "en": "Computing how fast the Posko reaches each regency\u2026",
    },
    "warm.step.suggestions": {
        "id": "Mencari hubungan yang disarankan\u2026",
        "en": "Searching for suggested links\u2026",
    },
    "warm.step.coverage": {"id": "Memeriksa cakupan rantai\u2026", "en": "Checking the chain coverage\u2026"},
    "warm.step.files": {
        "id": "Menyiapkan berkas GraphML dan GEXF\u2026",
        "en": "Preparing the GraphML and GEXF files\u2026",
    },
}
