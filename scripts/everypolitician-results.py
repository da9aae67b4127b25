#!/usr/bin/env python3
"""Turns office-holder CSV exports of the EveryPolitician scrapers
(github.com/every-politician-scrapers/world: `html/holders21.csv`,
`html/legislators.csv` and the like, columns position,person,personID,
start,end; or `sources/foreign/wikidata.csv`, columns person,name,country,
countryLabel,position,positionLabel,start,psid) into a SPARQL JSON results
document with the variables of assets/kb/wikidata/office-holders.rq, for
`parallax kb update --from`. The data is Wikidata's (CC0).

Country labels become ISO codes through the names in assets/kb/countries.toml;
a label the KB does not know leaves the office without a country.

    scripts/everypolitician-results.py FILE.csv... > results.json
"""
import csv
import json
import os
import sys
import tomllib

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WD = "http://www.wikidata.org/entity/"


def country_codes():
    with open(os.path.join(REPO, "assets", "kb", "countries.toml"), "rb") as fh:
        kb = tomllib.load(fh)
    codes = {}
    for c in kb.get("country", []):
        for name in [c["name"], *c.get("aliases", [])]:
            codes[name.lower()] = c["code"]
    return codes


def literal(value):
    return {"type": "literal", "value": value}


def date(value, prefix, row):
    """A CSV date (YYYY, YYYY-MM or YYYY-MM-DD) as a time value and precision."""
    value = value.strip()
    if not value:
        return
    parts = value.split("-")
    precision = {1: 9, 2: 10, 3: 11}.get(len(parts))
    if precision is None:
        return
    parts += ["01"] * (3 - len(parts))
    row[prefix] = literal("-".join(parts) + "T00:00:00Z")
    row[prefix + "Precision"] = literal(str(precision))


def convert(record, codes):
    person = record.get("personID") or record.get("person") or ""
    name = record.get("name") if "personID" not in record else record.get("person")
    if not person.startswith("Q"):
        return None  # an office with no holder in the export
    row = {"holder": {"type": "uri", "value": WD + person},
           "holderLabel": literal(name or person),
           "role": literal("kb")}
    position = record.get("position", "")
    if position.startswith("Q") and position[1:].isdigit():
        row["office"] = {"type": "uri", "value": WD + position}
        row["officeLabel"] = literal(record.get("positionLabel") or position)
    else:
        row["officeLabel"] = literal(position)
    label = record.get("countryLabel")
    if label and label.lower() in codes:
        row["countryCode"] = literal(codes[label.lower()])
        row["countryLabel"] = literal(label)
    date(record.get("start", ""), "start", row)
    date(record.get("end", ""), "end", row)
    return row


def main(paths):
    codes = country_codes()
    bindings = []
    for path in paths:
        with open(path, newline="", encoding="utf-8") as fh:
            for record in csv.DictReader(fh):
                row = convert(record, codes)
                if row:
                    bindings.append(row)
    json.dump({"head": {"vars": ["office", "officeLabel", "role", "countryCode",
                                 "countryLabel", "holder", "holderLabel", "start",
                                 "startPrecision", "end", "endPrecision"]},
               "results": {"bindings": bindings}}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
