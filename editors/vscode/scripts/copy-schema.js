// Copies what the package ships from the rest of the repository at build time, so there is
// one source for each: the JSON Schema of newslint.json and the editors guide.
'use strict';
const fs = require('fs');
const path = require('path');

const here = path.resolve(__dirname, '..');
const repo = path.resolve(here, '..', '..');
const copies = [
  ['analysis/workspace/schema/newslint.schema.json', 'schema/newslint.schema.json'],
  ['docs/editors.md', 'docs/editors.md'],
];
for (const [from, to] of copies) {
  const source = path.join(repo, from);
  const target = path.join(here, to);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
  console.log(`copied ${from} -> editors/vscode/${to}`);
}
