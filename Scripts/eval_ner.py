#!/usr/bin/env python3
"""Exact-span NER scoring of `gazette tag` output against CoNLL-style corpora (PER, LOC, ORG).

Two steps, used by Scripts/eval-ner.sh:
  eval_ner.py docs CONLL OUT.jsonl [--held-out]    write one {"id","text"} document per document
                                        (tokens joined by single spaces, sentences by newlines)
  eval_ner.py score CONLL TAGS.jsonl [--held-out]  score the tagged records (entity mention offsets
                                        are Unicode scalar offsets, i.e. Python str indices)

Formats (as `gazette ner train --extra` reads them): CoNLL-2003 and WikiGold (space-separated,
label last, `-DOCSTART-` between documents, IOB1/IO/BIO), the Broad Twitter Corpus (tab-separated,
no document markers: one document per sentence), Universal NER (`# newdoc` comments, columns
index, word, label) and WikiANN (columns index, word, label; one document per sentence). --held-out keeps only every 5th document (the slice training never sees).
Gold MISC is not scored and a prediction overlapping a gold MISC span is ignored.
"""
import json
import sys

TYPES = {"Person": "PER", "Place": "LOC", "Organization": "ORG"}


def read_conll(path):
    """Yields documents as (text, spans, token_bounds); spans are (start, end, type) in characters."""
    docs = []
    sentences, sentence = [], []

    def flush_sentence():
        nonlocal sentence
        if sentence:
            sentences.append(sentence)
        sentence = []

    def flush_document():
        nonlocal sentences
        flush_sentence()
        if not sentences:
            return
        text_parts, spans, starts, ends = [], [], set(), set()
        offset = 0
        for s_index, tokens in enumerate(sentences):
            if s_index:
                text_parts.append("\n")
                offset += 1
            current = None  # (start, end, type)
            previous_type = None
            for t_index, (word, label) in enumerate(tokens):
                if t_index:
                    text_parts.append(" ")
                    offset += 1
                start, end = offset, offset + len(word)
                text_parts.append(word)
                offset = end
                starts.add(start)
                ends.add(end)
                kind = label[2:] if label[2:] in ("PER", "LOC", "ORG", "MISC") and label[:2] in ("B-", "I-") else None
                begins = label.startswith("B-") or (kind is not None and kind != previous_type)
                if kind is None or begins:
                    if current:
                        spans.append(tuple(current))
                    current = [start, end, kind] if kind else None
                else:
                    current[1] = end
                previous_type = kind
            if current:
                spans.append(tuple(current))
        docs.append(("".join(text_parts), spans, starts, ends))
        sentences = []

    with open(path, encoding="utf-8") as f:
        content = f.read()
    first_line = content.split("\n", 1)[0]
    universal = first_line.startswith("# ") and " = " in first_line  # not a tweet's #hashtag
    # WikiANN (`index<TAB>word<TAB>label`, counting from 0, no comments) reads like Universal NER.
    first_fields = first_line.split("\t")
    indexed = universal or (len(first_fields) == 3 and first_fields[0] == "0")
    one_sentence_per_document = ("# newdoc" if universal else "-DOCSTART-") not in content
    for line in content.split("\n"):
        if universal and line.startswith("#"):
            if line.startswith("# newdoc"):
                flush_document()
            continue
        fields = line.replace("\t", " ").replace("\r", " ").split(" ")
        fields = [f for f in fields if f]
        if not fields:
            if one_sentence_per_document:
                flush_document()
            else:
                flush_sentence()
        elif fields[0] == "-DOCSTART-":
            flush_document()
        elif indexed:
            if len(fields) >= 3:
                sentence.append((fields[1], fields[2]))
        else:
            sentence.append((fields[0], fields[-1]))
    flush_document()
    return docs


HELD_OUT_EVERY = 5  # as CoNLLCorpus.isHeldOut in Swift


def documents(path, held_out):
    """(id, document) pairs, ids counting all documents from 1; only the held-out slice if asked."""
    return [(f"conll-{n}", d) for n, d in enumerate(read_conll(path), 1)
            if not held_out or n % HELD_OUT_EVERY == 0]


def write_docs(conll, out, held_out=False):
    with open(out, "w", encoding="utf-8") as f:
        for doc_id, (text, _, _, _) in documents(conll, held_out):
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")


def score(conll, tagged, held_out=False):
    docs = dict(documents(conll, held_out))
    predictions = {}
    errors = 0
    with open(tagged, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record.get("error"):
                errors += 1
            mentions = set()
            for entity in record.get("entities") or []:
                kind = TYPES.get(entity.get("type"))
                if not kind:
                    continue
                for m in entity.get("mentions") or []:
                    mentions.add((m["start"], m["end"], kind))
            predictions[record["id"]] = mentions
    counts = {k: [0, 0, 0] for k in ("PER", "LOC", "ORG")}  # correct, predicted, gold
    unaligned = 0
    for doc_id, (text, spans, starts, ends) in docs.items():
        gold = {s for s in spans if s[2] != "MISC"}
        misc = [s for s in spans if s[2] == "MISC"]
        for _, _, kind in gold:
            counts[kind][2] += 1
        for start, end, kind in predictions.get(doc_id, set()):
            if any(start < m_end and m_start < end for m_start, m_end, _ in misc):
                continue
            if start not in starts or end not in ends:
                unaligned += 1  # not on CoNLL token boundaries: can only be wrong
            counts[kind][1] += 1
            if (start, end, kind) in gold:
                counts[kind][0] += 1
    missing = len(set(docs) - set(predictions))

    def prf(c, p, g):
        precision = c / p if p else 0.0
        recall = c / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    print(f"{len(docs)} documents, {errors} error records, {missing} missing, {unaligned} predictions off CoNLL token boundaries")
    print(f"{'type':6}{'precision':>10}{'recall':>9}{'f1':>9}{'gold':>7}{'pred':>7}")
    total = [0, 0, 0]
    for kind in ("PER", "LOC", "ORG"):
        c, p, g = counts[kind]
        total = [total[0] + c, total[1] + p, total[2] + g]
        print(f"{kind:6}" + "".join(f"{v:>{w}.4f}" for v, w in zip(prf(c, p, g), (10, 9, 9))) + f"{g:>7}{p:>7}")
    micro = prf(*total)
    print(f"{'micro':6}" + "".join(f"{v:>{w}.4f}" for v, w in zip(micro, (10, 9, 9))) + f"{total[2]:>7}{total[1]:>7}")
    return micro[2]


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--held-out"]
    held = "--held-out" in sys.argv
    if len(arguments) != 3 or arguments[0] not in ("docs", "score"):
        sys.exit(__doc__)
    if arguments[0] == "docs":
        write_docs(arguments[1], arguments[2], held)
    else:
        score(arguments[1], arguments[2], held)
