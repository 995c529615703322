#!/usr/bin/env python3
"""Reads a PDF with pikepdf (qpdf) and prints, as JSON, the facts the PDF/A-2 and PDF/UA-1 tests check.

Independent of aap's writer: the catalog, Info, the XMP packet (parsed as XML), the output intent and its
ICC profile, the trailer /ID, the filters of every stream, the fonts, the structure tree walked from its
root, and every page's content stream parsed operator by operator (what is inside marked content, which
MCIDs the pages use and which structure element the parent tree gives each).

usage: pdf_conformance.py FILE.pdf
"""
import json
import re
import sys
import xml.dom.minidom

import pikepdf

NS = {
    'dc': 'http://purl.org/dc/elements/1.1/',
    'xmp': 'http://ns.adobe.com/xap/1.0/',
    'pdf': 'http://ns.adobe.com/pdf/1.3/',
    'pdfaid': 'http://www.aiim.org/pdfa/ns/id/',
    'pdfuaid': 'http://www.aiim.org/pdfua/ns/id/',
    'pdfaSchema': 'http://www.aiim.org/pdfa/ns/schema#',
    'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
}
TEXT_OPERATORS = {'Tj', 'TJ', "'", '"'}
PAINT_OPERATORS = {'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Do', 'sh'}


def text_of(node):
    return ''.join(n.data for n in node.childNodes if n.nodeType == n.TEXT_NODE)


def xmp_facts(pdf):
    out = {}
    meta = pdf.Root.get('/Metadata')
    if meta is None:
        return out
    out['stream_keys'] = sorted(str(k) for k in meta.keys())
    raw = meta.read_raw_bytes()
    out['starts_with_xpacket'] = raw.startswith(b'<?xpacket begin=')
    out['ends_with_xpacket'] = raw.rstrip().endswith(b'<?xpacket end="w"?>')
    doc = xml.dom.minidom.parseString(raw)

    def values(prefix, local):
        found = []
        for el in doc.getElementsByTagNameNS(NS[prefix], local):
            items = el.getElementsByTagNameNS(NS['rdf'], 'li')
            found.extend(text_of(i) for i in items) if items else found.append(text_of(el))
        return found

    for key in ['dc:title', 'dc:creator', 'dc:description', 'dc:language', 'xmp:CreatorTool', 'xmp:CreateDate',
                'xmp:ModifyDate', 'pdf:Producer', 'pdfaid:part', 'pdfaid:conformance', 'pdfuaid:part']:
        prefix, local = key.split(':')
        out[key] = values(prefix, local)
    out['extension_schemas'] = [text_of(e) for e in doc.getElementsByTagNameNS(NS['pdfaSchema'], 'namespaceURI')]
    return out


def info_facts(pdf):
    info = pdf.trailer.get('/Info')
    if info is None:
        return {}
    return {str(k)[1:]: str(v) for k, v in info.items()}


def output_intents(pdf):
    out = []
    for oi in pdf.Root.get('/OutputIntents', []):
        profile = oi.get('/DestOutputProfile')
        data = profile.read_bytes() if profile is not None else b''
        out.append({
            'S': str(oi.get('/S')),
            'OutputConditionIdentifier': str(oi.get('/OutputConditionIdentifier', '')),
            'N': int(profile.get('/N', 0)) if profile is not None else 0,
            'icc_signature': data[36:40].decode('latin-1'),
            'icc_colour_space': data[16:20].decode('latin-1'),
            'icc_size_matches': len(data) >= 4 and int.from_bytes(data[0:4], 'big') == len(data),
        })
    return out


def filters(pdf):
    names = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            f = obj.get('/Filter')
            if f is None:
                continue
            for name in (f if isinstance(f, pikepdf.Array) else [f]):
                names.add(str(name))
    return sorted(names)


def fonts(pdf):
    out = []
    seen = set()
    for page in pdf.pages:
        for name, font in page.Resources.get('/Font', {}).items():
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            cid = font.DescendantFonts[0]
            descriptor = cid.FontDescriptor
            out.append({
                'BaseFont': str(font.BaseFont),
                'Subtype': str(font.Subtype),
                'Encoding': str(font.get('/Encoding')),
                'ToUnicode': '/ToUnicode' in font,
                'CIDSubtype': str(cid.Subtype),
                'CIDToGIDMap': str(cid.get('/CIDToGIDMap')),
                'W': '/W' in cid,
                'FontFile2': '/FontFile2' in descriptor,
                'CIDSet': '/CIDSet' in descriptor,
            })
    return out


