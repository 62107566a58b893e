#!/usr/bin/env bash
# Remakes the subset fonts of this folder from Debian's Noto packages, byte for
# byte (see README.md for what each subset keeps and why).
#
#   apt-get install fonts-noto-core fonts-noto-cjk   # 20201225-1 and 1:20220127+repack1-1 on Debian 12
#   pip install fonttools                            # 4.68.0 was used
#   src/report/fonts/subset.sh                       # writes into this folder
#
# NotoSans-Regular/Bold, NotoSansArabic and NotoSansDevanagari are the
# packages' files unmodified and are not made here. NotoSans-Italic and
# NotoSans-BoldItalic (the faces of a reference's italic and bold-italic
# runs) are made as the script fonts are: hinting dropped, all else kept.
set -euo pipefail
cd "$(dirname "$0")"
core=/usr/share/fonts/truetype/noto
cjk=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
command -v pyftsubset >/dev/null || { echo "subset.sh: pyftsubset not found (pip install fonttools)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. Script fonts: every glyph and layout feature kept, TrueType hinting
#    instructions dropped (PDF viewers rasterise at print resolution or with
#    their own hinting; the instructions were a third of each file).
for script in Hebrew Bengali Tamil Ethiopic Thai Armenian Georgian CanadianAboriginal; do
    pyftsubset "$core/NotoSans$script-Regular.ttf" --unicodes='*' --layout-features='*' \
        --name-IDs='*' --name-languages='*' --notdef-outline --no-hinting \
        --output-file="NotoSans$script-Regular.ttf"
done
for style in Italic BoldItalic; do
    pyftsubset "$core/NotoSans-$style.ttf" --unicodes='*' --layout-features='*' \
        --name-IDs='*' --name-languages='*' --notdef-outline --no-hinting \
        --output-file="NotoSans-$style.ttf"
done

# 2. One pan-CJK face: face 2 (Noto Sans CJK SC) of the collection, which has
#    every glyph of all five regional faces. Characters: all of GB 2312 (simplified
#    Chinese), Big5 symbols and level 1 (A140-C67E, the 5,401 common traditional
#    hanzi), JIS X 0208 (kana and 6,355 kanji) and KS X 1001 (2,350 hangul
#    syllables, 4,888 hanja), decoded with Python's own codecs.
python3 - "$work" <<'PY'
import sys

def dbcs(codec, rows, cells=range(0xA1, 0xFF)):
    out = set()
    for hi in rows:
        for lo in cells:
            try:
                out.add(bytes([hi, lo]).decode(codec))
            except UnicodeDecodeError:
                pass
    return out

gb2312 = dbcs("gb2312", range(0xA1, 0xF8))
big5 = dbcs("big5", range(0xA1, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
big5 = {c for c in big5 if c.encode("big5") <= b"\xc6\x7e"}
jis_x0208 = dbcs("euc_jp", range(0xA1, 0xF5))
ks_x1001 = dbcs("euc_kr", range(0xA1, 0xFF))
chars = {c for c in gb2312 | big5 | jis_x0208 | ks_x1001 if len(c) == 1 and c.isprintable()}
# Japanese glyph forms are kept for JIS X 0208 rows 1-8 (kana, symbols) and
# the 2,965 level-1 kanji: the characters of nearly all Japanese text.
jan = dbcs("euc_jp", list(range(0xA1, 0xA9)) + list(range(0xB0, 0xD0)))
open(sys.argv[1] + "/cjk_chars.txt", "w", encoding="utf-8").write("".join(sorted(chars)))
open(sys.argv[1] + "/jan_chars.txt", "w", encoding="utf-8").write("".join(sorted(jan)))
PY
#    The Japanese forms: the targets of the JAN language system's 'locl'
#    lookups for those characters. Only they are added, so 'locl' still turns
#    a Japanese text's characters into Japanese forms, while the other regional
#    variants (which would double the file) are left out.
python3 - "$cjk" "$work" <<'PY'
import sys
from fontTools.ttLib import TTFont

font = TTFont(sys.argv[1], fontNumber=2, lazy=True)
cmap = font.getBestCmap()
gsub = font["GSUB"].table
lookups = set()
for script in gsub.ScriptList.ScriptRecord:
    for lang in script.Script.LangSysRecord:
        if lang.LangSysTag.strip() == "JAN":
            for index in lang.LangSys.FeatureIndex:
                record = gsub.FeatureList.FeatureRecord[index]
                if record.FeatureTag == "locl":
                    lookups.update(record.Feature.LookupListIndex)
wanted = {cmap[ord(c)] for c in open(sys.argv[2] + "/jan_chars.txt", encoding="utf-8").read() if ord(c) in cmap}
targets = set()
for i in sorted(lookups):
    lookup = gsub.LookupList.Lookup[i]
    for sub in lookup.SubTable:
        sub = sub.ExtSubTable if lookup.LookupType == 7 else sub
        for source, target in getattr(sub, "mapping", {}).items():
            if source in wanted:
                targets.add(target)
open(sys.argv[2] + "/jan_glyphs.txt", "w").write(",".join(sorted(targets)))
PY
pyftsubset "$cjk" --font-number=2 --text-file="$work/cjk_chars.txt" \
    --unicodes="U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-203B,U+3000-303F,U+3040-309F,U+30A0-30FF,U+31F0-31FF,U+3131-318E,U+FF01-FF60,U+FF61-FF9F,U+FFE0-FFE6" \
    --glyphs="$(cat "$work/jan_glyphs.txt")" --layout-features='locl,kern' --no-layout-closure \
    --name-IDs='*' --output-file=NotoSansCJK-Subset.otf

sha256sum NotoSans*.ttf NotoSans*.otf
