#!/usr/bin/env python3
"""Writes N synthetic, valid dossiers into a folder, varied from the shipped fixtures, deterministic by seed.

usage: generate_dossiers.py N OUT_DIR [--seed S]
"""
import argparse, copy, json, pathlib, random


def luhn_siret(rng):
    digits = [rng.randrange(10) for _ in range(13)]
    for last in range(10):
        d = digits + [last]
        total = 0
        for i, x in enumerate(reversed(d)):
            if i % 2 == 1:
                x *= 2
                x = x - 9 if x > 9 else x
            total += x
        if total % 10 == 0:
            return ''.join(map(str, d))
    raise AssertionError


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('n', type=int)
    ap.add_argument('out')
    ap.add_argument('--seed', type=int, default=2027)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    root = pathlib.Path(__file__).resolve().parent.parent
    bases = [json.load(open(p, encoding='utf-8')) for p in sorted((root / 'fixtures/dossiers').glob('*.json'))]
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(args.n):
        d = copy.deepcopy(bases[i % len(bases)])
        d['id'] = f'B-{i:06d}'
        d['association']['siret'] = luhn_siret(rng)
        d['association']['name'] = f"{d['association']['name']} {i}"[:300]
        d['received_on'] = f'2027-01-{rng.randint(1, 31):02d}'
        for s in d['training']['sessions']:
            s['trainees'] = max(s['trainees'], 10) + rng.randint(0, 6)
            for k in ('women', 'low_qualified_job_seekers', 'bac_or_below', 'plie_followed'):
                s[k] = min(s[k], s['trainees'])
        d['budget']['requested'] = rng.randint(5000, 45000)
        d['budget']['total_cost'] = d['budget']['requested'] + rng.randint(0, 60000)
        (out / f"{d['id']}.json").write_text(json.dumps(d, ensure_ascii=False, indent=1), encoding='utf-8')


if __name__ == '__main__':
    main()
