// node_client.mjs — what VS Code's client does, on vscode-jsonrpc +
// vscode-languageserver-protocol (the versions vscode-languageclient 9
// uses): pull diagnostics, the refresh request after a cross-file change,
// inlay hints, a quick fix applied to the text, -32601 for an unknown
// method, and exit status 0 after shutdown + exit.
// Usage: node node_client.mjs PFLINT FIXTURE_DIR MODULES_DIR
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const [pflint, dir, modules] = process.argv.slice(2);
const require = createRequire(modules + '/');
const rpc = require('vscode-jsonrpc/node');
const proto = require('vscode-languageserver-protocol');

const child = spawn(pflint, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
let refreshes = 0;
conn.onRequest((method) => {
  if (method === 'workspace/diagnostic/refresh') refreshes++;
  return null;
});
conn.onNotification(() => {});
conn.listen();

const uri = (name) => `file://${dir}/${name}`;
const texts = { 'main.cf': readFileSync(`${dir}/main.cf`, 'utf8'), 'master.cf': readFileSync(`${dir}/master.cf`, 'utf8') };
const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));

// apply - TextEdits (from one WorkspaceEdit) to a text, last first.
function apply(text, edits) {
  const offset = (p) => {
    const lines = text.split('\n');
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + p.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

const codes = (report) => report.items.map((d) => d.code);

try {
  const init = await conn.sendRequest(proto.InitializeRequest.type, {
    processId: process.pid, rootUri: `file://${dir}`,
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      textDocument: {
        diagnostic: { dynamicRegistration: false }, inlayHint: {},
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
      workspace: { diagnostics: { refreshSupport: true }, workspaceEdit: { documentChanges: true } },
    },
    initializationOptions: { pflint: { inlayHints: true } },
  });
  assert.equal(init.capabilities.positionEncoding, 'utf-16');
  assert.ok(init.capabilities.diagnosticProvider, 'no diagnosticProvider');
  conn.sendNotification(proto.InitializedNotification.type, {});
  for (const [name, lang] of [['main.cf', 'postfix-main'], ['master.cf', 'postfix-master']]) {
    conn.sendNotification(proto.DidOpenTextDocumentNotification.type,
      { textDocument: { uri: uri(name), languageId: lang, version: 1, text: texts[name] } });
  }
  // Pull diagnostics.
  let report = await conn.sendRequest(proto.DocumentDiagnosticRequest.type, { textDocument: { uri: uri('main.cf') } });
  assert.equal(report.kind, 'full');
  assert.ok(codes(report).includes('PF3001'), `main.cf: ${codes(report)}`);

  // Inlay hints in master.cf.
  const hints = await conn.sendRequest(proto.InlayHintRequest.type,
    { textDocument: { uri: uri('master.cf') }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } } });
  assert.ok(hints.some((h) => h.label === '⇒ TLS encrypt'), JSON.stringify(hints));

  // The quick fix for PF3001, applied to our copy of the text, then sent as a change.
  const actions = await conn.sendRequest(proto.CodeActionRequest.type, {
    textDocument: { uri: uri('main.cf') },
    range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, context: { diagnostics: [] } });
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, JSON.stringify(actions));
  const change = fix.edit.documentChanges[0];
  assert.equal(change.textDocument.uri, uri('main.cf'));
  assert.equal(change.textDocument.version, 1);
  texts['main.cf'] = apply(texts['main.cf'], change.edits);
  assert.ok(!texts['main.cf'].includes('smtp_use_tls'));
  const before = refreshes;
  conn.sendNotification(proto.DidChangeTextDocumentNotification.type,
    { textDocument: { uri: uri('main.cf'), version: 2 }, contentChanges: [{ text: texts['main.cf'] }] });
  report = await conn.sendRequest(proto.DocumentDiagnosticRequest.type, { textDocument: { uri: uri('main.cf') } });
  assert.ok(!codes(report).includes('PF3001'), `PF3001 still there: ${codes(report)}`);
  // The server asked the client to pull again (main.cf changes master.cf's findings too).
  for (let i = 0; i < 50 && refreshes === before; i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(refreshes > before, 'no workspace/diagnostic/refresh after the change');

  // An unknown method.
  await assert.rejects(conn.sendRequest('pflint/noSuchMethod', {}), (e) => e.code === -32601);

  await conn.sendRequest(proto.ShutdownRequest.type);
  conn.sendNotification(proto.ExitNotification.type);
  const code = await exited;
  assert.equal(code, 0, `exit status ${code}`);
  console.log('ok: node client (vscode-jsonrpc) saw pull diagnostics, refresh, inlay hints, a fix, -32601, exit 0');
  process.exit(0);
} catch (e) {
  console.log('FAIL: ' + (e && e.stack ? e.stack : e));
  child.kill();
  process.exit(1);
}
