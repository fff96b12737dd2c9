// extension.js — starts `pflint lsp` for Postfix main.cf and master.cf
// (plain JavaScript: no build step in a C++ repository).
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

// settings - the pflint.* configuration as the server's initializationOptions.
function settings(config) {
  const out = {};
  for (const key of ['postfixVersion', 'compatibilityLevel', 'select', 'ignore', 'inlayHints', 'pathMappings']) {
    const value = config.get(key);
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

function serverOptions(config) {
  const command = config.get('path') || 'pflint';
  return { command, args: ['lsp'] };
}

function clientOptions(config) {
  return {
    documentSelector: [
      { scheme: 'file', language: 'postfix-main' },
      { scheme: 'file', language: 'postfix-master' },
    ],
    initializationOptions: settings(config),
    synchronize: {
      configurationSection: 'pflint',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{main.cf,master.cf,*_policy,*.db}'),
    },
  };
}

function activate(context) {
  const config = vscode.workspace.getConfiguration('pflint');
  client = new LanguageClient('pflint', 'pflint', serverOptions(config), clientOptions(config));
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, settings, serverOptions, clientOptions };