def structure(pdf):
    """The tree from /StructTreeRoot, depth first: types, and for each content element its (page, MCID)s."""
    root = pdf.Root.get('/StructTreeRoot')
    if root is None:
        return None
    page_index = {p.objgen: i for i, p in enumerate(pdf.pages)}
    elements = []  # (type, depth, parent index, attributes)
    marked = {}  # (page, mcid) -> element index
    problems = []

    def walk(elem, depth, parent, page):
        s = str(elem.get('/S'))
        index = len(elements)
        attrs = {}
        a = elem.get('/A')
        for d in (a if isinstance(a, pikepdf.Array) else [a] if a is not None else []):
            for k, v in d.items():
                attrs[str(k)[1:]] = str(v)
        if elem.get('/P') is None:
            problems.append(f'element {index} {s} has no /P')
        elements.append({'S': s, 'depth': depth, 'parent': parent, 'A': attrs, 'mcids': 0})
        pg = elem.get('/Pg')
        page = page_index.get(pg.objgen, page) if pg is not None else page
        kids = elem.get('/K')
        for k in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            if isinstance(k, int):
                marked[(page, int(k))] = index
                elements[index]['mcids'] += 1
            elif isinstance(k, pikepdf.Dictionary) and k.get('/Type') == '/MCR':
                p = page_index.get(k.Pg.objgen, page) if '/Pg' in k else page
                marked[(p, int(k.MCID))] = index
                elements[index]['mcids'] += 1
            elif isinstance(k, pikepdf.Dictionary):
                if k.get('/P') is None or k.P.objgen != elem.objgen:
                    problems.append(f'{k.get("/S")} under {s}: /P is not its parent')
                walk(k, depth + 1, index, page)
    top = root.get('/K')
    for k in (top if isinstance(top, pikepdf.Array) else [top]):
        walk(k, 0, -1, None)
    # The parent tree: page StructParents -> array indexed by MCID.
    parent_tree = {}
    nums = []

    def collect(node):
        if '/Nums' in node:
            nums.extend(node.Nums)
        for kid in node.get('/Kids', []):
            collect(kid)
    if '/ParentTree' in root:
        collect(root.ParentTree)
    for i in range(0, len(nums), 2):
        parent_tree[int(nums[i])] = nums[i + 1]
    elem_ids = {}

    def index_elems(elem, counter=[0]):
        elem_ids[elem.objgen] = counter[0]
        counter[0] += 1
        kids = elem.get('/K')
        for k in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            if isinstance(k, pikepdf.Dictionary) and k.get('/Type') != '/MCR':
                index_elems(k, counter)
    for k in (top if isinstance(top, pikepdf.Array) else [top]):
        index_elems(k)
    return {
        'elements': elements,
        'marked': {f'{p}:{m}': e for (p, m), e in marked.items()},
        'parent_tree': {str(k): [elem_ids.get(v.objgen, -1) if isinstance(v, pikepdf.Dictionary) else None
                                 for v in arr] for k, arr in parent_tree.items()},
        'parent_tree_next_key': int(root.get('/ParentTreeNextKey', -1)),
        'problems': problems,
    }


def to_unicode(font):
    """Two-byte code -> text, from the font's ToUnicode CMap (bfchar and bfrange sections)."""
    table = {}
    if '/ToUnicode' not in font:
        return table
    cmap = font.ToUnicode.read_bytes().decode('latin-1')
    for section in re.findall(r'beginbfchar(.*?)endbfchar', cmap, re.S):
        for code, uni in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', section):
            table[int(code, 16)] = bytes.fromhex(uni).decode('utf-16-be')
    for section in re.findall(r'beginbfrange(.*?)endbfrange', cmap, re.S):
        for lo, hi, uni in re.findall(r'<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>', section):
            for k in range(int(lo, 16), int(hi, 16) + 1):
                table[k] = chr(int(uni, 16) + k - int(lo, 16))
    return table


