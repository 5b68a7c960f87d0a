"""Writes an upload built to exhaust a reader's memory, small on the wire:
  docx: a DOCX whose document part inflates to 30 MB of one-letter paragraphs (about 1.2 MB zipped);
  md:   half a million unmatched '[a' (1 MB of Markdown, letters enough to be classified);
  pdf:  a line of text, then fifty million numbers and no operator in the page's content stream (98 KB deflated);
  font: a line of text in a TrueType font whose embedded program inflates to 400 MB of zeros (409 KB).
python3 bench/make-hostile.py OUT docx|md|pdf|font"""
import random
import sys
import zipfile
import zlib

out, kind = sys.argv[1], sys.argv[2]
if kind == "md":
    with open(out, "w") as f:
        f.write("[a" * 500_000)
    sys.exit(0)
if kind in ("pdf", "font"):
    text = b"BT /F1 12 Tf 72 700 Td (Quarterly report) Tj ET\n"
    content = zlib.compress(text + (b"1 " * 50_000_000 if kind == "pdf" else b""), 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"]
    if kind == "pdf":
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    else:
        deflater = zlib.compressobj(9)
        program = b"".join(deflater.compress(bytes(1 << 20)) for _ in range(400)) + deflater.flush()
        objects += [b"<< /Type /Font /Subtype /TrueType /BaseFont /Embedded /FirstChar 32 /LastChar 32 /Widths [250] "
                    b"/FontDescriptor 6 0 R >>",
                    b"<< /Type /FontDescriptor /FontName /Embedded /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
                    b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>",
                    b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(program) + program + b"\nendstream"]
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(out, "wb") as f:
        f.write(pdf)
    sys.exit(0)
if kind != "docx":
    sys.exit("kind must be docx, md, pdf or font")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
rng = random.Random(7)
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml",
               '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument'
               '.wordprocessingml.document.main+xml"/></Types>')
    z.writestr("_rels/.rels",
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
               'officeDocument" Target="word/document.xml"/></Relationships>')
    paragraphs = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % chr(97 + rng.randrange(26))
                         for _ in range(30_000_000 // 34))
    z.writestr("word/document.xml", "<w:document %s><w:body>%s</w:body></w:document>" % (W, paragraphs))
