"""Judges exported items against the items a server served, with parsers that are not the
exporter's: Python's vobject (vCard) and icalendar (iCalendar), as Debian ships them.

Input (a JSON file, argv[1]): {"files": {name: text}, "pairs": [{"id", "kind": "vcard"|"ical",
"mode", "reference": text, "file": name}], "rules": {mode: [rule, ...]}}. Each pair's reference
is one item; its counterpart is found in files[file] by UID (vCard; FN without one) or by UID and
RECURRENCE-ID (each iCalendar component). Where several share a key (the same RFC example in
two projects), the closest one is taken.

Output (stdout, JSON), one result per pair: status "exact" (the item's text is in the file byte
for byte), "equal" (every property equal: name, group, parameters, decoded value),
"converted-equal" (equal once the mode's conversion rules of judge_rules.py are applied; the rules used are
named), "differs" (with the differences), "missing" (no counterpart), or "unjudged" (this parser
cannot read the reference itself; its error is given).

Each parser is read one item (or one component) at a time: icalendar 4.0 refuses a whole
calendar for one bad component, and vobject stops a file at its first bad card.
"""
import base64
import json
import re
import sys
from collections import Counter

import icalendar
import vobject

from judge_rules import MEDIA, RULES, without_derived_twins

CARD_BLOCK = re.compile(r'BEGIN:VCARD\r?\n.*?\r?\nEND:VCARD\r?\n?', re.S | re.I)


def unfold(text):
    return re.sub(r'\r?\n[ \t]', '', text)


def caret_decode(value):
    """RFC 6868 §3: ^n newline, ^' double quote, ^^ caret, in parameter values."""
    return re.sub(r"\^([n'^])", lambda m: {'n': '\n', "'": '"', '^': '^'}[m.group(1)], value)


def value_text(value):
    if isinstance(value, bytes):
        return 'b64:' + base64.b64encode(value).decode()
    if isinstance(value, (list, tuple)):
        return [value_text(v) for v in value]
    return str(value)


def raw_media_values(block):
    """vobject 0.9.6 cuts a data: URI at its comma; the value is read from the unfolded line."""
    found = {}
    for line in unfold(block).splitlines():
        m = re.match(r'^(?:[\w-]+\.)?([\w-]+)(?:;[^:]*)?:(data:.*)$', line, re.I)
        if m and m.group(1).upper() in MEDIA:
            found.setdefault(m.group(1).upper(), []).append(m.group(2))
    return found


def raw_geo_values(block):
    """vobject 0.9.6 reads a 4.0 GEO:geo:lat,lon as a list and keeps only its first part; the
    value is read from the unfolded line, TEXT escapes (as vobject writes it) removed."""
    found = []
    for line in unfold(block).splitlines():
        m = re.match(r'^(?:[\w-]+\.)?GEO(?:;[^:]*)?:(.*)$', line, re.I)
        if m:
            found.append(m.group(1).replace('\\', ''))
    return found


def card_lines(block, card):
    raw = raw_media_values(block)
    geo = raw_geo_values(block)
    out = []
    for line in card.getChildren():
        name = line.name.upper()
        params = {k.upper(): [caret_decode(str(v)) for v in vs] for k, vs in line.params.items()}
        value = value_text(line.value)
        if name in MEDIA and isinstance(value, str) and value.startswith('data:') and raw.get(name):
            value = raw[name].pop(0)
        if name == 'GEO' and geo:
            value = geo.pop(0)
        out.append({'group': (line.group or '').upper(), 'name': name, 'params': params, 'value': value})
    return out


def read_cards(text):
    cards, errors = [], []
    for block in CARD_BLOCK.findall(text) or [text]:
        try:
            cards.append((block, next(vobject.readComponents(block))))
        except Exception as e:  # noqa: BLE001 - the parser's own refusal is the finding
            errors.append(f'{type(e).__name__}: {e}')
    return cards, errors


def card_key(card):
    uid = card.contents.get('uid')
    if uid:
        return 'UID:' + str(uid[0].value)
    fn = card.contents.get('fn')
    return 'FN:' + (str(fn[0].value) if fn else '')


def calendar_parts(text):
    """VTIMEZONE texts and the other components' texts directly under each VCALENDAR."""
    zones, components, current, depth = [], [], None, 0
    for line in re.split(r'(?<=\n)', text.replace('\r\n', '\n')):
        head = line.strip().upper()
        if line.startswith((' ', '\t')):
            if current is not None:
                current.append(line)
            continue
        if head.startswith('BEGIN:'):
            depth += 1
            if depth == 2:
                current = [line]
                continue
        if current is not None:
            current.append(line)
        if head.startswith('END:'):
            if depth == 2 and current is not None:
                (zones if current[0].strip().upper() == 'BEGIN:VTIMEZONE' else components).append(''.join(current))
                current = None
            depth -= 1
    return zones, components


