#!/usr/bin/env python3
"""Rebuild the bundled sample articles from GUM's Wikinews CoNLL-U files.

    python scripts/make_sample.py [CONLLU_DIR] [GOLD_JSONL]

CONLLU_DIR  the 24 GUM_news_*.conllu files
            (default /work/shared/data/tokens/ud_english_gum/news_wikinews)
GOLD_JSONL  optional check: the eval gold made by eval/make_gold.py
            (default /work/shared/eval/gold/ud-gum-news.jsonl; skipped if absent)

Writes python/copydesk/data/sample/<docname>.txt for each document and
python/copydesk/data/sample/ATTRIBUTION.md.  Developer tool, stdlib only;
run once and commit its output.

The text of a document is rebuilt from the treebank's `# text =` lines, with
the paragraph logic of eval/make_gold.py (read_conllu): every comment line
starting with `# newpar` (GUM has `# newpar` and `# newpar_block = ...`)
opens a new paragraph unless the current one is still empty; sentences of a
paragraph are joined by one space, paragraphs by a blank line, and the file
ends with a single newline.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(REPO, "python", "copydesk", "data", "sample")
DEFAULT_SRC = "/work/shared/data/tokens/ud_english_gum/news_wikinews"
DEFAULT_GOLD = "/work/shared/eval/gold/ud-gum-news.jsonl"
GOLD_PREFIX = "ud-gum-news:"
# Fallback if SOURCE.md (one directory above CONLLU_DIR) is not found.
GUM_COMMIT = "afb41ee9bca57991125814fa04d96a0e61470c8b"


def read_docs(paths):
    """Yield {id, meta, pars}; pars is a list of paragraphs, each a list of sentence texts."""
    doc = None
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.rstrip("\n")
                if line.startswith("# newdoc"):
                    if doc and any(doc["pars"]):
                        yield doc
                    doc = {"id": line.split("=", 1)[-1].strip(), "meta": {}, "pars": [[]]}
                elif line.startswith("# newpar"):
                    if doc is None:
                        doc = {"id": os.path.basename(path), "meta": {}, "pars": [[]]}
                    if doc["pars"][-1]:
                        doc["pars"].append([])
                elif line.startswith("# text ="):
                    if doc is None:
                        doc = {"id": os.path.basename(path), "meta": {}, "pars": [[]]}
                    doc["pars"][-1].append(line[len("# text =") :].strip())
                elif line.startswith("# meta::") and doc is not None and "=" in line:
                    key, value = line[len("# meta::") :].split("=", 1)
                    doc["meta"][key.strip()] = value.strip()
    if doc and any(doc["pars"]):
        yield doc


def doc_text(doc):
    return "\n\n".join(" ".join(par) for par in doc["pars"] if par)


def gum_commit(src):
    path = os.path.join(os.path.dirname(os.path.abspath(src)), "SOURCE.md")
    try:
        with open(path, encoding="utf-8") as f:
            m = re.search(r"Snapshot HEAD:\s*([0-9a-f]{40})", f.read())
        if m:
            return m.group(1)
    except OSError:
        pass
    return GUM_COMMIT


def attribution(docs, commit):
    created = sorted(d["meta"]["dateCreated"][:4] for d in docs if d["meta"].get("dateCreated"))
    years = f"{created[0]}-{created[-1]}" if created else "dates in the list"
    lines = [
        "# Sample articles: attribution",
        "",
        "The files in this directory are 24 news articles from **Wikinews**",
        "(https://en.wikinews.org), taken from the Wikinews part of the",
        "**GUM corpus** (Georgetown University Multilayer corpus):",
        "",
        "- Amir Zeldes (2017). The GUM Corpus: Creating Multilayer Resources in the",
        "  Classroom. *Language Resources and Evaluation* 51(3), 581-612.",
        "  doi:10.1007/s10579-016-9343-x",
        "- Treebank: UD_English-GUM, https://github.com/UniversalDependencies/UD_English-GUM,",
        f"  snapshot commit `{commit}`; per-document source files",
        "  `not-to-release/sources/GUM_news_*.conllu`.",
        "",
        "## Licence",
        "",
        "The article texts are by Wikinews contributors and are licensed under the",
        "Creative Commons Attribution licence (CC BY). Wikinews publishes text",
        "submitted after 25 September 2005 under CC BY 2.5",
        "(https://creativecommons.org/licenses/by/2.5/); every article below was",
        f"created after that date ({years}; see the list). GUM's LICENSE.txt states",
        "that its Wikimedia documents (Wikinews) \"are available under a CC-BY",
        "attribution license\". (The GUM treebank as a whole is CC BY-NC-SA 4.0 because",
        "of other genres, e.g. wikiHow and fiction; none of that material is included",
        "here.) Credit: the Wikinews contributors of each article below (the authors",
        "are listed in the history of the article at its URL) and the GUM annotators",
        "(listed at https://corpling.uis.georgetown.edu/gum/).",
        "",
        "## How the text was made",
        "",
        "Each file was rebuilt by `scripts/make_sample.py` from the treebank's",
        "`# text =` sentence lines: the sentences of one paragraph (paragraphs are",
        "marked by `# newpar` comments) joined by a single space, paragraphs separated",
        "by a blank line, one final newline. The text is therefore GUM's",
        "sentence-by-sentence rendering of the article (headings, figure captions and",
        "body paragraphs in document order), not the Wikinews page byte for byte;",
        "nothing else was changed.",
        "",
        "## Files",
        "",
        "| file | GUM document id | Wikinews article | created |",
        "|---|---|---|---|",
    ]
    for d in docs:
        title = d["meta"].get("title", "").replace("|", "\\|")
        url = d["meta"].get("sourceURL", "")
        created = d["meta"].get("dateCreated", "")
        article = f"[{title}]({url})" if url else title
        lines.append(f"| {d['id']}.txt | {d['id']} | {article} | {created} |")
    lines.append("")
    return "\n".join(lines)


def load_gold(path):
    gold = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                gold[r["id"][len(GOLD_PREFIX) :] if r["id"].startswith(GOLD_PREFIX) else r["id"]] = r["text"]
    return gold


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SRC
    gold_path = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_GOLD
    paths = sorted(glob.glob(os.path.join(src, "*.conllu")))
    if not paths:
        sys.exit(f"no .conllu files in {src}")
    docs = list(read_docs(paths))
    os.makedirs(OUT, exist_ok=True)
    for d in docs:
        with open(os.path.join(OUT, d["id"] + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(doc_text(d) + "\n")
    with open(os.path.join(OUT, "ATTRIBUTION.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(attribution(docs, gum_commit(src)))
    n_par = sum(sum(1 for p in d["pars"] if p) for d in docs)
    n_sent = sum(len(p) for d in docs for p in d["pars"])
    print(f"wrote {len(docs)} documents ({n_par} paragraphs, {n_sent} sentences) to {OUT}")

    if not os.path.exists(gold_path):
        print(f"gold check skipped: {gold_path} not found")
        return
    gold = load_gold(gold_path)
    same, diff = 0, []
    for d in docs:
        text = doc_text(d)
        if gold.get(d["id"]) == text:
            same += 1
        else:
            diff.append(d["id"])
    extra = sorted(set(gold) - {d["id"] for d in docs})
    if not diff and not extra:
        print(f"gold check: all {same} sample texts equal the `text` fields of {gold_path}")
    else:
        print(f"gold check: {same} equal; differing: {diff or 'none'}; only in gold: {extra or 'none'}")
        print("(a difference is expected only where make_gold.py left out a misaligned sentence)")
        sys.exit(1)


if __name__ == "__main__":
    main()
