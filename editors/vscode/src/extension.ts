// The newslint VS Code extension: starts `newslint serve` for plain-text articles in a
// workspace holding newslint.json, and adds commands and a status bar item. All analysis
// runs in the server; this file only starts it and presents what it sends.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DocumentSelector,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageclient/node';

const SECTION = 'newslint';
const REGISTER = 'newslint.json';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let traceOutput: vscode.OutputChannel;
let status: StatusItem;
let extensionUri: vscode.Uri;

/** The status bar item: indexing progress while the server indexes, then the findings. */
class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newslint.status', vscode.StatusBarAlignment.Left, 10);
  private indexing: string | undefined;
  private state = 'stopped';
  /** Every indexing message shown since the extension started. */
  readonly indexingShown: string[] = [];

  constructor() {
    this.item.name = 'newslint';
    this.item.command = 'newslint.showOutput';
    this.refresh();
  }

  setState(state: 'starting' | 'running' | 'stopped' | 'missing'): void {
    this.state = state;
    if (state !== 'running') this.indexing = undefined;
    this.refresh();
  }

  setIndexing(text: string | undefined): void {
    this.indexing = text;
    if (text !== undefined) this.indexingShown.push(text);
    this.refresh();
  }

  refresh(): void {
    if (this.state === 'missing') {
      this.item.text = '$(error) newslint';
      this.item.tooltip = 'The newslint executable was not found: see the newslint.path setting';
      this.item.command = 'newslint.showInstallGuide';
    } else if (this.state !== 'running') {
      this.item.text = this.state === 'starting' ? '$(sync~spin) newslint' : '$(circle-slash) newslint';
      this.item.tooltip = `newslint: server ${this.state}`;
      this.item.command = 'newslint.showOutput';
    } else if (this.indexing !== undefined) {
      this.item.text = `$(sync~spin) newslint: indexing ${this.indexing}`.trimEnd();
      this.item.tooltip = 'newslint is indexing the corpus';
      this.item.command = 'newslint.showOutput';
    } else {
      const n = countFindings();
      this.item.text = n === 0 ? '$(check) newslint' : `$(warning) newslint: ${n}`;
      this.item.tooltip = n === 1 ? '1 finding in the corpus' : `${n} findings in the corpus`;
      this.item.command = 'workbench.actions.view.problems';
    }
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}

function countFindings(): number {
  let n = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics())
    for (const d of diagnostics) if (d.source === 'newslint') n += 1;
  return n;
}

/** A bare command name found on PATH, or a path resolved against the first workspace folder. */
function resolveExecutable(setting: string): string | undefined {
  const isFile = (p: string) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (setting.includes('/') || setting.includes('\\')) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const full = path.isAbsolute(setting) || !folder ? setting : path.join(folder, setting);
    return isFile(full) ? full : undefined;
  }
  const exts = process.platform === 'win32' ? (process.env.PATHEXT || '.EXE').split(';') : [''];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, setting + ext);
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function documentSelector(): DocumentSelector {
  const config = vscode.workspace.getConfiguration(SECTION);
  const selector: DocumentSelector = [
    { scheme: 'file', language: 'plaintext' },
    // The server re-reads the register as it is edited.
    { scheme: 'file', pattern: `**/${REGISTER}` },
  ];
  for (const pattern of config.get<string[]>('documents', [])) selector.push({ scheme: 'file', pattern });
  return selector;
}

async function startClient(): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const setting = config.get<string>('path', 'newslint') || 'newslint';
  const executable = resolveExecutable(setting);
  if (!executable) {
    status.setState('missing');
    output.appendLine(`newslint: the executable '${setting}' was not found (setting newslint.path; PATH=${process.env.PATH})`);
    const choice = await vscode.window.showErrorMessage(
      `newslint: the language server executable '${setting}' was not found. ` +
        'Install newslint and put it on PATH, or set newslint.path to its location.',
      'Open Install Guide',
      'Open Settings',
    );
    if (choice === 'Open Install Guide') await vscode.commands.executeCommand('newslint.showInstallGuide');
    if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'newslint.path');
    return;
  }

  const args = ['serve', ...config.get<string[]>('serverArgs', [])];
  const serverOptions: ServerOptions = {
    run: { command: executable, args },
    debug: { command: executable, args },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    traceOutputChannel: traceOutput,
    // workspace/configuration requests for `newslint` are answered from these settings
    // (newslint.checks holds the per-check severities); changes are pushed as well.
    synchronize: { configurationSection: SECTION },
  };

  status.setState('starting');
  const c = new LanguageClient('newslint', 'newslint', serverOptions, clientOptions);
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) status.setState('running');
    else if (e.newState === State.Stopped) status.setState('stopped');
  });
  client = c;
  try {
    await c.start();
  } catch (err) {
    status.setState('stopped');
    output.appendLine(`newslint: the server did not start: ${String(err)}`);
    void vscode.window.showErrorMessage(`newslint: the server did not start (${String(err)}). See the output.`, 'Show Output')
      .then((choice) => choice && output.show());
    return;
  }
  watchProgress(c);
}

