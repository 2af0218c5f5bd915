#!/usr/bin/env python3
"""Writes data/lang/testset.tsv: a sample of lingua's language-labelled test lines (the
`testdata/{sentences,single-words}.txt` of lingua-*-language-model 1.3.0, Apache-2.0), for
the language-ID figures of `taith bench text`. Every 3rd line, first N of each file.

Usage: python3 extract_lang_tests.py CARGO_REGISTRY_SRC_DIR > ../lang/testset.tsv
"""
import sys

LANGS = [("en", "english"), ("cy", "welsh"), ("ms", "malay"), ("sw", "swahili"), ("ar", "arabic"), ("vi", "vietnamese")]
N = {"sentences": 300, "single-words": 300}


def main():
    src = sys.argv[1]
    print("# lang\tkind\ttext  (lingua-*-language-model 1.3.0 testdata, Apache-2.0; see NOTICE)")
    for code, name in LANGS:
        for kind, n in N.items():
            with open(f"{src}/lingua-{name}-language-model-1.3.0/testdata/{kind}.txt", encoding="utf-8") as f:
                lines = [l.strip().replace("\t", " ") for l in f if l.strip()]
            for line in lines[::3][:n]:
                print(f"{code}\t{'sentence' if kind == 'sentences' else 'word'}\t{line}")


if __name__ == "__main__":
    main()
