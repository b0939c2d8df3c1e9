#!/usr/bin/env python3
"""Writes each story of Reuters-21578 (SGML) as one plain-text article.

usage: split_reuters.py REUTERS_DIR OUT_DIR [--limit N]

Each file holds the title and body of one <REUTERS> element, with a `Date:` header line
taken from its <DATE> element, so that relative dates resolve against it.
"""
import html
import os
import re
import sys
from datetime import datetime


def stories(path):
    with open(path, encoding="latin-1") as f:
        data = f.read()
    for m in re.finditer(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", data, re.S):
        yield m.group(1), m.group(2)


def field(block, tag):
    m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), block, re.S)
    return html.unescape(m.group(1)).strip() if m else ""


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, out = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    os.makedirs(out, exist_ok=True)
    count = 0
    for name in sorted(os.listdir(src)):
        if not name.endswith(".sgm"):
            continue
        for newid, block in stories(os.path.join(src, name)):
            body = field(block, "BODY")
            title = field(block, "TITLE")
            if not body:
                text = re.search(r"<TEXT[^>]*>(.*?)</TEXT>", block, re.S)
                body = html.unescape(re.sub(r"<[^>]+>", " ", text.group(1))).strip() if text else ""
            if not body and not title:
                continue
            body = re.sub(r"\s*Reuter\s*\x03?\s*$", "", body.replace("\x03", "")).rstrip()
            header = ""
            date = field(block, "DATE")
            try:
                stamp = datetime.strptime(date.split(".")[0].strip(), "%d-%b-%Y %H:%M:%S")
                header = "Date: %s\n\n" % stamp.strftime("%Y-%m-%d")
            except ValueError:
                pass
            with open(os.path.join(out, "reut-%05d.txt" % int(newid)), "w", encoding="utf-8") as f:
                f.write(header + (title + "\n\n" if title else "") + body + "\n")
            count += 1
            if limit and count >= limit:
                print(count)
                return 0
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
