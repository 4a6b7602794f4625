"""Conversion rules of the corpus judge (judge_items.py). Each maps a parsed property line of
either side to a common form, so that an export in another version can be judged equal where the
conversion is the documented one (docs/FIDELITY.md, "What each export does"). A line is a dict:
group, name, params (name -> list of values), value.
"""
import base64
import re

MEDIA = {'PHOTO', 'LOGO', 'SOUND', 'KEY'}
DATES = {'BDAY', 'ANNIVERSARY', 'REV', 'X-ANNIVERSARY'}
# vCard 4.0 properties vCard 3.0 has no place for, written as X- properties in a 3.0 export
# (KIND and MEMBER as Apple's X-ADDRESSBOOKSERVER-…, which Apple and Google read).
FOUR_ONLY = {'ANNIVERSARY', 'GENDER', 'LANG', 'KIND', 'MEMBER', 'RELATED', 'CALADRURI', 'CALURI', 'FBURL', 'XML', 'CLIENTPIDMAP', 'IMPP'}


def rule_version(line):
    return [] if line['name'] == 'VERSION' else [line]


def rule_media(line):
    """4.0 data: URI ↔ 3.0 ENCODING=b with TYPE (RFC 6350 §6.2.4, RFC 2426 §3.1.4): same bytes
    and media type. A URL needs VALUE=uri in 3.0 (RFC 2426 §3.1.4), which 4.0 leaves out."""
    if line['name'] not in MEDIA or not isinstance(line['value'], str):
        return [line]
    value = line['value']
    m = re.match(r'data:([^;,]*)(;base64)?,(.*)$', value, re.S)
    # A data: URI marked VALUE=uri is how a 3.0 card would carry it; 3.0 readers expect
    # ENCODING=b (vobject itself cuts such a value at its comma), so it stays a difference.
    marked_uri = [v.lower() for v in line['params'].get('VALUE', [])] == ['uri']
    if m and not marked_uri:
        data = base64.b64decode(m.group(3)) if m.group(2) else m.group(3).encode()
        # RFC 2397 §2: a data: URI without a media type is text/plain.
        media = m.group(1) or 'text/plain'
        return [{**line, 'params': {'TYPE': [media.split('/')[-1].upper()]}, 'value': 'b64:' + base64.b64encode(data).decode()}]
    if value.startswith('b64:'):
        # 3.0 TYPE names the subtype ("PNG") or, as many writers do, the media type ("image/png").
        return [{**line, 'params': {k: [v.upper().split('/')[-1] for v in vs] for k, vs in line['params'].items() if k == 'TYPE'}}]
    params = {k: vs for k, vs in line['params'].items() if not (k == 'VALUE' and [v.lower() for v in vs] == ['uri'])}
    return [{**line, 'params': params}]


def rule_tel(line):
    """4.0 TEL;VALUE=uri:tel:+1-555;ext=5 ↔ 3.0 TEL:+1-555 ext. 5 (RFC 3966 §3 extension)."""
    if line['name'] != 'TEL' or not isinstance(line['value'], str):
        return [line]
    # The 3.0 export keeps the whole URI in an X-TEL-URI parameter, so a 4.0 export of that file
    # gives it back; 3.0 readers ignore the parameter and read the number.
    params = {k: vs for k, vs in line['params'].items() if not (k == 'VALUE' and [v.lower() for v in vs] == ['uri']) and k != 'X-TEL-URI'}
    value = re.sub(r'^tel:', '', line['value'], flags=re.I)
    # Servers that take a tel: URI for text serve its ";" escaped (Radicale: "tel:+1-555\;ext=5").
    value = re.sub(r'\\?;ext=(.*)$', r' ext. \1', value)
    return [{**line, 'params': params, 'value': value}]


def rule_label(line):
    """4.0 ADR;LABEL="…" ↔ 3.0 ADR plus a LABEL property with the same TYPE (RFC 6350 §6.3.1,
    RFC 2426 §3.2.2)."""
    if line['name'] != 'ADR' or 'LABEL' not in line['params']:
        return [line]
    params = {k: v for k, v in line['params'].items() if k != 'LABEL'}
    label_params = {k: v for k, v in params.items() if k == 'TYPE'}
    label = {'group': line['group'], 'name': 'LABEL', 'params': label_params, 'value': caret_decoded(line['params']['LABEL'][0]), 'derived': True}
    return [{**line, 'params': params}, label]


def without_derived_twins(lines):
    """A 3.0 export keeps the 4.0 LABEL parameter beside the LABEL property it writes, so that a
    4.0 export of that file gives the parameter back: a LABEL line made from the parameter is
    dropped when the same LABEL property stands beside it."""
    plain = [line for line in lines if not line.get('derived')]
    out = list(plain)
    for line in lines:
        if not line.get('derived'):
            continue
        twin = {k: v for k, v in line.items() if k != 'derived'}
        if twin not in plain:
            out.append(twin)
    return out


