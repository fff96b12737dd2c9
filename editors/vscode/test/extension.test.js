// extension.test.js — loads extension.js with stubbed `vscode` and
// `vscode-languageclient/node` modules (node --test, no VS Code needed) and
// checks what it would start: the server command line, the documents it
// serves, the settings it passes, and the language contributions.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const Module = require('node:module');
const path = require('node:path');

const started = [];
const userConfig = { path: '/opt/pflint/bin/pflint', postfixVersion: '3.7', inlayHints: true, select: ['PF3'], compatibilityLevel: null };
const stubs = {
  vscode: {
    workspace: {
      getConfiguration: (section) => {
        assert.equal(section, 'pflint');
        return { get: (key) => userConfig[key] };
      },
      createFileSystemWatcher: (glob) => ({ glob }),
    },
  },
  'vscode-languageclient/node': {
    LanguageClient: class {
      constructor(id, name, server, client) { Object.assign(this, { id, name, server, client }); started.push(this); }
      start() { this.running = true; return Promise.resolve(); }
      stop() { this.running = false; return Promise.resolve(); }
    },
  },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request in stubs) return stubs[request];
  return load.call(this, request, parent, isMain);
};
const extension = require(path.join(__dirname, '..', 'extension.js'));
const manifest = require(path.join(__dirname, '..', 'package.json'));

test('activate starts pflint lsp with the configured path and settings', async () => {
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.equal(started.length, 1);
  const c = started[0];
  assert.deepEqual(c.server, { command: '/opt/pflint/bin/pflint', args: ['lsp'] });
  assert.deepEqual(c.client.documentSelector.map((s) => s.language), ['postfix-main', 'postfix-master']);
  assert.deepEqual(c.client.initializationOptions, { postfixVersion: '3.7', select: ['PF3'], inlayHints: true });
  assert.equal(c.client.synchronize.configurationSection, 'pflint');
  assert.ok(c.running);
  await extension.deactivate();
  assert.ok(!c.running);
});

test('the manifest maps main.cf and master.cf to their languages and grammars', () => {
  const langs = Object.fromEntries(manifest.contributes.languages.map((l) => [l.id, l]));
  assert.ok(langs['postfix-main'].filenames.includes('main.cf'));
  assert.ok(langs['postfix-master'].filenames.includes('master.cf'));
  for (const g of manifest.contributes.grammars) {
    const grammar = require(path.join(__dirname, '..', g.path));
    assert.equal(grammar.scopeName, g.scopeName);
    for (const p of grammar.patterns) new RegExp(p.match);  // every pattern compiles
  }
  const props = Object.keys(manifest.contributes.configuration.properties);
  for (const key of ['postfixVersion', 'compatibilityLevel', 'select', 'ignore', 'inlayHints', 'pathMappings']) {
    assert.ok(props.includes('pflint.' + key), key);
  }
  assert.deepEqual(manifest.activationEvents, []);
});
