#!/usr/bin/env python3
"""Variants of the candidates query of one opportunity, sent straight to Elasticsearch: what each
group of clauses, and the sort, costs in `took` (docs/ranking.md, "What a ranking request costs").

    bench/scripts/ranking-variants.py [--es=http://127.0.0.1:9200] [--index=after-volunteers] [--runs=15]
        [--experience-date=experience_as_date] [--tenths]

Experience is one `distance_feature` on the date `--experience-date` (ValueAsDate; on an index built
before that field, name another date every volunteer has, `updated_at`, to measure what the clause
costs); `--tenths` adds the variants with experience in tenths, for an index that still has
`experience_steps` (mapping version 5 and before).

The opportunity is fixed: in Riyadh at (24.67021, 46.62379), two required skills (beach_cleanup
0.526, wildlife_protection 0.474; related: gardening, recycling), field environment, Arabic,
from 2027-03-29 to 2027-04-13, 18 or older. Its reach cells are those the service computes
(ReachCells.holding), listed below. Needs the full-scale volunteers index (1,200,000 documents).
"""
import argparse
import json
import urllib.request

LAT, LON = 24.67021, 46.62379
HOLDING = ["0:3:1", "1:7:3", "2:14:7", "3:28:14", "4:56:28", "5:113:57", "6:226:114",
           "7:453:229", "8:906:458", "9:1812:917", "10:3625:1834", "11:7251:3669",
           "12:14503:7338", "13:29007:14677", "14:58015:29355", "15:116031:58711",
           "16:232062:117422", "17:464125:234844"]


def constant(name, query, weight):
    clause = {"constant_score": {"filter": query, "boost": weight}}
    if name:
        clause["constant_score"]["_name"] = name
    return clause


def term(field, value):
    return {"term": {field: value}}


