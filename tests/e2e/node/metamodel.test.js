'use strict';
// The validator itself: it must reject what the meta-model forbids, or the end-to-end
// checks prove nothing.
const test = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { MetaModel } = require('./metamodel');

const model = new MetaModel(process.env.NEWSLINT_META_MODEL ||
  path.join(__dirname, '..', '..', '..', '..', 'shared', 'lsp', 'metaModel.json'));

const position = (line, character) => ({ line, character });
const range = { start: position(0, 1), end: position(0, 4) };

test('accepts a well-formed Diagnostic and Hover', () => {
  assert.deepStrictEqual(model.check({ kind: 'reference', name: 'Diagnostic' }, {
    range, severity: 2, code: 'name-variant', source: 'newslint', message: 'm',
    codeDescription: { href: 'file:///x.md' }, data: { any: ['thing', 1, null] },
    relatedInformation: [{ location: { uri: 'file:///a.txt', range }, message: 'r' }],
  }), []);
  assert.deepStrictEqual(model.checkResult('textDocument/hover', { contents: { kind: 'markdown', value: 'x' }, range }), []);
  assert.deepStrictEqual(model.checkResult('textDocument/hover', null), []);
});

test('rejects missing, misspelt, mistyped and out-of-enumeration fields', () => {
  const diagnostic = (extra) => model.check({ kind: 'reference', name: 'Diagnostic' }, { range, message: 'm', ...extra });
  assert.notDeepStrictEqual(model.check({ kind: 'reference', name: 'Diagnostic' }, { range }), []);
  assert.notDeepStrictEqual(diagnostic({ severty: 1 }), []);
  assert.notDeepStrictEqual(diagnostic({ severity: 7 }), []);
  assert.notDeepStrictEqual(diagnostic({ range: { start: position(-1, 0), end: position(0, 0) } }), []);
  assert.notDeepStrictEqual(diagnostic({ codeDescription: { href: 'not a uri' } }), []);
  assert.notDeepStrictEqual(model.checkResult('textDocument/hover', { contents: 5 }), []);
  assert.notDeepStrictEqual(model.checkServerMessage('textDocument/publishDiagnostics', { uri: 'file:///a' }, false), []);
  assert.notDeepStrictEqual(model.checkServerMessage('textDocument/didOpen', {}, false), []);
});

test('follows extends, mixins, aliases, maps and literals', () => {
  assert.deepStrictEqual(model.checkResult('textDocument/rename', {
    changes: { 'file:///a.txt': [{ range, newText: 'x' }] },
  }), []);
  assert.deepStrictEqual(model.checkResult('textDocument/rename', {
    documentChanges: [{ kind: 'create', uri: 'file:///n.json' },
      { textDocument: { uri: 'file:///n.json', version: null }, edits: [{ range, newText: '{}' }] }],
  }), []);
  assert.notDeepStrictEqual(model.checkResult('textDocument/rename', { documentChanges: [{ kind: 'explode', uri: 'file:///n' }] }), []);
  assert.deepStrictEqual(model.checkResult('textDocument/prepareRename', { range, placeholder: 'Zein' }), []);
  assert.deepStrictEqual(model.checkResult('textDocument/diagnostic', { kind: 'unchanged', resultId: 'a' }), []);
});
