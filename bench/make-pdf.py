"""Writes a PDF of about SIZE bytes: PAGES pages of text and an attached file of incompressible bytes,
as scans and attachments make real documents large.  python3 bench/make-pdf.py OUT [SIZE=1048576] [PAGES=5]"""
import os
import random
import sys

out = sys.argv[1]
size = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 20
pages = int(sys.argv[3]) if len(sys.argv) > 3 else 5
text = ("The launch of the probe was delayed by a problem with the rocket engine. "
        "Astronomers will observe the planet and its moons from orbit for two years.")

objects = []  # bodies of objects 1..n, as bytes


def add(body):
    objects.append(body)
    return len(objects)


font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
page_ids = []
pages_id = len(objects) + 1 + 2 * pages  # allocated after the pages and their contents
for p in range(pages):
    lines = "".join("(%s) Tj T* " % text[i:i + 70] for i in range(0, len(text), 70)) * 10
    content = ("BT /F1 11 Tf 14 TL 60 740 Td %s ET" % lines).encode("latin-1")
    stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    page_ids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, stream, font)))
kids = b" ".join(b"%d 0 R" % i for i in page_ids)
assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)) == pages_id
padding = random.Random(size).randbytes(max(0, size - 2000 * pages - 1000))
attachment = add(b"<< /Type /EmbeddedFile /Length %d >>\nstream\n%s\nendstream" % (len(padding), padding))
spec = add(b"<< /Type /Filespec /F (scan.bin) /EF << /F %d 0 R >> >>" % attachment)
catalog = add(b"<< /Type /Catalog /Pages %d 0 R /Names << /EmbeddedFiles << /Names [(scan.bin) %d 0 R] >> >> >>"
              % (pages_id, spec))

pdf = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for number, body in enumerate(objects, start=1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
pdf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
pdf += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
with open(out, "wb") as f:
    f.write(pdf)
print("%s: %d bytes, %d pages" % (out, len(pdf), pages), file=sys.stderr)