FILTERS = [
    term("active", True),
    {"range": {"birth_year": {"lte": 2008}}},
    {"bool": {"should": [
        {"bool": {"must_not": {"exists": {"field": "availability"}}}},
        {"range": {"availability": {"gte": "2027-03-29T06:00:00Z", "lte": "2027-04-13T06:00:00Z",
                                    "relation": "intersects"}}}], "minimum_should_match": 1}},
    {"terms": {"reach_cells": HOLDING}},
]
SKILLS = [
    {"dis_max": {"_name": "skills:" + code, "queries": [
        constant(None, term("skill_codes", code), 4 * share),
        constant(None, {"terms": {"skill_codes": ["gardening", "recycling"]}}, 2 * share)]}}
    for code, share in [("beach_cleanup", 0.526), ("wildlife_protection", 0.474)]
]
BASE = SKILLS + [
    constant("field", term("field_codes", "environment"), 1.5),
    constant("city", term("city_code", "riyadh"), 1.0),
    constant("language", {"terms": {"languages": ["ar"]}}, 0.5),
]
EXPERIENCE = [constant("experience:%d" % t, term("experience_steps", str(t)), 0.05) for t in range(1, 11)]
EXPERIENCE_FIFTHS = [constant("experience:%d" % (t // 2), term("experience_steps", str(t)), 0.1) for t in (2, 4, 6, 8, 10)]
EXPERIENCE_HALVES = [constant("experience:%d" % t, term("experience_steps", str(t)), 0.25) for t in (5, 10)]
DISTANCE = {"distance_feature": {"field": "location", "origin": {"lat": LAT, "lon": LON},
                                 "pivot": "20km", "boost": 1.5, "_name": "distance"}}
FRESHNESS = {"distance_feature": {"field": "updated_at", "origin": "now", "pivot": "129600m",
                                  "boost": 0.5, "_name": "freshness"}}


def experience_as_date(field):
    return {"distance_feature": {"field": field, "origin": "2200-01-01T00:00:00Z", "pivot": "86400000ms",
                                 "boost": 0.5, "_name": "experience"}}


RINGS = [constant("distance:%d" % j, {"geo_distance": {"distance": "%skm" % r, "location": {"lat": LAT, "lon": LON}}}, 0.15)
         for j, r in enumerate([1.05, 3.5, 6.67, 10.77, 16.4, 24.4, 37.1, 60, 113, 380])]
ROTATION = [constant("tiebreak:%d" % b, term("tiebreak_bits", "%d:1" % b), 0.0001 * 2 ** b) for b in range(3)]
# the rotation as first built, in eight bits; indexes built before it was cut to three hold all eight tokens
ROTATION_IN_EIGHT = [constant("tiebreak:%d" % b, term("tiebreak_bits", "%d:1" % b), 0.00001 * 2 ** b) for b in range(8)]
# the service's first request for a page (MatchService.sharedFirst): the scoring clauses only for those who share a
# required skill, a related one or the field; everyone eligible still matches
SHARING = {"bool": {"should": [{"terms": {"skill_codes": ["beach_cleanup", "gardening", "recycling", "wildlife_protection"]}},
                               term("field_codes", "environment")], "minimum_should_match": 1}}
BY_SCORE_THEN_ID = [{"_score": "desc"}, {"id": "asc"}]

TENTHS_VARIANTS = [
    ("+ experience in tenths", BASE + EXPERIENCE, None),
    ("+ experience in fifths", BASE + EXPERIENCE_FIFTHS, None),
    ("+ experience in halves", BASE + EXPERIENCE_HALVES, None),
    ("tenths + distance and freshness (distance_feature)", BASE + EXPERIENCE + [DISTANCE, FRESHNESS], None),
    ("the same sorted by score then id: the query at 055deff", BASE + EXPERIENCE + [DISTANCE, FRESHNESS], BY_SCORE_THEN_ID),
    ("distance as ten geo_distance rings instead", BASE + EXPERIENCE + RINGS + [FRESHNESS], None),
    ("tenths, distance, freshness + the rotation in eight bits", BASE + EXPERIENCE + [DISTANCE, FRESHNESS] + ROTATION_IN_EIGHT, None),
    ("tenths, distance, freshness + the rotation in three bits: the query until experience was a date", BASE + EXPERIENCE + [DISTANCE, FRESHNESS] + ROTATION, None),
    ("the same, scored only among those who share something", [{"bool": {"filter": SHARING, "should": BASE + EXPERIENCE + [DISTANCE, FRESHNESS] + ROTATION}}], None),
]


def variants(experience_date, tenths):
    experience = experience_as_date(experience_date)
    now = BASE + [experience, DISTANCE, FRESHNESS] + ROTATION
    return ([("the filters alone", [], None), ("+ skills, field, city, language", BASE, None)]
            + (TENTHS_VARIANTS if tenths else [])
            + [("+ experience as one distance_feature on a date", BASE + [experience], None),
               ("experience as a date, distance, freshness + the rotation: the query now", now, None),
               ("the query now, scored only among those who share something", [{"bool": {"filter": SHARING, "should": now}}], None)])


def took(es, index, should, sort, runs):
    body = {"query": {"bool": {"filter": FILTERS, "should": should}}, "size": 20,
            "track_total_hits": 1000, "_source": ["id"]}
    if sort:
        body["sort"] = sort
    times = []
    for _ in range(runs):
        request = urllib.request.Request(
            "%s/%s/_search?request_cache=false" % (es, index), data=json.dumps(body).encode(),
            headers={"content-type": "application/json"})
        with urllib.request.urlopen(request) as response:
            times.append(json.load(response)["took"])
    times.sort()
    return times[len(times) // 4], times[len(times) // 2], times[3 * len(times) // 4]


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--es", default="http://127.0.0.1:9200")
    arguments.add_argument("--index", default="after-volunteers")
    arguments.add_argument("--runs", type=int, default=15)
    arguments.add_argument("--experience-date", default="experience_as_date")
    arguments.add_argument("--tenths", action="store_true")
    options = arguments.parse_args()
    print("| clauses | took p25 / p50 / p75 (ms) |")
    print("|---|---|")
    for name, should, sort in variants(options.experience_date, options.tenths):
        low, median, high = took(options.es, options.index, should, sort, options.runs)
        print("| %s | %d / %d / %d |" % (name, low, median, high))


if __name__ == "__main__":
    main()
