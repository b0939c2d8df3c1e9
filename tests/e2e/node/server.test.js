'use strict';
// `newslint serve` over stdio, driven by the vscode-jsonrpc / vscode-languageserver-protocol
// client libraries on a copy of examples/. Every response, notification and server request
// is checked against the LSP meta-model.
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const rpc = require('vscode-jsonrpc/node');
const lsp = require('vscode-languageserver-protocol');
const { MetaModel } = require('./metamodel');

const repo = path.resolve(__dirname, '..', '..', '..');
const model = new MetaModel(process.env.NEWSLINT_META_MODEL ||
  path.join(repo, '..', 'shared', 'lsp', 'metaModel.json'));
const binary = process.env.NEWSLINT_BINARY ||
  ['build/cli/newslint', 'build-lsp/cli/newslint'].map((p) => path.join(repo, p)).find((p) => fs.existsSync(p));
const SAFETY_NET_MS = 60000; // only reached when a test is failing

const F = {
  a000: '000_7e03111992a0022c.txt',
  a001: '001_2ed5d6a8ed618bf6.txt',
  a002: '002_bf82ed2b7bc21197.txt',
  a003: '003_fce50c72ea1de802.txt',
  a004: '004_7ae6212592d33cc9.txt',
};

/** A client session: the server process, the connection and everything it received. */
class Session {
  constructor(root) {
    this.root = root;
    this.proc = spawn(binary, ['serve', '--debounce-ms', '0'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (chunk) => { this.stderr += chunk; });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.conn = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.proc.stdout), new rpc.StreamMessageWriter(this.proc.stdin));
    this.received = []; // { kind: 'notification' | 'request', method, params }
    this.violations = [];
    this.validated = 0;
    this.waiters = [];
    this.conn.onNotification((method, params) => this.record('notification', method, params));
    this.conn.onRequest((method, params) => {
      this.record('request', method, params);
      // vscode-jsonrpc routes $/progress to per-token handlers, not to the catch-all one.
      if (method === 'window/workDoneProgress/create' && params && params.token !== undefined)
        this.conn.onProgress(lsp.WorkDoneProgress.type, params.token,
          (value) => this.record('notification', '$/progress', { token: params.token, value }));
      return null;
    });
    this.conn.listen();
  }

  uri(name) { return `file://${this.root.split(path.sep).map(encodeURIComponent).join('/')}/${name}`; }
  text(name) { return fs.readFileSync(path.join(this.root, name), 'utf8'); }

  record(kind, method, params) {
    this.validate(`${kind} ${method}`, model.checkServerMessage(method, params, kind === 'request'));
    this.received.push({ kind, method, params });
    for (const waiter of [...this.waiters]) waiter();
  }

  validate(what, errors) {
    this.validated += 1;
    if (errors.length) this.violations.push(`${what}: ${errors.join(' | ')}`);
  }

  async request(type, params) {
    const result = await this.conn.sendRequest(type, params);
    this.validate(`result of ${type.method}`, model.checkResult(type.method, result));
    return result;
  }

  notify(type, params) { return this.conn.sendNotification(type, params); }

  /** Resolves with the first received message from index `from` that satisfies `predicate`. */
  waitFor(predicate, from = 0) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.received.slice(from).find(predicate);
        if (!found) return false;
        this.waiters = this.waiters.filter((w) => w !== check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out; received ${JSON.stringify(this.received.map((m) => [m.method, m.params && m.params.value && m.params.value.kind]))}; server log:\n${this.stderr}`));
      }, SAFETY_NET_MS);
      this.waiters.push(check);
      check();
    });
  }

  diagnostics(name, from = 0, extra = () => true) {
    return this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' &&
      m.params.uri === this.uri(name) && extra(m.params), from).then((m) => m.params);
  }
}

/** UTF-16 position of the n-th occurrence of `needle` (JS strings are UTF-16 already). */
function positionOf(text, needle, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i += 1) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function textAt(text, range) {
  const lines = text.split(/\r\n|\r|\n/);
  assert.strictEqual(range.start.line, range.end.line, 'single-line range');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

function flagged(text, diagnostics) {
  return new Set(diagnostics.map((d) => `${d.code}:${textAt(text, d.range)}`));
}

function applyEdits(text, edits) {
  const lines = text.split('\n');
  const offset = (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

function editsFor(edit, uri) {
  const out = [...((edit.changes || {})[uri] || [])];
  for (const change of edit.documentChanges || [])
    if (change.textDocument && change.textDocument.uri === uri) out.push(...change.edits);
  return out;
}

describe('newslint serve over stdio', { concurrency: false }, () => {
  let root;
  let s;
  const latest = {}; // file -> the first diagnostics published for it

  before(async () => {
    assert.ok(binary, 'set NEWSLINT_BINARY to the built newslint executable');
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'newslint-e2e-'));
    for (const name of fs.readdirSync(path.join(repo, 'examples'))) {
      fs.copyFileSync(path.join(repo, 'examples', name), path.join(root, name));
      fs.chmodSync(path.join(root, name), 0o644);
    }
    s = new Session(root);
  });

  after(() => {
    if (s && s.proc.exitCode === null) s.proc.kill();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('initializes with UTF-16 positions and the advertised features', async () => {
    const result = await s.request(lsp.InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'newslint-e2e' },
      rootUri: s.uri('').replace(/\/$/, ''),
      workspaceFolders: [{ uri: s.uri('').replace(/\/$/, ''), name: 'examples' }],
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        window: { workDoneProgress: true },
        workspace: {
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        },
        textDocument: {
          synchronization: { didSave: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    assert.strictEqual(result.capabilities.positionEncoding, 'utf-16');
    assert.strictEqual(result.capabilities.textDocumentSync.change, lsp.TextDocumentSyncKind.Incremental);
    assert.strictEqual(result.capabilities.diagnosticProvider.interFileDependencies, true);
    assert.ok(result.capabilities.renameProvider.prepareProvider);
    await s.notify(lsp.InitializedNotification.type, {});
  });

  it('shows indexing progress and registers file watching', async () => {
    const create = await s.waitFor((m) => m.method === 'window/workDoneProgress/create');
    const { token } = create.params;
    for (const kind of ['begin', 'report', 'end'])
      await s.waitFor((m) => m.method === '$/progress' && m.params.token === token && m.params.value.kind === kind);
    const registration = await s.waitFor((m) => m.method === 'client/registerCapability');
    assert.strictEqual(registration.params.registrations[0].method, 'workspace/didChangeWatchedFiles');
  });

  it('publishes the sample corpus findings N1-N7 and D1', async () => {
    for (const name of Object.values(F)) latest[name] = flagged(s.text(name), (await s.diagnostics(name)).diagnostics);
    const has = (name, item) => latest[name].has(item);
    assert.ok(has(F.a001, 'name-variant:Zein') && has(F.a000, 'name-variant:Zane'), 'N1 Zane/Zein');
    assert.ok(has(F.a001, 'name-variant:Anisa') || has(F.a000, 'name-variant:Inessa'), 'N2 Inessa/Anisa');
    assert.ok(has(F.a004, 'name-variant-in-document:Shabaan'), 'N3 Shaaban/Shabaan');
    assert.ok(has(F.a002, 'name-variant:Bouthaina') || has(F.a003, 'name-variant:Buthaina') ||
      has(F.a004, 'name-variant:Buthaina'), 'N4 Bouthaina/Buthaina');
    assert.ok(has(F.a002, 'name-variant:Ihab') || has(F.a003, 'name-variant:Ehab'), 'N5 Ihab/Ehab');
    assert.ok(has(F.a002, 'name-variant:Iyad') || has(F.a003, 'name-variant:Eyad'), 'N5 Iyad/Eyad');
    assert.ok(has(F.a004, 'name-variant:Hmeymim') || has(F.a002, 'name-variant:Hmeimim'), 'N6 Hmeimim/Hmeymim');
    assert.ok([...Object.values(latest)].some((set) => set.has('name-variant:Sergey') || set.has('name-variant:Sergei')), 'N7 Sergei/Sergey');
    assert.ok([...latest[F.a003], ...latest[F.a004]].some((item) => item.startsWith('date-conflict:')), 'D1 10:30 pm / 9:30 p.m.');
    for (const set of Object.values(latest)) {
      assert.ok(!set.has('name-variant:Iraq') && !set.has('name-variant:Iran'), 'Iran/Iraq must not be reported');
      assert.ok(!set.has('name-variant:Sunna') && !set.has('name-variant:Sunni'), 'Sunni/Sunna must not be reported');
    }
  });

  it('serves the same diagnostics by pull', async () => {
    const report = await s.request(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri: s.uri(F.a001) } });
    assert.strictEqual(report.kind, 'full');
    assert.deepStrictEqual(flagged(s.text(F.a001), report.items), latest[F.a001]);
    const again = await s.request(lsp.DocumentDiagnosticRequest.type,
      { textDocument: { uri: s.uri(F.a001) }, previousResultId: report.resultId });
    assert.strictEqual(again.kind, 'unchanged');
    const workspace = await s.request(lsp.WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    assert.ok(workspace.items.some((item) => item.uri === s.uri(F.a004)));
  });

  it('hovers with both spellings and their sources', async () => {
    const text = s.text(F.a001);
    const hover = await s.request(lsp.HoverRequest.type,
      { textDocument: { uri: s.uri(F.a001) }, position: positionOf(text, 'Zein') });
    assert.strictEqual(hover.contents.kind, 'markdown');
    for (const word of ['Zein', 'Zane', F.a000, F.a001]) assert.ok(hover.contents.value.includes(word), `${word} in\n${hover.contents.value}`);
  });

  it('finds references and renames across files, including unopened ones', async () => {
    const text = s.text(F.a001);
    const position = positionOf(text, 'Zein');
    const refs = await s.request(lsp.ReferencesRequest.type,
      { textDocument: { uri: s.uri(F.a001) }, position, context: { includeDeclaration: true } });
    assert.ok(refs.some((r) => r.uri === s.uri(F.a000)) && refs.some((r) => r.uri === s.uri(F.a001)));
    const prepared = await s.request(lsp.PrepareRenameRequest.type, { textDocument: { uri: s.uri(F.a001) }, position });
    assert.strictEqual(prepared.placeholder, 'Zein');
    const edit = await s.request(lsp.RenameRequest.type, { textDocument: { uri: s.uri(F.a001) }, position, newName: 'Zayn' });
    const renamed000 = applyEdits(s.text(F.a000), editsFor(edit, s.uri(F.a000)));
    const renamed001 = applyEdits(text, editsFor(edit, s.uri(F.a001)));
    assert.ok(renamed000.includes('Zayn, 9') && !renamed000.includes('Zane'));
    assert.ok(renamed001.includes('Zayn') && !renamed001.includes('Zein'));
  });

  it('lists symbols and answers inlay hints', async () => {
    const symbols = await s.request(lsp.DocumentSymbolRequest.type, { textDocument: { uri: s.uri(F.a004) } });
    assert.ok(symbols.length > 0);
    const found = await s.request(lsp.WorkspaceSymbolRequest.type, { query: 'Shaa' });
    assert.ok(found.length > 0);
    const hints = await s.request(lsp.InlayHintRequest.type, {
      textDocument: { uri: s.uri(F.a000) }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    assert.ok(hints.some((h) => h.label.includes('2012-02-02')), JSON.stringify(hints)); // `on Thursday`
  });

  it('hovers on a date with its resolved value and the conflicting source', async () => {
    const text = s.text(F.a004);
    const hover = await s.request(lsp.HoverRequest.type,
      { textDocument: { uri: s.uri(F.a004) }, position: positionOf(text, '9:30 p.m.') });
    for (const part of ['2024-12-07 21:30', 'conflicts', F.a003]) assert.ok(hover.contents.value.includes(part), `${part} in\n${hover.contents.value}`);
  });

  it('applies a code action that fixes the spelling; the other article follows', async () => {
    const uri = s.uri(F.a001);
    const text = s.text(F.a001);
    await s.notify(lsp.DidOpenTextDocumentNotification.type,
      { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const opened = await s.diagnostics(F.a001, 0, (p) => p.version === 1);
    const zein = opened.diagnostics.find((d) => d.code === 'name-variant' && textAt(text, d.range) === 'Zein');
    assert.ok(zein);
    const actions = await s.request(lsp.CodeActionRequest.type,
      { textDocument: { uri }, range: zein.range, context: { diagnostics: [zein] } });
    const fix = actions.find((a) => {
      const edits = editsFor(a.edit, uri);
      return edits.length === 1 && edits[0].newText === 'Zane';
    });
    assert.ok(fix, JSON.stringify(actions, null, 1));
    assert.ok(actions.some((a) => editsFor(a.edit, s.uri('newslint.json')).length === 1), 'a register action');
    const [edit] = editsFor(fix.edit, uri);
    const from = s.received.length;
    await s.notify(lsp.DidChangeTextDocumentNotification.type,
      { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    const after = await s.diagnostics(F.a001, from, (p) => p.version === 2);
    assert.ok(!flagged(applyEdits(text, [edit]), after.diagnostics).has('name-variant:Zane'));
    const other = await s.diagnostics(F.a000, from);
    assert.ok(!flagged(s.text(F.a000), other.diagnostics).has('name-variant:Zane'));
  });

  it('shuts down and exits with code 0', async () => {
    await s.request(lsp.ShutdownRequest.type, undefined);
    await s.notify(lsp.ExitNotification.type);
    assert.strictEqual(await s.exited, 0);
  });

  it('sent only messages that conform to the LSP meta-model', () => {
    assert.ok(s.validated > 20, `validated ${s.validated} messages`);
    assert.deepStrictEqual(s.violations, []);
  });
});
