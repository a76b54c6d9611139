// Starts `shufa-lint lsp` for plain-text and Markdown documents; everything else is the server's work.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function serverOptions() {
  const settings = vscode.workspace.getConfiguration("shufa-lint");
  return {
    command: settings.get("path") || "shufa-lint",
    args: ["lsp"],
    options: { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath },
  };
}

function initializationOptions() {
  const settings = vscode.workspace.getConfiguration("shufa-lint");
  return { pack: settings.get("pack"), outline: settings.get("outline"), lang: settings.get("lang") };
}

async function activate(context) {
  client = new LanguageClient("shufa-lint", "shufa-lint", serverOptions(), {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
    ],
    initializationOptions: initializationOptions(),
    synchronize: { configurationSection: "shufa-lint" },
  });
  await client.start();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("shufa-lint.path")) {
        await client.restart();
      }
    })
  );
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
