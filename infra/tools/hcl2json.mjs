// Parses every Terraform file given on the command line with @cdktf/hcl2json and prints one JSON object:
// { "<file name>": <the file as JSON> }. A file that does not parse stops with its name and the parser's message.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from '@cdktf/hcl2json';

const result = {};
for (const file of process.argv.slice(2)) {
  try {
    result[basename(file)] = await parse(basename(file), await readFile(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: ${error.message ?? error}`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(result));
