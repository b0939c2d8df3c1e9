// Test-only probe for tests/e2e/run_vscode.sh: drives the installed newslint extension
// through the VS Code API inside the extension host and writes what it saw to the file
// named by NEWSLINT_E2E_RESULT. Inert when that variable is not set.
'use strict';
const fs = require('fs');
const vscode = require('vscode');

const ARTICLE = '000_7e03111992a0022c.txt';
const WAIT_MS = 60000;

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a truthy value; fails after WAIT_MS. */
async function waitFor(what, probe) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await delay(50);
  }
}

function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

function hoverText(hovers) {
  const parts = [];
  for (const h of hovers || [])
    for (const c of h.contents) parts.push(typeof c === 'string' ? c : c.value);
  return parts.join('\n');
}

async function run(resultFile) {
  const results = [];
  const write = (extra) => fs.writeFileSync(resultFile, JSON.stringify({ results, ...extra }, null, 2));
  const check = async (name, fn) => {
    try {
      const detail = await fn();
      results.push({ name, ok: true, detail: detail === undefined ? '' : String(detail) });
    } catch (err) {
      results.push({ name, ok: false, detail: String(err && err.stack ? err.stack : err) });
    }
    write({ done: false });
    return results[results.length - 1].ok;
  };

  let api;
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const uri = folder && vscode.Uri.joinPath(folder.uri, ARTICLE);
  let editor;
  let zane;

  const started = await check('the newslint extension activates on the corpus', async () => {
    if (!folder) throw new Error('no workspace folder');
    const ext = vscode.extensions.getExtension('newslint.newslint');
    if (!ext) throw new Error('newslint.newslint is not installed');
    api = await ext.activate();
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the language client to run', () => {
      const client = api && api.languageClient();
      return client && client.isRunning();
    });
    return `extension ${ext.packageJSON.version}`;
  });

  if (started) {
    await check('a name-variant diagnostic on `Zane`', async () => {
      const d = await waitFor('a name-variant diagnostic on Zane', () =>
        vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'name-variant' &&
          editor.document.getText(d.range) === 'Zane'));
      zane = d;
      if (d.source !== 'newslint') throw new Error(`source ${d.source}`);
      if (!d.message.includes('Zein')) throw new Error(`message ${d.message}`);
      return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`;
    });

    await check('findings in the other articles (Problems)', async () => {
      const files = await waitFor('diagnostics of 001', () => {
        const all = vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((d) => d.source === 'newslint'));
        return all.some(([u]) => u.path.endsWith('001_2ed5d6a8ed618bf6.txt')) && all;
      });
      return `${files.length} files with findings`;
    });
  }

  if (zane) {
    await check('the status bar showed indexing progress, then counts the findings', async () => {
      const status = await waitFor('the status bar to count findings', () => {
        const s = api.status();
        return /newslint: [1-9][0-9]*$/.test(s.text) && s;
      });
      if (status.indexingShown.length === 0) throw new Error('no indexing progress was shown');
      return `"${status.text}" after "${status.indexingShown.join('", "')}"`;
    });

    await check('hover on `Zane` shows both spellings', async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, zane.range.start);
      const text = hoverText(hovers);
      if (!text.includes('Zane') || !text.includes('Zein')) throw new Error(`hover: ${text}`);
      return `${text.length} characters`;
    });

    await check('the code action "Use `Zein`" rewrites the document', async () => {
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, zane.range);
      const titles = (actions || []).map((a) => a.title);
      const action = (actions || []).find((a) => a.title.startsWith('Use `Zein`'));
      if (!action) throw new Error(`no "Use \`Zein\`" action in ${JSON.stringify(titles)}`);
      if (!action.edit) throw new Error('the action carries no WorkspaceEdit');
      if (!(await vscode.workspace.applyEdit(action.edit))) throw new Error('applyEdit refused the edit');
      const now = editor.document.getText(new vscode.Range(zane.range.start, zane.range.start.translate(0, 4)));
      if (now !== 'Zein') throw new Error(`the document says ${now}`);
      await waitFor('the Zane diagnostic to go away', () =>
        !vscode.languages.getDiagnostics(uri).some((d) => d.range.start.isEqual(zane.range.start)));
      // Back to the original text, for the screenshot.
      await vscode.commands.executeCommand('undo');
      await waitFor('the document to say Zane again', () =>
        editor.document.getText(new vscode.Range(zane.range.start, zane.range.start.translate(0, 4))) === 'Zane');
      return `${titles.length} actions: ${titles.join(' | ')}`;
    });
  }

  if (started) {
    await check('inlay hints are answered', async () => {
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      const hints = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', uri,
        new vscode.Range(new vscode.Position(0, 0), end));
      if (!Array.isArray(hints)) throw new Error(`not a list: ${JSON.stringify(hints)}`);
      const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
      return `${hints.length} hints${labels.length ? ': ' + labels.slice(0, 5).join(', ') : ''}`;
    });
  }
  if (started) {
    await check('newslint.json is validated and completed from the contributed schema', async () => {
      const registerUri = vscode.Uri.joinPath(folder.uri, 'newslint.json');
      const doc = await vscode.workspace.openTextDocument(registerUri);
      const jsonEditor = await vscode.window.showTextDocument(doc, { preview: true });
      const original = doc.getText();
      const at = doc.positionAt(original.indexOf('{') + 1);
      const bad = new vscode.WorkspaceEdit();
      bad.insert(registerUri, at, '\n  "documentz": {},');
      await vscode.workspace.applyEdit(bad);
      const d = await waitFor('a schema diagnostic on "documentz"', () =>
        vscode.languages.getDiagnostics(registerUri).find((d) => d.source !== 'newslint' && /documentz/.test(d.message)));
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', registerUri,
        at.translate(1, 3));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      // Keys the file already has are not offered again.
      for (const want of ['entities', 'distinct'])
        if (!labels.includes(want)) throw new Error(`no completion ${want} in ${JSON.stringify(labels)}`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      if (jsonEditor.document.getText() !== original) throw new Error('could not revert newslint.json');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      return `${d.message}; completions ${labels.join(', ')}`;
    });
  }
  write({ done: true });

  // The scene for the screenshot: squiggles, the Problems panel, and the hover on Zane.
  try {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    editor = await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    if (zane) {
      await waitFor('the diagnostic on Zane again', () =>
        vscode.languages.getDiagnostics(uri).some((d) => d.range.start.isEqual(zane.range.start)));
      editor.selection = new vscode.Selection(zane.range.start, zane.range.start);
      editor.revealRange(zane.range, vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.showHover');
    }
    write({ done: true, scene: true });
  } catch (err) {
    write({ done: true, scene: false, sceneError: String(err) });
  }
}

function activate(context) {
  const resultFile = process.env.NEWSLINT_E2E_RESULT;
  if (!resultFile) return;
  // For the screenshot: ask again for the hover when the UI harness asks (it touches this file).
  const again = resultFile + '.hover';
  const timer = setInterval(async () => {
    if (!fs.existsSync(again)) return;
    fs.rmSync(again, { force: true });
    await vscode.commands.executeCommand('editor.action.showHover');
  }, 200);
  context.subscriptions.push({ dispose: () => clearInterval(timer) });
  run(resultFile).catch((err) => fs.writeFileSync(resultFile, JSON.stringify({ results: [], done: true, error: String(err) })));
}

module.exports = { activate, deactivate() {} };