def caret_decoded(value):
    """RFC 6868 §3: ^n is a newline, ^' a double quote, ^^ a caret, in parameter values; vobject
    leaves them as written, so the 4.0 LABEL parameter is decoded here before it is compared
    with the 3.0 LABEL property's text."""
    return re.sub(r"\^(\^|n|N|')", lambda m: {'^': '^', 'n': '\n', 'N': '\n', "'": '"'}[m.group(1)], value)


def rule_four_only(line):
    name = line['name']
    if name in ('X-ADDRESSBOOKSERVER-KIND', 'X-ADDRESSBOOKSERVER-MEMBER'):
        name = name[len('X-ADDRESSBOOKSERVER-'):]
    else:
        # An x-name of a 4.0-only property gains one "X-" in a 3.0 export (X-GENDER → X-X-GENDER),
        # so that converting back, which removes one, gives it its own name again.
        bare = re.sub(r'^(?:X-)+', '', name)
        if bare != name and bare in FOUR_ONLY:
            name = bare
    return [{**line, 'name': name}]


def rule_geo(line):
    """4.0 GEO:geo:lat,lon (RFC 6350 §6.5.2, RFC 5870) ↔ 3.0 GEO:lat;lon (RFC 2426 §3.4.2)."""
    if line['name'] != 'GEO':
        return [line]
    value = line['value'] if isinstance(line['value'], str) else ';'.join(map(str, line['value']))
    m = re.match(r'^(?:geo:)?\s*([-+]?[\d.]+)\s*[,;]\s*([-+]?[\d.]+)', value, re.I)
    return [{**line, 'value': f'{float(m.group(1))};{float(m.group(2))}'}] if m else [line]


def rule_charset(line):
    """CHARSET=UTF-8 says what a vCard is anyway (RFC 6350 §3.1); RFC 2426 defines no CHARSET
    parameter, so a card written in 3.0 may leave it out."""
    charset = line['params'].get('CHARSET')
    if charset is None or [v.upper() for v in charset] != ['UTF-8']:
        return [line]
    return [{**line, 'params': {k: v for k, v in line['params'].items() if k != 'CHARSET'}}]


DATE_RE = re.compile(r'^(--|\d{4})?-?(\d\d)?-?(\d\d)?(?:T(\d\d):?(\d\d)?:?(\d\d)?)?(Z|[+-]\d\d:?\d\d)?$')


def rule_dates(line):
    """ISO 8601 basic (4.0, 20090808T1430-0500) ↔ extended (3.0, 2009-08-08T14:30:00-05:00)."""
    if line['name'] not in DATES or not isinstance(line['value'], str):
        return [line]
    m = DATE_RE.match(line['value'].strip())
    if not m:
        return [line]
    year, month, day, hh, mm, ss, zone = m.groups()
    zone = (zone or '').replace(':', '')
    value = f"{year or '--'}{month or ''}{day or ''}" + (f"T{hh}{mm or '00'}{ss or '00'}{zone}" if hh else '')
    return [{**line, 'params': {k: v for k, v in line['params'].items() if k != 'VALUE'}, 'value': value}]


def rule_params(line):
    """Parameter names and TYPE values are case-insensitive (RFC 6350 §5, RFC 2426 §4); a TYPE
    list is the same in either spelling; 4.0's PREF=1 is 3.0's TYPE=pref (a PREF above 1 has no
    3.0 form); 2.1's CHARSET and ENCODING=QUOTED-PRINTABLE only say how the value was written."""
    params = {}
    for key, values in line['params'].items():
        if key == 'CHARSET' or (key == 'ENCODING' and [v.upper() for v in values] == ['QUOTED-PRINTABLE']):
            continue
        if key == 'PREF':
            if values == ['1']:
                params.setdefault('TYPE', []).append('PREF')
            continue
        split = [part.strip().upper() for v in values for part in str(v).split(',')] if key == 'TYPE' else list(values)
        params.setdefault(key, []).extend(split)
    return [{**line, 'params': {k: sorted(set(v)) for k, v in params.items()}}]


def rule_tzid_renamed(line):
    """One .ics holds one VTIMEZONE per TZID (RFC 5545 §3.6.5); an object whose zone of the same
    name says something else keeps it under "NAME (2)", and its times point there."""
    tzid = line['params'].get('TZID')
    if not tzid:
        return [line]
    return [{**line, 'params': {**line['params'], 'TZID': [re.sub(r' \(\d+\)$', '', v) for v in tzid]}}]


RULES = {'version': rule_version, 'four-only': rule_four_only, 'label': rule_label, 'media': rule_media, 'geo': rule_geo, 'charset': rule_charset,
         'tel': rule_tel, 'dates': rule_dates, 'params': rule_params, 'tzid-renamed': rule_tzid_renamed}
