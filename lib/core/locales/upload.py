"""The upload control's own English words, explained."""

STRINGS: dict[str, dict[str, str]] = {
    "upload.hint": {
        "id": "Kotak unggah di atas berbahasa Inggris: seret berkas ke kotak itu atau klik "
        "\u00abUpload\u00bb / \u00abBrowse files\u00bb (= pilih berkas dari komputer). "
        "\u00ab{limit}MB per file\u00bb berarti paling besar {limit} MB per berkas. Jenis berkas: {kinds}.",
        "en": "Drag a file onto the box or click \u201cUpload\u201d; at most {limit} MB per file. "
        "File types: {kinds}.",
    },
}
