#!/usr/bin/env python3
"""Detection quality of Parallax on real multi-outlet news clusters (FNC-1).

    eval/quality.py [--half tune|check|both] [--binary PATH] [--kinds K,...]
                    [--min-confidence X] [--seed N] [--json FILE]
    eval/quality.py --list                 every finding of the unmodified clusters
    eval/quality.py --misses KIND          each planted change of KIND that was missed
    eval/quality.py sample [--n 60] [--append]   findings to judge by hand

It measures three things per half of the set:
  * findings per 1,000 words on the unmodified clusters (by kind);
  * recall of changes planted into one article of a cluster, where another
    article restates the original fact (decided here, not by Parallax);
  * precision of the findings judged by a person in eval/judged.tsv.

See eval/README.md for the data, the split and the plant rules. Standard
library only.
"""

import argparse
import csv
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import NamedTuple

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JUDGED = os.path.join(REPO, "eval", "judged.tsv")
JUDGED_HEADER = ["id", "cluster", "kind", "verdict", "reason"]
FNC_FILES = ["competition_test_bodies.csv", "competition_test_stances.csv"]
TRAIN_FILES = ["train_bodies.csv", "train_stances.csv"]
KINDS = ["name", "officeholder", "number", "date", "polarity"]
PER_KIND = 3  # planted changes per kind per cluster
BANDS = [(0.0, 0.5, "<0.5"), (0.5, 0.7, "0.5-0.7"), (0.7, 0.9, "0.7-0.9"), (0.9, 9.9, ">=0.9")]

MISSING_DATA = """\
FNC-1 data not found{where}.
This harness needs the FNC-1 competition test set: a folder holding
  competition_test_bodies.csv   (Body ID, articleBody)
  competition_test_stances.csv  (Headline, Body ID, Stance)
It comes from https://github.com/FakeNewsChallenge/fnc-1. In this workplace the
`fetch` tool brings github:FakeNewsChallenge/fnc-1 under /work/.mirror/...; then
  mkdir -p DIR
  git -C <that dir> show HEAD:competition_test_bodies.csv > DIR/competition_test_bodies.csv
  git -C <that dir> show HEAD:competition_test_stances.csv > DIR/competition_test_stances.csv
and pass --fnc DIR or set PARALLAX_FNC1=DIR. Nothing was measured."""


# ---------------------------------------------------------------- the data

@dataclass
class Cluster:
    id: str
    half: str
    files: dict  # file name -> text, in name order
    dir: str = ""


def fnc_dir(arg):
    """The FNC-1 folder, or None (with the message printed) when it is absent."""
    d = arg or os.environ.get("PARALLAX_FNC1") or ("/work/data/fnc1" if os.path.isdir("/work/data/fnc1") else None)
    if d and all(os.path.isfile(os.path.join(d, f)) for f in FNC_FILES):
        return d
    print(MISSING_DATA.format(where=f" in {d}" if d else ""))
    return None


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def half_of(cluster_id):
    """A split that does not move when clusters are added or the seed changes."""
    return "tune" if hashlib.sha256(cluster_id.encode()).digest()[0] % 2 == 0 else "check"


# Stances of copies of the training set that number them (FNC-1's order).
STANCE_NUMBERS = {"0": "agree", "1": "disagree", "2": "discuss", "3": "unrelated"}


def body_id(row):
    """The body id of a row; some copies of the set spell the column `Body_ID`."""
    return int(row.get("Body ID", row.get("Body_ID")))


def load_clusters(fnc, half):
    """Clusters of one half: `train` from FNC-1's training set (tuning
    only, when its files are at hand), `tune` and `check` from the
    competition test set split by `half_of`."""
    if half != "train":
        return [c for c in test_clusters(fnc) if c.half == half]
    if not all(os.path.isfile(os.path.join(fnc, f)) for f in TRAIN_FILES):
        print(f"no FNC-1 training set in {fnc} ({', '.join(TRAIN_FILES)}): the train half is skipped\n")
        return []
    # A few training bodies are also test bodies: left out, so that no
    # check text is tuned on.
    test = {r["articleBody"] for r in read_csv(os.path.join(fnc, FNC_FILES[0]))}
    return grouped(fnc, TRAIN_FILES, "fnt", lambda _: "train", leave_out=test)


def test_clusters(fnc):
    return grouped(fnc, FNC_FILES, "fnc", half_of)


def grouped(fnc, files, prefix, half, leave_out=frozenset()):
    """Bodies linked by a shared headline (stance not `unrelated`), as the
    connected components of that graph: one story told by several outlets."""
    bodies = {body_id(r): r["articleBody"] for r in read_csv(os.path.join(fnc, files[0]))
              if r["articleBody"] not in leave_out}
    parent = {}

    def root(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_headline = defaultdict(list)
    for r in read_csv(os.path.join(fnc, files[1])):
        if STANCE_NUMBERS.get(r["Stance"], r["Stance"]) != "unrelated":
            by_headline[r["Headline"]].append(body_id(r))
    for ids in by_headline.values():
        for b in ids:
            parent[root(b)] = root(ids[0])
    groups = defaultdict(list)
    for b in parent:
        groups[root(b)].append(b)
    clusters = []
    for ids in groups.values():
        ids = [b for b in ids if b in bodies]
        if len(ids) < 2:
            continue
        cid = f"{prefix}-{min(ids)}"
        texts = {f"{b:05d}.txt": bodies[b] for b in sorted(ids) if b in bodies}
        clusters.append(Cluster(cid, half(cid), texts))
    return sorted(clusters, key=lambda c: int(c.id.split("-")[1]))


def write_if_changed(path, text):
    """Rewrite only when the bytes differ, by rename, so hard links made
    for planted copies keep the old bytes and unchanged files keep mtimes."""
    data = text.encode("utf-8")
    try:
        with open(path, "rb") as fh:
            if fh.read() == data:
                return
    except FileNotFoundError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def write_clusters(work, clusters):
    """One folder per cluster at a fixed place, so paths (and so every
    report) are the same from run to run."""
    for c in clusters:
        c.dir = os.path.join(work, "clusters", c.id)
        os.makedirs(c.dir, exist_ok=True)
        for name, text in c.files.items():
            write_if_changed(os.path.join(c.dir, name), text)
        for stale in set(os.listdir(c.dir)) - set(c.files):
            os.remove(os.path.join(c.dir, stale))


# ---------------------------------------------------------- running Parallax

# Knowledge-base options for every run (`--kb`, `--user-kb`), set by main.
KB_ARGS = ["--no-user-kb"]


def run_report(binary, directory, out_json):
    """The JSON report of one folder, kept in out_json; None when it failed."""
    p = subprocess.run([binary, "report", "-f", "json", *KB_ARGS, directory],
                       capture_output=True, check=False)
    if p.returncode not in (0, 1) or not p.stdout.strip():
        sys.stderr.write(f"parallax failed on {directory} (exit {p.returncode}): "
                         f"{p.stderr.decode(errors='replace').strip()[:300]}\n")
        return None
    with open(out_json, "wb") as fh:
        fh.write(p.stdout)
    return json.loads(p.stdout)


def parallel(jobs, fn, items):
    """fn over items, `jobs` at a time (each call mostly waits on Parallax)."""
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(fn, items))


