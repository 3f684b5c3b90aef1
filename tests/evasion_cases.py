"""Disguised profanity and clean look-alikes, shared by tests/test_evasion.py and
benchmarks/bench_evasion.py. Each disguise is one word as a writer would type it to get
past a filter; each clean text must raise no profanity finding."""

from __future__ import annotations

ZW, ZWNJ, ZWJ, WJ, SHY, RLO, LRI = (
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\u00ad",
    "\u202e",
    "\u2066",
)

#: (language, disguised word). The issue 9 list first, then more of each kind.
DISGUISES: list[tuple[str, str]] = [
    # invisible characters inside a word
    ("en", f"fu{ZW}ck"), ("en", f"f{ZWNJ}uck"), ("en", f"fu{ZWJ}ck"), ("en", f"fu{WJ}ck"),
    ("en", f"sh{SHY}it"), ("en", f"f{RLO}uck"), ("en", f"f{LRI}uck"),
    ("en", f"a{ZW}s{ZW}s{ZW}h{ZW}o{ZW}l{ZW}e"), ("en", f"motherf{ZW}ucker"),
    ("tr", f"s{ZW}iktir"), ("tr", f"oros{SHY}pu"), ("tr", f"yavş{ZW}ak"), ("tr", f"şeref{WJ}siz"),
    # look-alike letters of other scripts, small capitals, fullwidth, mathematical
    ("en", "fuсk"), ("en", "ѕhit"), ("en", "shіt"), ("en", "fυck"), ("en", "bullѕhit"),
    ("en", "ꜰᴜᴄᴋ"), ("en", "ｆｕｃｋ"), ("en", "𝐟𝐮𝐜𝐤"), ("en", "𝖋𝖚𝖈𝖐"), ("en", "ⓕⓤⓒⓚ"),
    ("en", "ᴀꜱꜱʜᴏʟᴇ"), ("en", "ＳＨＩＴ"),
    ("tr", "sіktir"), ("tr", "orоspu"), ("tr", "pіç"), ("tr", "ｓｉｋｔｉｒ"), ("tr", "𝐬𝐢𝐤𝐭𝐢𝐫"),
    ("tr", "ｏｒｏｓｐｕ"), ("tr", "ѕerefsiz"),
    # letters joined by / + | or doubled
    ("en", "f/u/c/k"), ("en", "f+u+c+k"), ("en", "s/h/i/t"), ("en", "f|u|c|k"),
    ("en", "ffuucckk"), ("en", "sshhiitt"),
    ("tr", "o/r/o/s/p/u"), ("tr", "s+i+k+t+i+r"), ("tr", "ssaallaakk"),
    # "@" for "a" where a handle would be
    ("en", "@sshole"), ("tr", "@mına"),
    # a comment inside a word
    ("en", "fu<!-- -->ck"), ("tr", "or<!-- x -->ospu"),
    # Turkish capitals typed without dots, and the dotless i
    ("tr", "SIKTIR"), ("tr", "sıktır"), ("tr", "SIKERIM"), ("tr", "ŞEREFSIZ"), ("tr", "pıç"),
    # the older disguises, which must keep working
    ("en", "FUCK"), ("en", "f.u.c.k"), ("en", "f u c k"), ("en", "fuuuuck"), ("en", "sh1t"),
    ("en", "f*ck"), ("en", "b!tch"), ("en", "a$$hole"), ("en", "f@ck"),
    ("tr", "siktir"), ("tr", "SİKTİR"), ("tr", "s.i.k.t.i.r"), ("tr", "s1kt1r"),
    ("tr", "serefsiz"), ("tr", "ŞEREFSİZ"), ("tr", "amına"), ("tr", "AMINA"), ("tr", "salak"),
    ("tr", "gerizekalı"), ("tr", "sikerim"),
    # Turkish digit substitutions on short words, and "2" for "iki" ("s2m")
    ("tr", "g0t"), ("tr", "b0k"), ("tr", "s2m"),
]  # fmt: skip

#: (language, text) that must raise no profanity finding.
CLEAN: list[tuple[str, str]] = [
    ("en", "Thanks, Дмитрий! Спасибо for your order; our Αθήνα office ships it today."),
    ("en", "Please send the a/b test results and/or the logs w/o the raw data."),
    ("en", "Your code ASS-2291 is valid; the Scunthorpe depot has it."),
    ("en", "See https://example.com/f/u/c/k/docs for the steps."),
    ("en", "Thanks @mfg and @sshq for the report; see #fixedit for updates."),
    ("en", "The parts are labelled aabbcc and xxyyzz on the box."),
    ("en", "Ｐｌｅａｓｅ ｈｏｌｄ, we are checking your order."),
    ("en", f"Thanks{ZW} for your patience; your re{SHY}fund is on its way."),
    ("en", "Rate us 1+1 or leave a comment <!-- internal: ticket 42 --> below."),
    ("tr", "Sıkıntı için özür dileriz; canınızı sıktığım için üzgünüm."),
    ("tr", "Sık sorulan sorular sayfamıza bakabilirsiniz."),
    ("tr", "SIKINTI İÇİN ÖZÜR DİLERİZ, SIKÇA SORULAN SORULARA BAKABİLİRSİNİZ."),
    ("tr", "Vidaları sıktırdık, ürününüz yarın kargoda."),
    ("tr", "Çekoslovakya şubemiz ve Αθήνα ofisimiz yardımcı olacak."),
    ("tr", "Kampanya kodunuz: ＡＢＣ１２３, iyi alışverişler."),
]