def decode(raw, table):
    return ''.join(table.get(raw[i] << 8 | raw[i + 1], '\ufffd') for i in range(0, len(raw) - 1, 2))


def content(pdf):
    """Per page: text and painting operators outside any marked content, the MCIDs used, artifacts, and
    the text shown inside each MCID and inside artifacts, in content-stream order (decoded by ToUnicode)."""
    pages = []
    for i, page in enumerate(pdf.pages):
        fonts = {str(k): to_unicode(v) for k, v in page.Resources.get('/Font', {}).items()}
        table = {}
        tagged_text = []  # [mcid, text] in content order
        artifact_text = []
        stack = []
        outside_text = outside_paint = 0
        mcids = []
        artifacts = 0
        text_in = {}  # mcid -> text operator count
        nesting_ok = True
        in_text = False
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == 'BT':
                in_text = True
            elif op == 'ET':
                in_text = False
            if op in ('BMC', 'BDC'):
                tag = str(operands[0])
                mcid = None
                if op == 'BDC' and isinstance(operands[1], pikepdf.Dictionary) and '/MCID' in operands[1]:
                    mcid = int(operands[1].MCID)
                    mcids.append(mcid)
                if tag == '/Artifact':
                    artifacts += 1
                stack.append((tag, mcid, in_text))
            elif op == 'EMC':
                if not stack or stack[-1][2] != in_text:
                    nesting_ok = False  # a marked-content sequence crossing BT/ET
                if stack:
                    stack.pop()
            elif op == 'Tf':
                table = fonts.get(str(operands[0]), {})
            elif op in TEXT_OPERATORS:
                shown = ''
                for operand in operands:
                    if isinstance(operand, pikepdf.String):
                        shown += decode(bytes(operand), table)
                    elif isinstance(operand, pikepdf.Array):
                        shown += ''.join(decode(bytes(x), table) for x in operand if isinstance(x, pikepdf.String))
                if not stack:
                    outside_text += 1
                elif stack[-1][1] is not None:
                    text_in[stack[-1][1]] = text_in.get(stack[-1][1], 0) + 1
                    if tagged_text and tagged_text[-1][0] == stack[-1][1]:
                        tagged_text[-1][1] += shown  # word breaks are drawn spaces (tagged PDF)
                    else:
                        tagged_text.append([stack[-1][1], shown])
                elif stack[-1][0] == '/Artifact':
                    artifact_text.append(shown)
            elif op in PAINT_OPERATORS and not stack:
                outside_paint += 1
        pages.append({
            'StructParents': int(page.obj['/StructParents']) if '/StructParents' in page.obj else None,
            'Tabs': str(page.obj.get('/Tabs', '')),
            'text_outside_marked_content': outside_text,
            'paint_outside_marked_content': outside_paint,
            'unclosed': len(stack),
            'nesting_ok': nesting_ok,
            'mcids': mcids,
            'artifacts': artifacts,
            'tagged_text': tagged_text,
            'artifact_text': artifact_text,
        })
    return pages


def main():
    with pikepdf.open(sys.argv[1]) as pdf:
        root = pdf.Root
        mark = root.get('/MarkInfo')
        viewer = root.get('/ViewerPreferences')
        trailer_id = pdf.trailer.get('/ID')
        facts = {
            'version': pdf.pdf_version,
            'encrypted': pdf.is_encrypted,
            'catalog': {
                'Lang': str(root.get('/Lang', '')),
                'Marked': bool(mark.get('/Marked', False)) if mark is not None else None,
                'DisplayDocTitle': bool(viewer.get('/DisplayDocTitle', False)) if viewer is not None else None,
                'keys': sorted(str(k) for k in root.keys()),
            },
            'id': [bytes(x).hex() for x in trailer_id] if trailer_id is not None else [],
            'info': info_facts(pdf),
            'xmp': xmp_facts(pdf),
            'output_intents': output_intents(pdf),
            'filters': filters(pdf),
            'fonts': fonts(pdf),
            'structure': structure(pdf),
            'pages': content(pdf),
        }
    json.dump(facts, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