def finding_key(f):
    """What makes a finding the same one in another run: its kind and quotes
    (the finding id is a hash of the same, but this reads better in code)."""
    return (f["kind"], tuple(sorted(e["text"] for e in f["evidence"])))


def words_of(report):
    return sum(len(s["text"].split()) for a in report["articles"] for s in a["sentences"])


def check_offsets(reports):
    """(mismatches, total): evidence start/end must be byte offsets into the
    file, or deciding `found` by overlap with planted spans would be wrong."""
    bad = total = 0
    cache = {}
    for rep in reports:
        for f in rep["findings"]:
            for e in f["evidence"]:
                if e["path"] not in cache:
                    with open(e["path"], "rb") as fh:
                        cache[e["path"]] = fh.read()
                total += 1
                got = cache[e["path"]][e["start"]:e["end"]].decode("utf-8", "replace")
                bad += got != e["text"]
    return bad, total


# ------------------------------------------------- text, independent of Parallax

STOPWORDS = set("""
about above according across actually after again against almost along already also
although always among another anyone anything around away back been before being
below between both came can't cannot come could didn't does doesn't doing done down
during each either else even ever every first from further gets going gone have
having here hers herself himself however into itself just know last later least less
like made make many might more most much must myself near need never news next none
only onto other others ours over per perhaps really said same says seem seen should
since some something still such take than that their theirs them themselves then
there these they thing things this those though through thus told took toward under
unless until upon very want wants week were what whatever when where whether which
while whom whose will with within without would year years your yours yesterday
today tells telling reported reports report reporting saying
""".split())


def content_words(text):
    """Lowercased letter-only words of 4+ letters that are not function words:
    what two sentences must share to be about the same thing."""
    return {w for w in re.findall(r"[^\W\d_]+", text.lower()) if len(w) >= 4 and w not in STOPWORDS}


SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n\s*")
ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Capt|Lt|Col|Sgt|Jr|Sr|Prof|Rev|No|vs|"
                          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Inc|Co|Corp|Ltd)|\b[A-Z]|\.[A-Z])\.$")


def split_sentences(text):
    """(start, end) character ranges: a simple split at . ! ? and line
    breaks, not after common abbreviations and initials ("U.S.", "Mr.")."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        piece = text[start:m.end()].rstrip()
        if "\n" not in m.group() and ABBREVIATION.search(piece.rstrip("\"'”’)]")):
            continue
        if piece.strip():
            spans.append((start + len(piece) - len(piece.lstrip()), start + len(piece)))
        start = m.end()
    if text[start:].strip():
        rest = text[start:]
        spans.append((start + len(rest) - len(rest.lstrip()), len(text.rstrip())))
    return spans


@dataclass
class Doc:
    """One article as this harness reads it: its own sentences and words."""
    name: str
    text: str
    sents: list = field(default_factory=list)
    words: list = field(default_factory=list)

    @classmethod
    def of(cls, name, text):
        sents = split_sentences(text)
        return cls(name, text, sents, [content_words(text[s:e]) for s, e in sents])

    def sentence_at(self, pos):
        for i, (s, e) in enumerate(self.sents):
            if s <= pos < e:
                return i
        return None

    def sentence(self, i):
        s, e = self.sents[i]
        return self.text[s:e]


def restatement(docs, doc, i, contains, exclude=()):
    """(file, sentence) of another article restating sentence i of doc: it
    contains the original token(s) (`contains`) and shares at least two
    content words with it, not counting the token's own words."""
    if i is None:
        return None
    mine = doc.words[i] - {w.lower() for w in exclude}
    if len(mine) < 2:
        return None
    for other in docs:
        if other is doc:
            continue
        for j, words in enumerate(other.words):
            if len(mine & words) >= 2 and contains(other.sentence(j)):
                return other.name, other.sentence(j)
    return None


def word_re(word, flags=0):
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", flags)


def same_case(new, old):
    if old.isupper() and len(old) > 1:
        return new.upper()
    return new[0].upper() + new[1:] if old[:1].isupper() else new


# ---------------------------------------------------------- planted changes

@dataclass
class Plant:
    cluster: str
    kind: str
    subkind: str
    file: str
    original: str
    changed: str
    edits: list  # [(start, end, new text)], character offsets in the original
    sentence: str
    other_file: str
    restating: str
    spans: list = field(default_factory=list)  # byte spans in the changed file
    path: str = ""  # the changed file
    dir: str = ""  # the changed copy of the cluster
    status: str = "missed"  # found | missed | preexisting | error
    found_by: str = ""
    finding_id: str = ""
    analysed: bool = True  # whether the change lies in a sentence Parallax read


def apply_edits(text, edits):
    """The changed text and the byte span of each replacement in it."""
    out, spans, pos, nbytes = [], [], 0, 0
    for start, end, new in sorted(edits):
        kept = text[pos:start]
        out.append(kept)
        nbytes += len(kept.encode("utf-8"))
        out.append(new)
        spans.append((nbytes, nbytes + len(new.encode("utf-8"))))
        nbytes += len(new.encode("utf-8"))
        pos = end
    out.append(text[pos:])
    return "".join(out), spans


class Candidate(NamedTuple):
    """A place a change can be planted: the article, what the kind needs to
    make the change, the restating (file, sentence), and the position."""
    doc: Doc
    what: object
    restated: tuple
    pos: int


def plant_fields(cand, **fields):
    """The fields every plant shares, from its candidate."""
    return dict(file=cand.doc.name, sentence=cand.doc.sentence(cand.doc.sentence_at(cand.pos)),
                other_file=cand.restated[0], restating=cand.restated[1], **fields)


# Candidate finders: each takes the cluster's Docs and yields every
# Candidate of its kind; the plant function makes the change for one
# chosen candidate (with `rng` where the change has a choice).

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH_ABBR = {"Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Aug.": 8, "Sept.": 9, "Sep.": 9,
              "Oct.": 10, "Nov.": 11, "Dec.": 12}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Capitalised words that are not parts of a person's name: titles, sentence
