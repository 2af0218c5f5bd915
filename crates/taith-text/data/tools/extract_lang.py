#!/usr/bin/env python3
"""Builds data/lang/ngrams.tsv, the flat character n-gram table of the language detector,
from lingua's own models (lingua-*-language-model 1.3.0 on crates.io, Apache-2.0).

Steps (see README.md): dump each model's ngrams.fst with lingua-dump into DUMP_DIR/<name>.tsv,
then run `python3 extract_lang.py DUMP_DIR > ../lang/ngrams.tsv`.

lingua stores ln P(last char | the chars before) for 1- to 5-grams. We keep, per language,
every unigram, the TOP2 most frequent bigrams and the TOP3 most frequent trigrams (frequency =
the joint probability P(a)·P(b|a)·P(c|ab)), as conditional log-probabilities in tenths of a
nat. Arabic is told by its script and needs no table.
"""
import math
import sys

LANGS = [("en", "english"), ("cy", "welsh"), ("ms", "malay"), ("sw", "swahili"), ("vi", "vietnamese")]
TOP2 = 700
TOP3 = 5000


def load(path):
    probs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            gram, lp = line.rstrip("\n").split("\t")
            if len(gram) <= 3:
                probs[gram] = float(lp)
    return probs


def main():
    dump = sys.argv[1]
    table = {}
    for code, name in LANGS:
        probs = load(f"{dump}/{name}.tsv")
        joint = {}
        for g, lp in probs.items():
            total = 0.0
            ok = True
            for k in range(1, len(g) + 1):
                p = probs.get(g[:k])
                if p is None:
                    ok = False
                    break
                total += p
            if ok:
                joint[g] = total
        keep = [g for g in probs if len(g) == 1]
        for n, top in ((2, TOP2), (3, TOP3)):
            grams = sorted((g for g in joint if len(g) == n), key=lambda g: -joint[g])
            keep += grams[:top]
        for g in keep:
            table.setdefault(g, {})[code] = round(probs[g] * 10)
    print("# ngram\t" + "\t".join(c for c, _ in LANGS) + "\t(ln P(last char | the others) x 10; empty: not kept)")
    for g in sorted(table):
        row = table[g]
        print(g + "\t" + "\t".join(str(row[c]) if c in row else "" for c, _ in LANGS))


if __name__ == "__main__":
    main()