def read_components(text):
    """Each component parsed alone, with the calendar's VTIMEZONEs: (key, lines) or (None, error)."""
    zones, components = calendar_parts(text)
    zone_ids = [(re.search(r'^TZID[;:](?:.*?:)?(.*)$', unfold(z), re.M | re.I), z) for z in zones]
    out = []
    for component in components:
        # Only the zones the component names: one zone this parser cannot read spoils no other.
        used = set(re.findall(r';TZID=("[^"]*"|[^;:]*)', unfold(component), re.I))
        used = {u.strip('"') for u in used}
        own = [z for m, z in zone_ids if m and m.group(1).strip() in used]
        # icalendar 4.0 keeps each VTIMEZONE it builds by TZID for the life of the process;
        # cleared, every component is read with its own calendar's zones, not an earlier one's.
        getattr(icalendar.cal, '_timezone_cache', {}).clear()
        try:
            cal = icalendar.Calendar.from_ical('BEGIN:VCALENDAR\nVERSION:2.0\n' + ''.join(own) + component + 'END:VCALENDAR\n')
            sub = [c for c in cal.subcomponents if c.name != 'VTIMEZONE'][0]
            rid = sub.get('RECURRENCE-ID')
            key = f"{sub.get('UID', '')}|{rid.to_ical().decode() if rid is not None else ''}"
            out.append((key, ical_lines(sub)))
        except Exception as e:  # noqa: BLE001
            out.append((None, f'{type(e).__name__}: {e}'))
    return out


def ical_lines(component):
    out = []
    for name, value in component.items():
        for single in value if isinstance(value, list) else [value]:
            params = {k.upper(): [caret_decode(str(single.params[k]))] for k in getattr(single, 'params', {})}
            try:
                text = single.to_ical()
                text = text.decode('utf-8', 'replace') if isinstance(text, bytes) else str(text)
            except Exception:  # noqa: BLE001
                text = str(single)
            out.append({'group': '', 'name': name.upper(), 'params': params, 'value': text})
    for index, sub in enumerate(component.subcomponents):
        for line in ical_lines(sub):
            out.append({**line, 'group': f'{sub.name}[{index}]'})
    return out


def canonical(lines, rules):
    current = lines
    for name in rules:
        current = [out for line in current for out in RULES[name](line)]
    current = without_derived_twins(current)
    return Counter(json.dumps(line, sort_keys=True, ensure_ascii=False) for line in current)


def compare(ref_lines, cand_lines, rules):
    a, b = canonical(ref_lines, rules), canonical(cand_lines, rules)
    if a == b:
        return None
    return {'only_in_reference': sorted((a - b).elements())[:8], 'only_in_export': sorted((b - a).elements())[:8]}


def size(diff):
    return 0 if diff is None else len(diff['only_in_reference']) + len(diff['only_in_export'])


def verdict(ref_lines, candidates, rules):
    """The closest candidate's judgement."""
    best = None
    for cand_lines in candidates:
        if compare(ref_lines, cand_lines, []) is None:
            return {'status': 'equal'}
        diff = compare(ref_lines, cand_lines, rules)
        if diff is None:
            used = [r for r in rules if compare(ref_lines, cand_lines, [x for x in rules if x != r]) is not None]
            result = {'status': 'converted-equal', 'rules': used or rules}
        else:
            result = {'status': 'differs', 'diffs': [diff], '_size': size(diff)}
        if best is None or result.get('_size', 0) < best.get('_size', 0):
            best = result
    best.pop('_size', None)
    return best


def judge(pair, rules, files, cache):
    kind, ref_text, file_name = pair['kind'], pair['reference'], pair['file']
    cand_text = files[file_name]
    if kind == 'vcard':
        refs, errors = read_cards(ref_text)
        if not refs:
            return {'status': 'unjudged', 'error': '; '.join(errors)}
        if file_name not in cache:
            index = {}
            for block, card in read_cards(cand_text)[0]:
                index.setdefault(card_key(card), []).append((block, card))
            cache[file_name] = index
        block, ref = refs[0]
        found = cache[file_name].get(card_key(ref), [])
        if not found:
            return {'status': 'missing', 'key': card_key(ref)}
        if any(b.replace('\r\n', '\n') == ref_text.replace('\r\n', '\n') for b, _ in found):
            return {'status': 'exact'}
        return verdict(card_lines(block, ref), [card_lines(b, c) for b, c in found], rules)
    refs = read_components(ref_text)
    errors = [e for key, e in refs if key is None]
    if errors:
        return {'status': 'unjudged', 'error': '; '.join(errors)}
    if ref_text.replace('\r\n', '\n') in cand_text.replace('\r\n', '\n'):
        return {'status': 'exact'}
    if file_name not in cache:
        index = {}
        for key, lines in read_components(cand_text):
            index.setdefault(key, []).append(lines)
        cache[file_name] = index
    results = []
    for key, ref_lines in refs:
        found = [c for c in cache[file_name].get(key, []) if not isinstance(c, str)]
        unreadable = [c for c in cache[file_name].get(None, []) if isinstance(c, str)]
        if not found:
            return {'status': 'missing', 'key': key, **({'export_errors': unreadable[:3]} if unreadable else {})}
        results.append(verdict(ref_lines, found, rules))
    for status in ('differs', 'converted-equal'):
        for result in results:
            if result['status'] == status:
                return result
    return {'status': 'equal'}


def main():
    job = json.load(open(sys.argv[1], encoding='utf-8'))
    cache = {}
    results = []
    for pair in job['pairs']:
        rules = job.get('rules', {}).get(pair['mode'], [])
        results.append({'id': pair['id'], 'mode': pair['mode'], **judge(pair, rules, job['files'], cache)})
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