# openers, place-ish and organisation-ish words. Country names and
# demonyms from the KB are added at load time.
NOT_NAME = set(MONTHS + WEEKDAYS + """
The A An And But Or Nor For So Yet In On At By Of To From With Without As After Before When While
If Then This That These Those It Its He She His Her Him They Them Their We Our Us You Your I My
Who What Where Why How Which There Here According Meanwhile However Also Although Though Since
Despite During Under Over Into Through Against Between Among About Some Many Most All Both Each
Every No Not One Two Three Yes Mr Mrs Ms Miss Dr Sir Dame Lord Lady Sheikh Saint St
President Vice Prime Minister Secretary Senator Sen Rep Representative Congressman Congresswoman
Governor Gov Mayor General Gen Colonel Col Captain Capt Lieutenant Sergeant Major Commander Chief
Officer Detective Inspector Sheriff Judge Justice Attorney Professor Prof Doctor Reverend Pastor
Father Pope Cardinal Bishop Imam Ayatollah King Queen Prince Princess Emir Crown Ambassador Envoy
Director Spokesman Spokeswoman Spokesperson Chairman Chairwoman Leader Supreme Deputy Assistant
Former Acting Mister Agent Private Corporal Admiral Marshal Dean Coach Chancellor Speaker Senior
North South East West Northern Southern Eastern Western Central Middle New Old Great San Santa
Los Las Fort Port Mount Lake River Island Islands Bay Beach City County State States Street
Avenue Road Square Park Valley Kingdom Republic United Gulf Sea Ocean Strip Bank Airport Station
Hospital Medical University College School Academy Church Mosque Temple House Hall Center Centre
Tower Bridge Palace Castle Hotel Mall Market Zoo Museum Garden Gardens
Islamic Muslim Christian Jewish Catholic Sunni Shia Shiite Kurdish Arab
News Times Post Daily Mail Press Associated Reuters Agency Department Ministry Army Navy Force
Forces Police Party Council Court Committee Commission Foundation Institute Group Company
Corporation Inc Ltd Media Channel Network Television Radio Magazine Journal Herald Tribune
Telegraph Guardian Independent Mirror Express Sun Star Show Live Twitter Facebook Instagram
YouTube Google Apple Microsoft Christmas Easter Ramadan Internet Web Online Global International
National Federal Royal Foreign Defense Defence Security Intelligence Health Service Services
Office Federation Union Alliance Coalition Movement Front Brigade Brigades Battalion Division
Corps Guard Guards Team Club League Cup Championship Olympic Olympics World Award Awards Prize
Festival Day Night Week Year Morning Evening Today Tonight Breaking Update Exclusive Watch Video
Photo Photos Image Images Read More Related Story Stories Report Reports Source Sources Study
Hills Heights Springs Falls Village Township Harbor Harbour Point Creek Canyon Mansion
Project Operation Enterprises Studios Records Pictures Entertainment Games Labs Systems
Technologies Motors Airlines Airways Fund Capital Partners Holdings Edition Plus Pro Phone
Mobile Galaxy Store Stores Restaurant Cafe Bar Grill Burger Pizza Prison Jail Base Camp
Act Law Treaty Accord Agreement Plan Program Programme Initiative Summit Conference Forum
Society Rights Association Organization Organisation Human Humane Trust Charity Animal Animals
Protection Prevention Cruelty Welfare Control Advocates Affairs Relations Resources Energy
Information Administration Province Region District Territory Nursery Elementary Primary
Secondary High Junior Zone Border Desert Forest Mountains Clinic Lab Laboratory
Policy Economic Economics Studies Research Science Sciences Technology Hip Hop
""".split())


def load_kb():
    """People, offices and the names of things that are not people, from
    the same KB files Parallax embeds."""
    people, offices, not_people = {}, [], set()
    kb_dir = os.path.join(REPO, "assets", "kb")
    for name in sorted(os.listdir(kb_dir)):
        if not name.endswith(".toml"):
            continue
        with open(os.path.join(kb_dir, name), "rb") as fh:
            data = tomllib.load(fh)
        for p in data.get("person", []):
            people[p["id"]] = p
        offices += data.get("office", [])
        for c in data.get("country", []):
            for n in [c["name"], *c.get("aliases", []), *c.get("demonyms", [])]:
                NOT_NAME.update(n.split())
        for table in ("place", "organization", "event"):
            for x in data.get(table, []):
                not_people.update(n.lower() for n in [x["name"], *x.get("aliases", [])])
    return people, offices, not_people


CAP = r"(?:[A-Z][a-zà-ÿ]+(?:[A-Z][a-zà-ÿ]+)?)"  # Smith, McDonald, DeLeo
# A run of capitalised words, not part of a hyphenated compound
# ("Hewlett-Packard") or a longer word ("O'Neill"); "Obama's" is fine.
CAP_RUN = re.compile(rf"(?<![\w'’-]){CAP}(?: {CAP})*(?!\w|-\w|['’](?!s\b)\w)")


def person_names(doc, not_people):
    """Full names (2-3 capitalised words, the last of 5+ letters) in doc:
    runs of capitalised words cut at words that cannot be in a name, not
    after "the" ("the Black Widow", "the Kyunghyang Shinmun")."""
    names = set()
    for m in CAP_RUN.finditer(doc.text):
        if doc.text[max(0, m.start() - 4):m.start()] == "the ":
            continue
        part = []
        for w in m.group().split() + ["The"]:  # "The" closes the last part
            if w not in NOT_NAME:
                part.append(w)
                continue
            if 2 <= len(part) <= 3 and len(part[-1]) >= 5 and " ".join(part).lower() not in not_people:
                names.add(" ".join(part))
            part = []
    return names


SPEECH = ("said|says|told|tells|wrote|writes|added|adds|explained|claimed|claims|insisted|stated|"
          "noted|asked|recalled|replied|tweeted|posted|explains|continued|argued|warned|admitted")
PERSON_AFTER = re.compile(rf"(?:,?\s+(?:{SPEECH})\b|,\s+(?:who\b|whose\b|\d{{1,3}}\b)|\s+\(\d{{1,3}}\))")
PERSON_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Capt|Sgt|Rev|Sir|Dame|President|Senator|"
                           r"Governor|Mayor|Officer|officer|Detective|Judge|Chief|Captain|Sergeant|Pope)\.?\s+"
                           r"(?:[A-Z][a-z]+\s+){0,2}$")


def named_as_person(docs, surname):
    """Whether some article treats the surname as a person's: "Winter
    said", "Burton, 26,", "Mr Nash", "officer Darren Wilson". Places and
    organisations made of capitalised words pass the name shape too."""
    for d in docs:
        for m in word_re(surname).finditer(d.text):
            if PERSON_AFTER.match(d.text, m.end()) or PERSON_BEFORE.search(d.text[max(0, m.start() - 40):m.start()]):
                return True
    return False


def misspell(word, rng):
    """One edit of the surname: double a letter, swap two adjacent inner
    letters, drop an inner letter, or change an inner vowel."""
    n = len(word)
    ops = {
        "double": list(range(1, n)),
        "swap": [i for i in range(1, n - 2) if word[i] != word[i + 1]],
        "drop": list(range(1, n - 1)),
        "vowel": [i for i in range(1, n - 1) if word[i] in "aeiou"],
    }
    op = rng.choice([k for k, v in ops.items() if v])
    i = rng.choice(ops[op])
    if op == "double":
        return word[:i] + word[i] + word[i:], op
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:], op
    if op == "drop":
        return word[:i] + word[i + 1:], op
    return word[:i] + rng.choice([v for v in "aeiou" if v != word[i]]) + word[i + 1:], op


