#!/usr/bin/python3
"""Nouns for people and animals that the everyday-English lexicon leaves out: the subjects that
evaluation meets without the models ever having read them (they are read by their signatures).

    /usr/bin/python3 src/tools/lexicon/derive_unseen_nouns.py > src/main/resources/org/gatescope/text/unseen-nouns.tsv

WordNet 3.0 lemmas of noun.person and noun.animal that the tagged corpus saw (cntlist.rev) but
too rarely for derive_lexicon.py's quota, with a regular -s plural, whose singular's signature
is the plain <unk> and whose plural's is <unk-s> (so a model that learned signatures can tell
the number). One line per noun: singular, plural, category. Same output on every run.
"""
import derive_lexicon as lex

COUNT = 100
# Slurs, insults, faiths, peoples and people known by name: never put into a sentence.
NOT_IN_SENTENCES = set("""abo anabaptist anglican apache arianist assyrian baptist jesuit italian japanese hegel
    lucifer nymphomaniac prick imbecile adulterer cultist executioner deity incarnation platonist
    milquetoast brute drunkard liar loser goner incompetent diabetic alien captive blackmailer
    bootlegger huckster monstrosity nymph coquette chorine girlfriend mommy daddy grandma johnny
    lefty pardner booker nomia hulk idler deportee decedent mercenary invader aggressor besieger
    horseback clamshell beak paw poultry conveyor savage sicilian texan tory slob stiff
    supernatural blonde chick sniper smuggler tormentor aborigine wordsworth whiteface yokel wretch""".split())


def signature_is_plain(word):
    return not (word.endswith("ing") or word.endswith("ed") or word.endswith("ly") or word.endswith("s"))


def main():
    counts = lex.read_counts()
    index, synsets = lex.read_index("noun"), lex.read_synsets("noun")
    irregular = lex.read_exceptions("noun")
    known = set()
    with open("src/main/resources/org/gatescope/text/english-lexicon.tsv") as f:
        for line in f:
            if not line.startswith("#"):
                known.add(line.split("\t")[0])
    candidates = [l for l in index if lex.plain(l) and counts[(l, "noun")] > 0
                  and synsets[index[l][0]][0] in ("noun.person", "noun.animal")
                  and l not in irregular and l not in known and l not in lex.EXCLUDED_LEMMAS
                  and l not in lex.ZERO_PLURALS and l not in NOT_IN_SENTENCES]
    candidates.sort(key=lambda l: (-counts[(l, "noun")], l))
    print("# Nouns for people and animals outside the lexicon (WordNet 3.0, see WORDNET-LICENSE.txt),")
    print("# made by src/tools/lexicon/derive_unseen_nouns.py: evaluation's subjects never seen in training.")
    print("# singular\tplural\tcategory")
    kept = 0
    for lemma in candidates:
        plural = lex.regular_plural(lemma)
        if (plural in known or not signature_is_plain(lemma) or not plural.endswith("s")
                or plural.endswith("ss") or len(lemma) < 3):
            continue
        print(f"{lemma}\t{plural}\t{synsets[index[lemma][0]][0]}")
        kept += 1
        if kept == COUNT:
            break


if __name__ == "__main__":
    main()
