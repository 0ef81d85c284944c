#!/usr/bin/env python3
"""Writes a pair of .resx files (neutral English + zh-CN) from a strings table.

Usage: tools/resx.py STRINGS.tsv OUT_BASE   (OUT_BASE without extension, e.g. src/TechZone/Platform/Resources/PlatformStrings)
The TSV has three tab-separated columns: key, English, Chinese. Lines starting with # are comments.
The .resx files are the source of truth in the repository; the TSV is a convenient way to add many strings at once.
Existing keys in the .resx files are kept unless the TSV names them again.
"""
import sys, xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def read(path):
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        return {}
    return {d.get('name'): (d.find('value').text or '') for d in root.findall('data')}

def write(path, entries):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEADER)
        for k in sorted(entries):
            f.write(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
        f.write('</root>\n')

def main():
    tsv, base = sys.argv[1], sys.argv[2]
    en, zh = read(base + '.resx'), read(base + '.zh-CN.resx')
    for line in open(tsv, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        key, english, chinese = line.split('\t')
        en[key], zh[key] = english, chinese
    write(base + '.resx', en)
    write(base + '.zh-CN.resx', zh)

main()