def name_candidates(docs, ctx):
    """A surname spelled differently, every time, in one article only."""
    names = {d.name: person_names(d, ctx["not_people"]) for d in docs}
    for doc in docs:
        by_surname = defaultdict(list)
        for full in sorted(names[doc.name]):
            by_surname[full.split()[-1]].append(full)
        for surname, fulls in sorted(by_surname.items()):
            shared = [f for f in fulls if any(f in names[o.name] for o in docs if o is not doc)]
            if not shared or not named_as_person(docs, surname):
                continue
            found = None
            exclude = {w for f in shared for w in f.split()}
            contains = lambda s, shared=shared: any(word_re(f).search(s) for f in shared)
            for m in word_re(surname).finditer(doc.text):
                found = restatement(docs, doc, doc.sentence_at(m.start()), contains, exclude)
                if found:
                    break
            if found:
                yield Candidate(doc, surname, found, m.start())


def name_plant(cand, rng, ctx):
    surname, text = cand.what, cand.doc.text
    changed, op = misspell(surname, rng)
    edits = [(m.start(), m.end(), changed) for m in word_re(surname).finditer(text)]
    edits += [(m.start(), m.end(), changed.upper()) for m in word_re(surname.upper()).finditer(text)]
    return plant_fields(cand, subkind=op, original=surname, changed=changed, edits=edits)


def office_index(people, offices):
    """title (lowercase) -> [(office, person id, name form, replacement ids)]:
    each way a holder can be named after the office's title, with the
    holders just before and after (acting ones skipped: they are obscure)."""
    index = defaultdict(list)
    for office in offices:
        holders = [h for h in office.get("holders", []) if not h.get("acting")]
        for i, h in enumerate(holders):
            pid = h["person"]
            before = next((x["person"] for x in reversed(holders[:i]) if x["person"] != pid), None)
            after = next((x["person"] for x in holders[i + 1:] if x["person"] != pid), None)
            others = sorted({x for x in (before, after) if x})
            if not others or pid not in people:
                continue
            for form in person_forms(people[pid]):
                for title in [office["title"], *office.get("aliases", [])]:
                    index[title.lower()].append((office["id"], pid, form, others))
    return index


def person_forms(p):
    """The ways a KB person is named: full name, aliases, surname."""
    surname = p.get("surname") or p["name"].replace(" Jr.", "").split()[-1]
    return sorted({p["name"], *p.get("aliases", []), surname}, key=len, reverse=True)


def officeholder_candidates(docs, ctx):
    """An office holder named right after the office's title."""
    index, people = ctx["office_index"], ctx["people"]
    titles = re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in sorted(index, key=len, reverse=True)) + r")\s+", re.I)
    for doc in docs:
        for m in titles.finditer(doc.text):
            if FORMER_BEFORE.search(doc.text, max(0, m.start() - 40), m.start()):
                continue  # another holder of the office is former too: no error planted
            at = m.end()
            hits = [(o, pid, form, others) for o, pid, form, others in index[m.group(1).lower()]
                    if doc.text.startswith(form, at) and not doc.text[at + len(form):at + len(form) + 1].isalnum()]
            if not hits or len({h[1] for h in hits}) > 1:
                continue  # no holder, or a surname several holders share
            hits.sort(key=lambda h: -len(h[2]))
            office, pid, form, others = hits[0]
            if NAME_GOES_ON.match(doc.text, at + len(form)):
                continue  # the KB form is only the start of the name written
            forms = person_forms(people[pid])
            contains = lambda s: any(word_re(f).search(s) for f in forms)
            exclude = {w for f in forms for w in re.findall(r"\w+", f)} | set(m.group(1).split())
            found = restatement(docs, doc, doc.sentence_at(at), contains, exclude)
            if found:
                yield Candidate(doc, (at, at + len(form), form, office, others), found, at)


# "former", "ex-", "late" or "then" before a title, with a country's
# adjective between or not ("ex-Iraqi President"): the holder is named as
# a past one, so naming another past holder is no error.
FORMER_BEFORE = re.compile(r"(?<!\w)(?i:former|ex|late|then)[\s-]+(?:[A-Z][\w.'-]*\s+){0,2}$")


# More of a name after a KB form ("Cristina Fernandez de Kirchner"): a
# plant over the form alone would leave a name no reader could resolve.
NAME_GOES_ON = re.compile(r"\s+(?:(?:de|del|da|di|van|von|bin|ibn|al|el)\s+)?[A-Z][a-z]")


def officeholder_plant(cand, rng, ctx):
    """The holder just before or after, by full name, in the same place
    (without a title the text already writes before it: "Pope Francis" ->
    "Pope Benedict XVI", not "Pope Pope Benedict XVI")."""
    start, end, form, office, others = cand.what
    new = ctx["people"][rng.choice(others)]["name"]
    before = cand.doc.text[max(0, start - 40):start].rstrip().split()
    if before and new.split()[0].lower() == before[-1].lower() and len(new.split()) > 1:
        new = new.split(maxsplit=1)[1]
    return plant_fields(cand, subkind=office, original=form, changed=new, edits=[(start, end, new)])


