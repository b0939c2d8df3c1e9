// The VS Code end-to-end test: code-server (a real VS Code) with the packaged newslint
// extension and the test-only probe extension, on a copy of examples/; Chromium opens the
// workbench so that the extension host starts. The probe checks the extension through the
// VS Code API and writes its results (the gate); then a screenshot of the squiggles, the
// Problems panel and a hover is taken (the UI smoke, tried twice).
//
//   node run.js --binary B --vsix V --probe P --cache C --out DIR
//
// Prints one `ok`/`not ok` line per check; the caller prints the summary line.
'use strict';
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const http = require('http');
const { spawn, spawnSync } = require('child_process');

const argv = {};
for (let i = 2; i < process.argv.length; i += 2) argv[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const repo = path.resolve(__dirname, '..', '..', '..');
const cache = path.resolve(argv.cache);
const outDir = path.resolve(argv.out);
const codeServer = path.join(cache, 'node_modules', '.bin', 'code-server');
const { chromium } = require(path.join(cache, 'node_modules', 'playwright-core'));

const START_MS = 60000; // code-server start, workbench load
const GATE_MS = 120000; // the probe's checks (it bounds each wait itself)

const results = [];
function report(name, ok, detail) {
  results.push({ name, ok });
  console.log(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function until(what, ms, probe) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newslint-vscode-'));
  const dirs = {};
  for (const d of ['home', 'tmp', 'data', 'extensions', 'corpus', 'chromium']) {
    dirs[d] = path.join(scratch, d);
    fs.mkdirSync(dirs[d], { recursive: true });
  }
  const env = {
    ...process.env,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    XDG_STATE_HOME: path.join(dirs.home, '.local', 'state'),
  };
  for (const name of fs.readdirSync(path.join(repo, 'examples')))
    fs.copyFileSync(path.join(repo, 'examples', name), path.join(dirs.corpus, name));
  fs.mkdirSync(path.join(dirs.data, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.data, 'User', 'settings.json'), JSON.stringify({
    'newslint.path': argv.binary,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'editor.hover.delay': 100,
    'editor.inlayHints.enabled': 'on',
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
  }, null, 2));

  const common = ['--user-data-dir', dirs.data, '--extensions-dir', dirs.extensions];
  for (const vsix of [argv.vsix, argv.probe]) {
    const r = spawnSync(codeServer, [...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 60000 });
    const ok = r.status === 0;
    report(`code-server --install-extension ${path.basename(vsix)}`, ok, ok ? '' : `${r.stdout}${r.stderr}`.trim());
    if (!ok) return;
  }

  const port = await freePort();
  const resultFile = path.join(scratch, 'result.json');
  const log = fs.openSync(path.join(outDir, 'code-server.log'), 'w');
  const server = spawn(codeServer, [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', dirs.corpus], {
    env: { ...env, NEWSLINT_E2E_RESULT: resultFile }, stdio: ['ignore', log, log], detached: true,
  });
  let browser;
  try {
    await until('code-server to answer /healthz', START_MS, () => healthy(port));
    browser = await chromium.launchPersistentContext(dirs.chromium, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1400, height: 860 },
    });
    const page = browser.pages()[0] || await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.corpus)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: START_MS });

    const result = await until('the probe extension to finish', GATE_MS, () => {
      const r = readJson(resultFile);
      return r && r.done && r;
    }).catch((err) => ({ results: [], error: String(err) }));
    if (result.error) report('the probe extension ran', false, result.error);
    for (const r of result.results) report(`API: ${r.name}`, r.ok, r.detail.split('\n')[0].slice(0, 300));

    // The UI smoke: the scene the probe set up, photographed; tried twice.
    const png = path.join(outDir, 'vscode-newslint.png');
    let smoke;
    for (let attempt = 1; attempt <= 2 && !(smoke && smoke.ok); attempt += 1) {
      smoke = await (async () => {
        try {
          await until('the probe to set the scene', 30000, () => {
            const r = readJson(resultFile);
            return r && r.scene !== undefined && r;
          });
          await page.waitForSelector('.squiggly-warning', { timeout: 20000 });
          await page.waitForSelector('.markers-panel', { timeout: 20000 });
          if (attempt > 1) fs.writeFileSync(`${resultFile}.hover`, '');
          await page.waitForFunction(() => {
            const hover = document.querySelector('.monaco-hover:not(.hidden)');
            return hover && hover.textContent.includes('Zein');
          }, null, { timeout: 20000 });
          await page.screenshot({ path: png });
          return { ok: true, detail: png };
        } catch (err) {
          await page.screenshot({ path: png }).catch(() => {});
          return { ok: false, detail: `${String(err).split('\n')[0]} (screenshot: ${png})` };
        }
      })();
    }
    report('UI: squiggles, Problems panel and hover on screen', smoke.ok, smoke.detail);
  } catch (err) {
    report('code-server and the workbench start', false, String(err).split('\n')[0]);
  } finally {
    if (browser) await browser.close().catch(() => {});
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch { /* already gone */ }
    await until('code-server to stop', 10000, () => server.exitCode !== null || server.signalCode !== null)
      .catch(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(() => {
  const failed = results.filter((r) => !r.ok).length;
  fs.writeFileSync(path.join(outDir, 'summary.txt'), `${results.length - failed} passed, ${failed} failed\n`);
  process.exit(failed || results.length === 0 ? 1 : 0);
}, (err) => {
  console.log(`not ok - the VS Code test harness: ${err && err.stack}`);
  fs.writeFileSync(path.join(outDir, 'summary.txt'), `${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed\n`);
  process.exit(1);
});
