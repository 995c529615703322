#!/usr/bin/env python3
"""Build-time font preparation for the PDF backend (run by CMake, never at run time).

Subsets the four Liberation Sans faces of the Debian package to the fixed glyph set the documents may
print (fontTools, hinting dropped: about 12 KB a face instead of 35 KB with PoDoFo's own subsetter),
compresses each program once, and writes a C++ source holding, per face: the compressed TrueType
program, the font descriptor's values, and every (code point, glyph id, advance) of the subset. The PDF
backend embeds those bytes as they are in every document and lays out with those advances, so layout
and /W agree by construction.

usage: make_font_tables.py FONT_DIR OUT.cpp
"""
import io
import sys
import zlib

from fontTools import subset
from fontTools.ttLib import TTFont

FACES = [  # order of aap::render::Face
    ('LiberationSans-Regular.ttf', 'LiberationSans', False, False),
    ('LiberationSans-Bold.ttf', 'LiberationSans-Bold', True, False),
    ('LiberationSans-Italic.ttf', 'LiberationSans-Italic', False, True),
    ('LiberationSans-BoldItalic.ttf', 'LiberationSans-BoldItalic', True, True),
]

# What a French administrative document prints: Basic Latin, Latin-1, Latin Extended-A (every European
# Latin name), the Romanian commas, spacing and combining accents (decomposed input), the spaces,
# dashes, quotes and signs of French typography, €, arrows and comparison signs of the templates.
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x017F), (0x0192, 0x0192), (0x0218, 0x021B), (0x02C6, 0x02C7),
    (0x02C9, 0x02C9), (0x02D8, 0x02DD), (0x0300, 0x030C), (0x0327, 0x0328), (0x2002, 0x200A),
    (0x2010, 0x2015), (0x2018, 0x201E), (0x2020, 0x2022), (0x2026, 0x2026), (0x202F, 0x202F),
    (0x2030, 0x2030), (0x2032, 0x2033), (0x2039, 0x203A), (0x2044, 0x2044), (0x20AC, 0x20AC),
    (0x2116, 0x2116), (0x2122, 0x2122), (0x2190, 0x2193), (0x2212, 0x2212), (0x2248, 0x2248),
    (0x2260, 0x2260), (0x2264, 0x2265),
]


def wanted():
    return [c for lo, hi in RANGES for c in range(lo, hi + 1)]


def prepare(path):
    # fontTools stamps head.modified with the time of save unless told not to: every build would embed
    # different bytes, and `aap verify` would find every PDF of a rebuilt aap changed. The subset keeps the
    # source font's own timestamp, so that the same fonts always give the same tables.
    font = TTFont(path, recalcTimestamp=False)
    available = font.getBestCmap()
    codes = [c for c in wanted() if c in available]
    options = subset.Options()
    options.hinting = False
    options.layout_features = []  # no kerning or ligatures: the layout draws none
    options.drop_tables += ['GSUB', 'GPOS', 'GDEF', 'kern', 'DSIG', 'gasp', 'FFTM']
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the licence notice and names, nothing else
    options.notdef_outline = True
    options.recalc_bounds = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    program = out.getvalue()
    cmap = font.getBestCmap()
    hmtx = font['hmtx']
    glyphs = sorted((c, font.getGlyphID(name), hmtx[name][0]) for c, name in cmap.items())
    head, hhea, os2, post = font['head'], font['hhea'], font['OS/2'], font['post']
    return {
        'program': program,
        'glyphs': glyphs,
        'units_per_em': head.unitsPerEm,
        'bbox': (head.xMin, head.yMin, head.xMax, head.yMax),
        'ascent': hhea.ascent,
        'descent': hhea.descent,
        'cap_height': getattr(os2, 'sCapHeight', hhea.ascent),
        'italic_angle': post.italicAngle,
        'weight': os2.usWeightClass,
    }


def c_bytes(data):
    lines = []
    for i in range(0, len(data), 24):
        lines.append('    ' + ''.join(f'{b},' for b in data[i:i + 24]))
    return '\n'.join(lines)


def main():
    font_dir, out_path = sys.argv[1], sys.argv[2]
    parts = ['// Generated at build time by src/render/pdf/make_font_tables.py from the Debian Liberation fonts.',
             '#include "render/pdf/font_tables.hpp"', '', 'namespace aap::render {', 'namespace {', '']
    entries = []
    for index, (file, base_name, bold, italic) in enumerate(FACES):
        face = prepare(f'{font_dir}/{file}')
        compressed = zlib.compress(face['program'], 9)
        parts.append(f'const unsigned char kProgram{index}[] = {{\n{c_bytes(compressed)}\n}};')
        glyph_lines = ',\n'.join(f'    {{{c}, {g}, {a}}}' for c, g, a in face['glyphs'])
        parts.append(f'const EmbeddedGlyph kGlyphs{index}[] = {{\n{glyph_lines}\n}};')
        bbox = ', '.join(str(v) for v in face['bbox'])
        entries.append(
            f'    {{"{base_name}", {str(bold).lower()}, {str(italic).lower()}, {face["units_per_em"]}, '
            f'{{{bbox}}}, {face["ascent"]}, {face["descent"]}, {face["cap_height"]}, '
            f'{int(round(face["italic_angle"]))}, {face["weight"]}, '
            f'kProgram{index}, sizeof kProgram{index}, {len(face["program"])}, '
            f'kGlyphs{index}, sizeof kGlyphs{index} / sizeof kGlyphs{index}[0]}}')
    parts.append('')
    parts.append('}  // namespace')
    parts.append('')
    parts.append('const std::array<EmbeddedFace, 4>& embedded_faces() {')
    parts.append('  static const std::array<EmbeddedFace, 4> kFaces = {{')
    parts.append(',\n'.join(entries))
    parts.append('  }};')
    parts.append('  return kFaces;')
    parts.append('}')
    parts.append('')
    parts.append('}  // namespace aap::render')
    with open(out_path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(parts) + '\n')


if __name__ == '__main__':
    main()
