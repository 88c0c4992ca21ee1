/* global process, console */
// Bundles the command-line program into dist/bin: one entry file for the fast commands and lazily
// loaded chunks (Ink/React, the MCP SDK, ollama, the simulator, ...) for the commands that need them.
// Runtime dependencies are inlined, so the installed package needs no node_modules of its own.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/bin');
fs.rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { 'proxmox-ai': 'bin/proxmox-ai.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  // Ink loads the React devtools only when DEV=true, and ssh2 tries the optional native cpu-features
  // addon inside a try: neither is shipped.
  external: ['react-devtools-core', 'cpu-features'],
  define: { 'process.env.NODE_ENV': '"production"' },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

if (process.argv.includes('--sizes')) {
  const outputs = Object.entries(result.metafile.outputs).sort((a, b) => b[1].bytes - a[1].bytes);
  for (const [file, { bytes }] of outputs)
    console.log(`${(bytes / 1024).toFixed(1).padStart(8)} KB  ${path.relative(root, file)}`);
}