/**
 * Shows the server's work-done progress (indexing) in the status bar item and as window
 * progress. This handler stands in for the client's default one.
 */
function watchProgress(c: LanguageClient): void {
  c.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
    let finish: (() => void) | undefined;
    const sub = c.onProgress(WorkDoneProgress.type, token, (value) => {
      if (value.kind === 'begin') {
        status.setIndexing(value.percentage !== undefined ? `${value.percentage}%` : '');
        void vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: `newslint: ${value.title}` },
          () => new Promise<void>((resolve) => (finish = resolve)),
        );
      } else if (value.kind === 'report') {
        status.setIndexing(value.message ?? (value.percentage !== undefined ? `${value.percentage}%` : ''));
      } else {
        status.setIndexing(undefined);
        finish?.();
        sub.dispose();
      }
    });
    return null;
  });
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) {
    try {
      await c.stop();
    } catch (err) {
      output.appendLine(`newslint: stopping the server failed: ${String(err)}`);
    }
  }
  status.setState('stopped');
}

async function restart(): Promise<void> {
  await stopClient();
  await startClient();
}

/** Opens the cross-source record (the server's hover) of the name under the cursor. */
async function showRecord(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('newslint: place the cursor on a name in an article');
    return;
  }
  if (!client) await startClient();
  const c = client;
  if (!c) return;
  if (c.state !== State.Running) await c.start();
  const params = c.code2ProtocolConverter.asTextDocumentPositionParams(editor.document, editor.selection.active);
  const hover = await c.sendRequest('textDocument/hover', params) as { contents?: unknown } | null;
  const text = hoverText(hover?.contents);
  if (!text) {
    void vscode.window.showInformationMessage('newslint: no record for the text under the cursor');
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}

function hoverText(contents: unknown): string {
  if (!contents) return '';
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map(hoverText).join('\n\n');
  const value = (contents as { value?: unknown }).value;
  return typeof value === 'string' ? value : '';
}

async function showInstallGuide(): Promise<void> {
  const guide = vscode.Uri.joinPath(extensionUri, 'docs', 'editors.md');
  await vscode.commands.executeCommand('markdown.showPreview', guide);
}

async function workspaceHasRegister(): Promise<boolean> {
  const found = await vscode.workspace.findFiles(`**/${REGISTER}`, '**/node_modules/**', 1);
  return found.length > 0;
}

/** What the extension exports to other extensions (used by the end-to-end test). */
export interface NewslintApi {
  /** The running language client, once started. */
  languageClient(): LanguageClient | undefined;
  /** The status bar item's text, and the indexing messages it has shown. */
  status(): { text: string; indexingShown: string[] };
}

export async function activate(context: vscode.ExtensionContext): Promise<NewslintApi> {
  extensionUri = context.extensionUri;
  output = vscode.window.createOutputChannel('newslint');
  traceOutput = vscode.window.createOutputChannel('newslint Trace');
  status = new StatusItem();
  context.subscriptions.push(
    output,
    traceOutput,
    status,
    vscode.commands.registerCommand('newslint.restart', restart),
    vscode.commands.registerCommand('newslint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('newslint.showRecord', showRecord),
    vscode.commands.registerCommand('newslint.showInstallGuide', showInstallGuide),
    vscode.languages.onDidChangeDiagnostics(() => status.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('newslint.path') || e.affectsConfiguration('newslint.serverArgs') ||
          e.affectsConfiguration('newslint.documents'))
        void restart();
    }),
    { dispose: () => void stopClient() },
  );
  // Activated by a command in a workspace without a register: the command starts the server.
  if (await workspaceHasRegister()) await startClient();
  return {
    languageClient: () => client,
    status: () => ({ text: status.text, indexingShown: [...status.indexingShown] }),
  };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
