"""Writes an upload built to exhaust a reader's memory, small on the wire:
  docx: a DOCX whose document part inflates to 30 MB of one-letter paragraphs (about 1.2 MB zipped);
  md:   half a million unmatched '[a' (1 MB of Markdown, letters enough to be classified).
python3 bench/make-hostile.py OUT docx|md"""
import random
import sys
import zipfile

out, kind = sys.argv[1], sys.argv[2]
if kind == "md":
    with open(out, "w") as f:
        f.write("[a" * 500_000)
    sys.exit(0)
if kind != "docx":
    sys.exit("kind must be docx or md")

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
