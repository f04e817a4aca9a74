"""Texts of the WhatsApp chat intake: problems with an export, notes on what was read, the date order."""

_FIX_EXPORT = {
    "id": "Di WhatsApp buka chatnya, ketuk \u22ee \u203a Lainnya \u203a Ekspor chat (iPhone: ketuk nama chat "
    "\u203a Ekspor Chat), lalu unggah berkas .txt atau .zip yang dihasilkan tanpa diubah.",
    "en": "In WhatsApp open the chat, tap \u22ee \u203a More \u203a Export chat (iPhone: tap the chat name "
    "\u203a Export Chat), then upload the .txt or .zip it makes, unchanged.",
}

STRINGS: dict[str, dict[str, str]] = {
    # the file as a whole
    "whatsapp.empty": {
        "id": "Berkas {name} kosong.",
        "en": "The file {name} is empty.",
    },
    "whatsapp.no_messages": {
        "id": "Ekspor {name} tidak berisi pesan, hanya baris pemberitahuan WhatsApp ({count}).",
        "en": "The export {name} holds no messages, only WhatsApp notice lines ({count}).",
    },
    "whatsapp.fix_export": _FIX_EXPORT,
    "whatsapp.not_chat": {
        "id": "Berkas {name} bukan ekspor chat WhatsApp: tidak ada baris yang diawali tanggal dan jam "
        "seperti \u00ab27/11/24 14.05 - Nama: pesan\u00bb. Baris pertamanya: \u00ab{first}\u00bb.",
        "en": "The file {name} is not a WhatsApp chat export: no line starts with a date and time like "
        "\u201c27/11/24, 14:05 - Name: message\u201d. Its first line: \u201c{first}\u201d.",
    },
    "whatsapp.binary": {
        "id": "Berkas {name} bukan teks chat WhatsApp: isinya {kind}.",
        "en": "The file {name} is not the text of a WhatsApp chat: it holds {kind}.",
    },
    "whatsapp.kind.png": {"id": "gambar PNG", "en": "a PNG image"},
    "whatsapp.kind.jpg": {"id": "gambar JPEG", "en": "a JPEG image"},
    "whatsapp.kind.pdf": {"id": "dokumen PDF", "en": "a PDF document"},
    "whatsapp.kind.xls": {"id": "berkas Office lama (.xls/.doc)", "en": "an old Office file (.xls/.doc)"},
    "whatsapp.kind.binary": {"id": "data biner, bukan teks", "en": "binary data, not text"},
    "whatsapp.kind.encoding": {
        "id": "teks yang bukan UTF-8 (WhatsApp selalu mengekspor UTF-8)",
        "en": "text that is not UTF-8 (WhatsApp always exports UTF-8)",
    },
    "whatsapp.too_big": {
        "id": "{name} berukuran {size_mb} MB, lebih dari batas {limit_mb} MB.",
        "en": "{name} is {size_mb} MB, more than the {limit_mb} MB limit.",
    },
    "whatsapp.too_big_fix": {
        "id": "Ekspor lagi dengan pilihan \u00abTanpa media\u00bb, atau unggah hanya berkas .txt dari "
        "dalam .zip; foto yang penting bisa dilampirkan satu per satu di laporan.",
        "en": "Export again choosing \u201cWithout media\u201d, or upload only the .txt from inside the "
        ".zip; important photos can be attached to a report one by one.",
    },
    # the zip
    "whatsapp.corrupt_zip": {
        "id": "Arsip {name} rusak, terkunci kata sandi, atau tidak lengkap.",
        "en": "The archive {name} is damaged, password-protected or incomplete.",
    },
    "whatsapp.corrupt_zip_fix": {
        "id": "Ekspor chat lagi dari WhatsApp dan unggah .zip-nya tanpa dibuka atau dikemas ulang.",
        "en": "Export the chat again from WhatsApp and upload the .zip without unpacking or repacking it.",
    },
    "whatsapp.zip_bomb": {
        "id": "Arsip {name} akan terbuka menjadi {size_mb} MB ({member}), jauh lebih besar daripada "
        "arsipnya sendiri; arsip seperti itu tidak dibuka.",
        "en": "The archive {name} would unpack to {size_mb} MB ({member}), far larger than the archive "
        "itself; such archives are not opened.",
    },
    "whatsapp.zip_bomb_fix": {
        "id": "Unggah .zip asli dari \u00abEkspor chat\u00bb WhatsApp, atau hanya berkas .txt-nya.",
        "en": "Upload the original .zip from WhatsApp\u2019s \u201cExport chat\u201d, or only its .txt file.",
    },
    "whatsapp.zip_members": {"id": "{count} berkas", "en": "{count} files"},
    "whatsapp.zip_no_chat": {
        "id": "Arsip {name} tidak berisi berkas chat (.txt). Isinya: {members}.",
        "en": "The archive {name} holds no chat file (.txt). It holds: {members}.",
    },
    "whatsapp.zip_no_chat_empty": {"id": "tidak ada apa pun", "en": "nothing"},
    "whatsapp.zip_many_chats": {
        "id": "Arsip {name} berisi beberapa berkas teks ({members}); tidak jelas mana chatnya.",
        "en": "The archive {name} holds several text files ({members}); it is not clear which is the chat.",
    },
    "whatsapp.zip_chat_fix": {
        "id": "Unggah .zip persis seperti yang dibuat \u00abEkspor chat\u00bb (berisi _chat.txt atau "
        "\u00abChat WhatsApp dengan \u2026.txt\u00bb), atau unggah berkas .txt chatnya saja.",
        "en": "Upload the .zip exactly as \u201cExport chat\u201d made it (holding _chat.txt or "
        "\u201cWhatsApp Chat with \u2026.txt\u201d), or upload only the chat\u2019s .txt file.",
    },
    # lines
    "whatsapp.more_lines": {
        "id": "{lines} dan {count} baris lainnya",
        "en": "{lines} and {count} more lines",
    },
    "whatsapp.mixed": {
        "id": "{name} mencampur format ekspor yang berbeda: sebagian besar baris seperti \u00ab{main}\u00bb, "
        "tetapi baris {lines} seperti \u00ab{other}\u00bb.",
        "en": "{name} mixes different export formats: most lines look like \u201c{main}\u201d, "
        "but line {lines} looks like \u201c{other}\u201d.",
    },
    "whatsapp.mixed_fix": {
        "id": "Unggah tiap ekspor sebagai berkas tersendiri, atau hapus baris tersebut dari berkas.",
        "en": "Upload each export as a file of its own, or delete those lines from the file.",
    },
    "whatsapp.bad_times": {
        "id": "Jam di baris {lines} tidak mungkin (\u00ab{example}\u00bb).",
        "en": "The time on line {lines} is impossible (\u201c{example}\u201d).",
    },
    "whatsapp.bad_dates": {
        "id": "Tanggal di {name} tidak bisa dibaca dengan satu urutan: sebagai hari/bulan, baris {dmy} "
        "tidak mungkin; sebagai bulan/hari, baris {mdy} tidak mungkin.",
        "en": "The dates in {name} fit no single order: read as day/month, line {dmy} is impossible; "
        "read as month/day, line {mdy} is.",
    },
    "whatsapp.bad_dates_fix": {
        "id": "Periksa baris tersebut; mungkin ekspor dari dua ponsel berbeda tergabung dalam satu berkas.",
        "en": "Check those lines; exports from two different phones may have been joined into one file.",
    },
    "whatsapp.bad_order": {
        "id": "Dibaca sebagai {order}, tanggal di baris {lines} tidak mungkin (\u00ab{example}\u00bb).",
        "en": "Read as {order}, the date on line {lines} is impossible (\u201c{example}\u201d).",
    },
    "whatsapp.bad_order_fix": {
        "id": "Pilih urutan tanggal yang lain.",
        "en": "Choose the other date order.",
    },
    # the date-order question
    "whatsapp.order.ask": {
        "id": "Tanggal di ekspor ini bisa dibaca dua cara. Pilih urutan yang dipakai ponsel pengekspor:",
        "en": "The dates in this export can be read two ways. Choose the order the exporting phone uses:",
    },
    "whatsapp.order.dmy": {"id": "hari/bulan/tahun", "en": "day/month/year"},
    "whatsapp.order.mdy": {"id": "bulan/hari/tahun", "en": "month/day/year"},
    "whatsapp.order.choice": {
        "id": "{order}: pesan dari {first} sampai {last}",
        "en": "{order}: messages from {first} to {last}",
    },
    # notes on what was read
    "whatsapp.note.too_long": {
        "id": "Pesan di baris {line} ({sender}) panjangnya {length} karakter, lebih dari {limit} yang muat "
        "di uraian laporan: pesannya disimpan utuh, uraian laporannya dipotong.",
        "en": "The message on line {line} ({sender}) is {length} characters long, more than the {limit} "
        "a report description holds: the message is kept whole, the report description is cut.",
    },
    "whatsapp.note.cut": {
        "id": "[\u2026 dipotong: {count} karakter lagi di pesan WhatsApp aslinya]",
        "en": "[\u2026 cut: {count} more characters in the original WhatsApp message]",
    },
    "whatsapp.note.unplaced": {
        "id": "Baris {lines} ada sebelum pesan pertama dan bukan bagian dari pesan mana pun: "
        "\u00ab{first}\u00bb.",
        "en": "Line {lines} comes before the first message and belongs to none: \u201c{first}\u201d.",
    },
    "whatsapp.note.media_omitted": {
        "id": "{count} lampiran tidak disertakan dalam ekspor ini; untuk mendapatkannya, ekspor lagi "
        "dengan \u00abSertakan media\u00bb.",
        "en": "Attachments left out of this export: {count}; to get them, export again with "
        "\u201cInclude media\u201d.",
    },
    "whatsapp.note.missing_files": {
        "id": "{count} lampiran disebut di chat tetapi tidak ada di berkas yang diunggah, mis. {example}.",
        "en": "Attachments named in the chat but not in the uploaded file: {count}, e.g. {example}.",
    },
    "whatsapp.pasted": {"id": "teks yang ditempel", "en": "the pasted text"},
    "whatsapp.pasted_empty": {
        "id": "Teks yang ditempel kosong.",
        "en": "The pasted text is empty.",
    },
    "whatsapp.pasted_empty_fix": {
        "id": "Salin pesan dari WhatsApp (tekan lama pesan \u203a Salin) lalu tempel di sini.",
        "en": "Copy the messages in WhatsApp (long-press a message \u203a Copy), then paste them here.",
    },
    # system lines, counted by kind
    "whatsapp.system.summary": {
        "id": "Baris pemberitahuan WhatsApp yang dilewati: {count} ({kinds}).",
        "en": "WhatsApp notice lines skipped: {count} ({kinds}).",
    },
    "whatsapp.system.encryption": {"id": "pemberitahuan enkripsi", "en": "encryption notice"},
    "whatsapp.system.created": {"id": "grup dibuat", "en": "group created"},
    "whatsapp.system.joined": {"id": "anggota bergabung", "en": "member joined"},
    "whatsapp.system.left": {"id": "anggota keluar", "en": "member left"},
    "whatsapp.system.added": {"id": "anggota ditambahkan", "en": "member added"},
    "whatsapp.system.removed": {"id": "anggota dikeluarkan", "en": "member removed"},
    "whatsapp.system.subject": {"id": "nama grup diubah", "en": "group name changed"},
    "whatsapp.system.icon": {"id": "ikon grup diubah", "en": "group icon changed"},
    "whatsapp.system.description": {"id": "deskripsi grup diubah", "en": "group description changed"},
    "whatsapp.system.deleted": {"id": "pesan dihapus", "en": "deleted message"},
    "whatsapp.system.notice": {"id": "pemberitahuan lain", "en": "other notice"},
}