NUMBER_WORDS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update(dozen=12, hundred=100, thousand=1000, million=10**6)
SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
NUMBER = re.compile(r"""
    (?<![\w.,/:$£€-])
    (?:(?P<cur>[$£€])\s?)?
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:%s))
    (?![\w/:-]|[.,]\d)
    (?P<scale>\s+(?:hundred|thousand|million|billion|trillion)\b)?
    (?P<pct>\s?%%|\s+percent\b|\s+per\s+cent\b)?
""" % "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)), re.X)
ONE_NOT_AFTER = {"no", "any", "every", "some", "the", "this", "that", "which", "each", "only", "just", "at", "with", "anyone"}
ONE_NOT_BEFORE = [[w] for w in ("of", "another", "thing", "way", "day", "time", "hand", "more", "point", "who", "that", "which", "is", "was")]
CURRENCY_WORDS = {"dollars", "dollar", "pounds", "euros", "yuan", "rupees", "yen"}
NOT_NOUN = set("""
the and but for nor yet with from into onto than then that this these those was were are has had
have been being will would could should can may might must not its his her their our who whom
which what when where why how all any each more most less least some such out off over under
about after before ago later earlier per said says also only just very too than both either
them they she him you there here now again still another whom whose itself
""".split())


def number_value(m):
    num = m.group("num").lower()
    value = NUMBER_WORDS[num] if num in NUMBER_WORDS else float(num.replace(",", ""))
    if m.group("scale"):
        value *= SCALES[m.group("scale").split()[-1].lower()]
    return value


def number_subkind(m, text):
    after = text[m.end():m.end() + 20].lower().split()
    if m.group("cur") or (after and after[0].strip(".,;") in CURRENCY_WORDS):
        return "money"
    return "percent" if m.group("pct") else "count"


def is_number_candidate(m, text):
    """Not a year, not part of a date, and counting something: a noun-ish
    word within the next three (money and percentages count anyway)."""
    num = m.group("num")
    bare = not (m.group("cur") or m.group("scale") or m.group("pct"))
    if bare and re.fullmatch(r"(19|20)\d\d", num):
        return False
    before = text[max(0, m.start() - 12):m.start()].split()
    if before and before[-1].rstrip(".,") in MONTHS + [a.rstrip(".") for a in MONTH_ABBR]:
        return False
    if before and re.search(r"[A-Z]", before[-1]) and before[-1] not in NOT_NAME and num[0].isdigit():
        return False  # a model or a name: "iPhone 6", "Model 3", "Route 66"
    if num.lower() == "one" and (  # "one" is more often a pronoun than a count
            (before and before[-1].lower() in ONE_NOT_AFTER)
            or text[m.end():m.end() + 12].split()[:1] in ONE_NOT_BEFORE):
        return False
    if number_subkind(m, text) != "count":
        return True
    following = re.split(r"[.;:!?()\"“”]", text[m.end():m.end() + 60])[0]
    for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", following)[:3]:
        lw = w.lower()
        if len(w) >= 3 and lw not in NOT_NOUN and lw not in NUMBER_WORDS and lw not in SCALES and not lw.endswith("ly"):
            return True
    return False


def counted_words(m, text):
    """What a count counts: the noun-ish words among the next three after
    it, lowercased, a plural "s" dropped ("seven hours" and "seven hour
    battle" count hours; "two weeks" and "two years" do not count alike)."""
    following = re.split(r"[.;:!?()\"“”,]", text[m.end():m.end() + 60])[0]
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", following)[:3]:
        lw = w.lower()
        if len(w) >= 3 and lw not in NOT_NOUN and lw not in NUMBER_WORDS and lw not in SCALES:
            out.add(lw[:-1] if lw.endswith("s") and not lw.endswith("ss") else lw)
    return out


def changed_number(num):
    """Digits x3 (+7 for 0-2, where x3 says little); a number word becomes
    another number word."""
    word = num.lower()
    if word in NUMBER_WORDS:
        v = NUMBER_WORDS[word]
        if v <= 20:
            new = next(w for w, x in NUMBER_WORDS.items() if x == (v + 2) % 20 + 1)
        else:
            new = {"dozen": "hundred", "hundred": "thousand", "thousand": "million", "million": "billion"}[word]
        return same_case(new, num)
    decimals = len(num.split(".")[1]) if "." in num else 0
    value = float(num.replace(",", ""))
    value = value + 7 if value <= 2 else value * 3
    return f"{value:,.{decimals}f}" if "," in num else f"{value:.{decimals}f}"


def number_candidates(docs, ctx):
    for doc in docs:
        for m in NUMBER.finditer(doc.text):
            if not is_number_candidate(m, doc.text):
                continue
            value = (number_subkind(m, doc.text), number_value(m))
            counted = counted_words(m, doc.text)
            contains = lambda s, value=value, counted=counted: any(
                (number_subkind(x, s), number_value(x)) == value and is_number_candidate(x, s)
                and (value[0] != "count" or counted & counted_words(x, s))
                for x in NUMBER.finditer(s))
            exclude = set(re.findall(r"[A-Za-z]+", m.group()))
            found = restatement(docs, doc, doc.sentence_at(m.start()), contains, exclude)
            if found:
                yield Candidate(doc, m, found, m.start())


def number_plant(cand, rng, ctx):
    m = cand.what
    new = changed_number(m.group("num"))
    return plant_fields(cand, subkind=number_subkind(m, cand.doc.text), original=m.group().strip(),
                        changed=m.group().strip().replace(m.group("num"), new, 1),
                        edits=[(m.start("num"), m.end("num"), new)])


MONTH_RE = r"(?P<month>%s|%s)" % ("|".join(MONTHS), "|".join(re.escape(a) for a in MONTH_ABBR))
DATE_FORMS = [
    ("day", re.compile(rf"(?<!\w){MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\w|,\d|:)")),
    ("day", re.compile(rf"(?<![\w.,])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}(?!\w)")),
    ("month", re.compile(rf"(?<!\w){MONTH_RE},?\s+(?P<year>(?:19|20)\d\d)(?!\w)")),
    ("weekday", re.compile(r"(?<!\w)(?P<wd>%s)(?!\w)(?!\s+(?!%s)[A-Z])" % ("|".join(WEEKDAYS), "|".join(MONTHS)))),
]


def month_number(name):
    return MONTHS.index(name) + 1 if name in MONTHS else MONTH_ABBR[name]


def date_value(sub, m):
    """What a restating sentence must say too: the weekday, month and day,
    or month and year."""
    if sub == "weekday":
        return ("weekday", m.group("wd"))
    if sub == "day":
        return ("day", month_number(m.group("month")), int(m.group("day")))
    return ("month", month_number(m.group("month")), m.group("year"))


def dates_in(text):
    """(subkind, match) for every date of the kinds planted, a day-and-month
    date hiding the month-and-year reading of the same month."""
    out, taken = [], []
    for sub, rx in DATE_FORMS:
        for m in rx.finditer(text):
            if sub == "day" and not 1 <= int(m.group("day")) <= 31:
                continue
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append(m.span())
            out.append((sub, m))
    return out


def date_candidates(docs, ctx):
    for doc in docs:
        for sub, m in dates_in(doc.text):
            value = date_value(sub, m)
            contains = lambda s: any(date_value(*x) == value for x in dates_in(s))
            exclude = {w for w in re.findall(r"[A-Za-z]+", m.group())}
            found = restatement(docs, doc, doc.sentence_at(m.start()), contains, exclude)
            if found:
                yield Candidate(doc, (sub, m), found, m.start())


def date_plant(cand, rng, ctx):
    """Weekday +2, day +3 (or -3 where that would leave the month), month +2."""
    sub, m = cand.what
    if sub == "weekday":
        group, new = "wd", WEEKDAYS[(WEEKDAYS.index(m.group("wd")) + 2) % 7]
    elif sub == "day":
        d = int(m.group("day"))
        group, new = "day", str(d + 3 if d + 3 <= 28 else d - 3)
    else:
        group, new = "month", MONTHS[(month_number(m.group("month")) + 1) % 12]
    s, e = m.span(group)
    changed = cand.doc.text[m.start():s] + new + cand.doc.text[e:m.end()]
    return plant_fields(cand, subkind=sub, original=m.group(), changed=changed, edits=[(s, e, new)])


POLAR_PAIRS = [("approved", "rejected"), ("confirmed", "denied"), ("accepted", "rejected"),
               ("agreed", "refused"), ("convicted", "acquitted"), ("admitted", "denied"),
               ("won", "lost"), ("rose", "fell"), ("increased", "decreased"), ("alive", "dead"),
               ("true", "false"), ("real", "fake"), ("legal", "illegal"), ("guilty", "innocent"),
               ("allowed", "banned"), ("opened", "closed"), ("succeeded", "failed")]
OPPOSITE = {}
for _a, _b in POLAR_PAIRS:  # the first pair a word is in gives its opposite
    OPPOSITE.setdefault(_a, _b)
    OPPOSITE.setdefault(_b, _a)
POLAR_WORD = re.compile(r"(?<!\w)(%s)(?!\w|['’]\w)" % "|".join(OPPOSITE), re.I)  # not "won't"
AUX = r"is|was|were|are|has|have|had|did|does|do"
NEGATED = re.compile(rf"(?<!\w)(?P<aux>{AUX})(?:\s+not|n['’]t)(?!\w)", re.I)
AFFIRMED = re.compile(r"(?<!\w)(?P<aux>is|was|were|has|had|did|does)\s+(?P<w>[a-z]+)(?!\w)")
NEGATION = re.compile(r"(?<!\w)(?:not|never|no)(?!\w)|n['’]t(?!\w)", re.I)
NOT_VERB = {"often", "even", "seven", "eleven", "children", "women", "kitten", "garden", "something",
            "nothing", "anything", "everything", "during", "morning", "evening", "thing", "king",
            "ring", "spring", "sibling", "ceiling", "darling", "wedding", "pudding", "given"}


def verbish(aux, w):
    """Can "not" go between aux and w? A participle after be/have, a plain
    word after do."""
    if w in NOT_VERB or w in NOT_NOUN:
        return False
    if aux.lower() in ("did", "does"):
        return len(w) >= 3
    return len(w) >= 5 and w.endswith(("ed", "en", "ing"))


def polarity_changes(text):
    """(subkind, start, end, original, changed, token, negated) for each
    place a statement can be turned into its opposite."""
    for m in POLAR_WORD.finditer(text):
        yield ("word", m.start(), m.end(), m.group(), same_case(OPPOSITE[m.group().lower()], m.group()), m.group(), None)
    for m in NEGATED.finditer(text):
        # What is negated, for finding it restated: the first content word
        # after "not" ("is not the same" -> "same", "has not been
        # confirmed" -> "confirmed"); the change covers it too.
        for w in re.finditer(r"[A-Za-z]+", text[m.end():m.end() + 40]):
            if w.group().lower() not in NOT_NOUN | STOPWORDS | {"the", "a", "an", "be", "any"} and len(w.group()) >= 3:
                break
        else:
            continue
        end = m.end() + w.end()
        new = f"{m.group('aux')}{text[m.end():end]}" if text[m.end()].isspace() else f"{m.group('aux')} {text[m.end():end]}"
        yield ("negation-removed", m.start(), end, text[m.start():end], new, w.group(), True)
    for m in AFFIRMED.finditer(text):
        if verbish(m.group("aux"), m.group("w")):
            new = f"{m.group('aux')} not {m.group('w')}"
            yield ("negation-added", m.start(), m.end(), m.group(), new, m.group("w"), False)


def polarity_candidates(docs, ctx):
    for doc in docs:
        for change in polarity_changes(doc.text):
            sub, start, end, original, new, token, negated = change
            # The token as a word of its own: "won" is not restated by "won't".
            rx = re.compile(rf"(?<!\w){re.escape(token)}(?!\w|['’]\w)", re.I)
            if negated is None:
                contains = rx.search
            else:  # the restating sentence says the same thing, negated or not
                contains = lambda s, rx=rx, negated=negated: bool(rx.search(s)) and bool(NEGATION.search(s)) == negated
            exclude = set(re.findall(r"[A-Za-z]+", original))
            found = restatement(docs, doc, doc.sentence_at(start), contains, exclude)
            if found:
                yield Candidate(doc, change, found, start)


def polarity_plant(cand, rng, ctx):
    sub, start, end, original, new, _, _ = cand.what
    return plant_fields(cand, subkind=sub, original=original, changed=new, edits=[(start, end, new)])


FINDERS = {
    "name": (name_candidates, name_plant),
    "officeholder": (officeholder_candidates, officeholder_plant),
    "number": (number_candidates, number_plant),
    "date": (date_candidates, date_plant),
    "polarity": (polarity_candidates, polarity_plant),
}


def plants_for(cluster, kinds, seed, ctx):
    """Up to PER_KIND planted changes per kind, chosen with a generator
    seeded by (seed, cluster, kind) so one kind's choice never depends on
    which other kinds run. Returns (plants, candidates per kind)."""
    docs = [Doc.of(name, text) for name, text in cluster.files.items()]
    plants, counts = [], {}
    for kind in kinds:
        find, make = FINDERS[kind]
        cands = list(find(docs, ctx))
        counts[kind] = len(cands)
        rng = random.Random(f"{seed}/{cluster.id}/{kind}")
        for cand in rng.sample(cands, min(PER_KIND, len(cands))):
            plants.append(Plant(cluster=cluster.id, kind=kind, **make(cand, rng, ctx)))
    return plants, counts


def write_plant(work, cluster, plant, n):
    """A copy of the cluster with one article changed: hard links for the
    others (same bytes, no copying), at a fixed path per plant."""
    directory = os.path.join(work, "plants", cluster.id, f"{plant.kind}-{n}")
    os.makedirs(directory)
    for name in cluster.files:
        dst = os.path.join(directory, name)
        if name == plant.file:
            text, plant.spans = apply_edits(cluster.files[name], plant.edits)
            with open(dst, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            plant.path = dst
        else:
            try:
                os.link(os.path.join(cluster.dir, name), dst)
            except OSError:
                shutil.copyfile(os.path.join(cluster.dir, name), dst)
    return directory


def overlaps(e, spans):
    return any(e["start"] < b and a < e["end"] for a, b in spans)


def judge_plant(plant, report, base_keys, min_conf):
    """Found: a finding cites the changed file over a changed span, and was
    not already there in the unmodified run (that one was about something
    else)."""
    if report is None:
        plant.status = "error"
        return
    path = os.path.normpath(plant.path)
    hits = [f for f in report["findings"] if f["confidence"] >= min_conf and any(
        os.path.normpath(e["path"]) == path and overlaps(e, plant.spans) for e in f["evidence"])]
    new = [f for f in hits if finding_key(f) not in base_keys]
    if new:
        plant.status, plant.found_by, plant.finding_id = "found", new[0]["kind"], new[0]["id"]
    else:
        plant.status = "preexisting" if hits else "missed"
    art = next((a for a in report["articles"] if os.path.normpath(a["path"]) == path), None)
    plant.analysed = art is not None and any(
        s["start"] < b and a < s["end"] for s in art["sentences"] for a, b in plant.spans)


# ------------------------------------------------------------- judged sample

def load_judged(path):
    """(cluster, id) -> row, from the hand-judged findings."""
    judged = {}
    if not os.path.exists(path):
        return judged
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row.get("id") and not row["id"].startswith("#"):
                judged[(row["cluster"], row["id"])] = row
    return judged


def band(conf):
    return next(label for lo, hi, label in BANDS if lo <= conf < hi)


def context(article, e, width=110):
    """The evidence in its sentence, marked [[like this]], cut to a width."""
    s = next((s for s in article["sentences"] if s["start"] <= e["start"] and e["end"] <= s["end"]), None)
    if s is None:
        return f"[[{e['text']}]]"
    raw = s["text"].encode("utf-8")
    a, b = e["start"] - s["start"], e["end"] - s["start"]
    before, after = raw[:a].decode("utf-8", "replace"), raw[b:].decode("utf-8", "replace")
    before = ("…" + before[-width:]) if len(before) > width else before
    after = (after[:width] + "…") if len(after) > width else after
    return " ".join(f"{before}[[{e['text']}]]{after}".split())


def print_finding(cluster_id, f, report, with_context):
    print(f"{f['id']}\t{cluster_id}\t{f['kind']}\t{f['confidence']:.2f}\t{f['summary']}")
    articles = {a["path"]: a for a in report["articles"]}
    for e in f["evidence"]:
        text = context(articles[e["path"]], e) if with_context else e["text"]
        print(f"    {os.path.basename(e['path'])}:{e['line']}: {' '.join(text.split())}")


def sample(runs, args):
    """Draw findings with a fixed seed (a shuffle, so a larger --n extends
    a smaller one), print the ones not judged yet, optionally append them."""
    judged = load_judged(args.judged)
    pool = sorted(((c.id, f, rep) for c, rep in runs for f in rep["findings"]
                   if f["confidence"] >= args.min_confidence), key=lambda x: (int(x[0][4:]), x[1]["id"]))
    random.Random(args.seed).shuffle(pool)
    drawn = pool[:args.n]
    todo = [(cid, f, rep) for cid, f, rep in drawn
            if judged.get((cid, f["id"]), {}).get("verdict") not in ("real", "false")]
    print(f"{len(drawn)} drawn of {len(pool)} findings; {len(todo)} not judged yet\n")
    for cid, f, rep in todo:
        print_finding(cid, f, rep, with_context=True)
        print()
    if args.append:
        new = [(cid, f) for cid, f, _ in todo if (cid, f["id"]) not in judged]
        write_header = not os.path.exists(args.judged) or os.path.getsize(args.judged) == 0
        with open(args.judged, "a", encoding="utf-8", newline="") as fh:
            if write_header:
                fh.write("\t".join(JUDGED_HEADER) + "\n")
            for cid, f in new:
                fh.write(f"{f['id']}\t{cid}\t{f['kind']}\t?\t\n")
        print(f"appended {len(new)} rows with verdict ? to {args.judged}")


# ----------------------------------------------------------------- figures

def half_figures(clusters, runs, plants, cand_counts, judged, min_conf):
    """Everything printed for one half, as plain data (also what --json writes)."""
    reports = [runs[c.id] for c in clusters if runs.get(c.id)]
    findings = [(c.id, f) for c in clusters if runs.get(c.id) for f in runs[c.id]["findings"]
                if f["confidence"] >= min_conf]
    words = sum(words_of(r) for r in reports)
    per_k = lambda n: round(1000 * n / words, 3) if words else 0.0
    by_kind = Counter(f["kind"] for _, f in findings)

    recall = {}
    for p in plants:
        for key in (p.kind, f"{p.kind}/{p.subkind}") if p.kind != "officeholder" else (p.kind,):
            r = recall.setdefault(key, {"planted": 0, "found": 0, "preexisting": 0, "errors": 0,
                                        "outside_sentences": 0, "found_by": Counter()})
            r["planted"] += 1
            r["found"] += p.status == "found"
            r["preexisting"] += p.status == "preexisting"
            r["errors"] += p.status == "error"
            r["outside_sentences"] += not p.analysed
            if p.status == "found":
                r["found_by"][p.found_by] += 1
    for r in recall.values():
        r["recall"] = round(r["found"] / r["planted"], 4) if r["planted"] else None
        r["found_by"] = dict(r["found_by"].most_common())

    precision = {"by_kind": {}, "by_band": {}, "unjudged": 0}
    for cid, f in findings:
        verdict = judged.get((cid, f["id"]), {}).get("verdict")
        if verdict not in ("real", "false"):
            precision["unjudged"] += 1
            continue
        for table, key in (("by_kind", f["kind"]), ("by_band", band(f["confidence"]))):
            cell = precision[table].setdefault(key, {"real": 0, "judged": 0})
            cell["judged"] += 1
            cell["real"] += verdict == "real"

    return {
        "clusters": len(clusters),
        "articles": sum(len(r["articles"]) for r in reports),
        "words": words,
        "findings": len(findings),
        "findings_per_1k_words": per_k(len(findings)),
        "by_kind": {k: {"findings": n, "per_1k_words": per_k(n)} for k, n in sorted(by_kind.items())},
        "candidates": dict(cand_counts),
        "recall": recall,
        "precision": precision,
        "failed_runs": sum(1 for c in clusters if not runs.get(c.id)),
    }


def pct(a, b):
    return f"{100 * a / b:5.1f}%" if b else "    -"


def print_half(name, fig, kinds, judged_path):
    print(f"== {name}: {fig['clusters']} clusters, {fig['articles']} articles, {fig['words']:,} words, "
          f"{fig['findings']} findings ({fig['findings_per_1k_words']:.2f} per 1,000 words)")
    if fig["failed_runs"]:
        print(f"   ({fig['failed_runs']} clusters failed to run)")
    print()
    print(f"  {'finding kind':<24}{'findings':>9}{'per 1k words':>14}")
    for k, v in fig["by_kind"].items():
        print(f"  {k:<24}{v['findings']:>9}{v['per_1k_words']:>14.3f}")
    if kinds:
        print()
        print(f"  {'planted':<22}{'candidates':>11}{'found/planted':>15}{'recall':>8}  found by")
        total = [0, 0]
        for kind in kinds:
            keys = [kind] + sorted(k for k in fig["recall"] if k.startswith(kind + "/"))
            if kind not in fig["recall"]:
                print(f"  {kind:<22}{fig['candidates'].get(kind, 0):>11}{'0/0':>15}{'-':>8}")
                continue
            for key in keys:
                r = fig["recall"][key]
                label = key if key == kind else "  " + key.split("/", 1)[1]
                cands = str(fig["candidates"].get(kind, 0)) if key == kind else ""
                by = ", ".join(f"{k} {n}" for k, n in r["found_by"].items())
                extra = [f"{r['preexisting']} already there"] if r["preexisting"] else []
                extra += [f"{r['outside_sentences']} outside sentences"] if r["outside_sentences"] else []
                extra += [f"{r['errors']} run errors"] if r["errors"] else []
                note = f"{by}{' ' if by and extra else ''}{'(' + '; '.join(extra) + ')' if extra else ''}"
                print(f"  {label:<22}{cands:>11}{str(r['found']) + '/' + str(r['planted']):>15}"
                      f"{pct(r['found'], r['planted']):>8}  {note}")
            total[0] += fig["recall"][kind]["found"]
            total[1] += fig["recall"][kind]["planted"]
        print(f"  {'all':<22}{'':>11}{f'{total[0]}/{total[1]}':>15}{pct(*total):>8}")
    p = fig["precision"]
    judged_n = sum(c["judged"] for c in p["by_kind"].values())
    print()
    print(f"  precision ({os.path.relpath(judged_path)}): {judged_n} of {fig['findings']} findings judged, {p['unjudged']} unjudged")
    for title, table, order in (("kind", p["by_kind"], sorted(p["by_kind"])),
                                ("confidence", p["by_band"], [b[2] for b in BANDS if b[2] in p["by_band"]])):
        if not table:
            continue
        print(f"  {title:<24}{'real/judged':>12}{'precision':>11}")
        for key in order:
            c = table[key]
            print(f"  {key:<24}{str(c['real']) + '/' + str(c['judged']):>12}{pct(c['real'], c['judged']):>11}")
    print()


def print_misses(plants, kind):
    missed = [p for p in plants if p.kind == kind and p.status != "found"]
    print(f"-- missed {kind} plants: {len(missed)} of {sum(p.kind == kind for p in plants)}\n")
    for p in missed:
        notes = [p.subkind, p.status]
        if not p.analysed:
            notes.append("change outside Parallax's sentences")
        print(f"{p.cluster}  {p.file}  {p.original!r} -> {p.changed!r}  ({', '.join(notes)})")
        print(f"    sentence:  {' '.join(p.sentence.split())}")
        print(f"    {p.other_file}: {' '.join(p.restating.split())}")
        print()


# -------------------------------------------------------------------- main

def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", nargs="?", default="report", choices=["report", "sample"])
    ap.add_argument("--half", default="both", choices=["tune", "check", "both", "train"],
                    help="train: FNC-1's training set, more tuning data (never a measure)")
    ap.add_argument("--binary", default=os.path.join(REPO, "target", "release", "parallax"))
    ap.add_argument("--fnc", help="the FNC-1 folder (default $PARALLAX_FNC1, or /work/data/fnc1)")
    default_work = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "parallax-eval")
    ap.add_argument("--work", default=default_work, help=f"clusters, plants and reports (default {default_work})")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kinds", default=",".join(KINDS), help="planted kinds: " + ",".join(KINDS))
    ap.add_argument("--min-confidence", type=float, default=0.0)
    ap.add_argument("--kb", action="append", default=[], metavar="FILE",
                    help="an extra knowledge-base file for every run (repeatable), e.g. a large KB "
                         "written by `parallax kb update -o FILE`")
    ap.add_argument("--user-kb", action="store_true",
                    help="let runs load the user KB of `parallax kb update` (left out by default, "
                         "so that figures depend on the repository alone)")
    ap.add_argument("--list", action="store_true", help="print every finding of the unmodified clusters")
    ap.add_argument("--misses", metavar="KIND", choices=KINDS, help="print each missed planted change of KIND")
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    ap.add_argument("--jobs", type=int, default=2, help="Parallax processes at a time (default 2)")
    ap.add_argument("--judged", default=JUDGED, help="the hand-judged findings (default eval/judged.tsv)")
    ap.add_argument("--n", type=int, default=60, help="sample: how many findings to draw")
    ap.add_argument("--append", action="store_true", help="sample: add the unjudged ones to the judged file")
    args = ap.parse_args(argv)
    args.kinds = [k for k in args.kinds.split(",") if k]
    if args.misses and "--kinds" not in " ".join(argv):
        args.kinds = [args.misses]
    for k in args.kinds:
        if k not in KINDS:
            ap.error(f"unknown kind {k!r}; the kinds are {', '.join(KINDS)}")
    return args


def plant_all(work, clusters, kinds, seed):
    """Every planted copy written to the work dir, and the number of
    candidates per cluster and kind."""
    people, offices, not_people = load_kb()
    ctx = {"people": people, "not_people": not_people, "office_index": office_index(people, offices)}
    plants, counts = [], {}
    for c in clusters:
        shutil.rmtree(os.path.join(work, "plants", c.id), ignore_errors=True)
        ps, counts[c.id] = plants_for(c, kinds, seed, ctx)
        per_kind = Counter()
        for p in ps:
            per_kind[p.kind] += 1
            p.dir = write_plant(work, c, p, per_kind[p.kind])
        plants += ps
    return plants, counts


def print_list(clusters, runs, min_conf):
    for c in clusters:
        for f in (runs.get(c.id) or {"findings": []})["findings"]:
            if f["confidence"] >= min_conf:
                print_finding(c.id, f, runs[c.id], with_context=False)


def main(argv):
    started = time.monotonic()
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the listing quietly
    args = parse_args(argv)
    fnc = fnc_dir(args.fnc)
    if fnc is None:
        return 0  # nothing to measure is not a failure: the data is not ours to ship
    if not os.access(args.binary, os.X_OK):
        print(f"no Parallax binary at {args.binary}: build it with `cargo build --release` or pass --binary")
        return 2
    binary = os.path.abspath(args.binary)
    KB_ARGS[:] = ([] if args.user_kb else ["--no-user-kb"]) + \
        [a for f in args.kb for a in ("--kb", os.path.abspath(f))]
    halves = ["tune", "check"] if args.half == "both" else [args.half]
    clusters = [c for half in halves for c in load_clusters(fnc, half)]
    write_clusters(args.work, clusters)
    os.makedirs(os.path.join(args.work, "runs"), exist_ok=True)

    reports = parallel(args.jobs, lambda c: run_report(binary, c.dir, os.path.join(args.work, "runs", f"{c.id}.json")),
                       clusters)
    runs = {c.id: r for c, r in zip(clusters, reports)}
    bad, total = check_offsets([r for r in runs.values() if r])
    if bad:
        print(f"warning: {bad} of {total} evidence spans do not match the file's bytes at start..end; "
              "found/missed decisions rest on byte offsets and may be wrong\n")

    if args.command == "sample":
        sample([(c, runs[c.id]) for c in clusters if runs.get(c.id)], args)
        return 0
    if args.list:
        print_list(clusters, runs, args.min_confidence)
        print(f"\ntook {time.monotonic() - started:.1f} s")
        return 0

    plants, counts = plant_all(args.work, clusters, args.kinds, args.seed) if args.kinds else ([], {})
    # Each planted copy is judged as soon as its report is in, and the
    # report dropped: together they would hold hundreds of megabytes.
    base_keys = {cid: {finding_key(f) for f in (rep or {"findings": []})["findings"]} for cid, rep in runs.items()}
    parallel(args.jobs, lambda p: judge_plant(p, run_report(binary, p.dir, p.dir + ".json"),
                                              base_keys[p.cluster], args.min_confidence), plants)
    with open(os.path.join(args.work, "plants.json"), "w", encoding="utf-8") as fh:
        json.dump([{k: v for k, v in vars(p).items() if k != "edits"} for p in plants], fh, indent=1)
    if args.misses:
        print_misses(plants, args.misses)

    judged = load_judged(args.judged)
    half_of_cluster = {c.id: c.half for c in clusters}
    figures = {}
    kb_note = "; ".join(f"--kb {f}" for f in args.kb) or "built-in KB"
    print(f"Parallax {binary}; FNC-1 from {fnc}; seed {args.seed}; min confidence {args.min_confidence}; "
          f"{kb_note}{'' if not args.user_kb else ' and the user KB'}\n")
    for half in halves:
        cs = [c for c in clusters if c.half == half]
        candidates = Counter()
        for c in cs:
            candidates.update(counts.get(c.id, {}))
        figures[half] = half_figures(cs, runs, [p for p in plants if half_of_cluster[p.cluster] == half],
                                     candidates, judged, args.min_confidence)
        print_half(half, figures[half], args.kinds, args.judged)
    elapsed = time.monotonic() - started
    print(f"took {elapsed:.1f} s ({len(clusters) + len(plants)} Parallax runs)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"binary": binary, "seed": args.seed, "min_confidence": args.min_confidence,
                       "kinds": args.kinds, "halves": figures, "seconds": round(elapsed, 1)}, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
