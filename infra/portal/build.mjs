// Builds the portal into the directory given as first argument (default: dist): one JavaScript bundle and one
// stylesheet with content hashes in their names (cached for good by browsers), and index.html pointing at them
// (never cached, see the gateway's PortalConfiguration).
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const out = path.resolve(process.argv[2] ?? 'dist');
await rm(out, { recursive: true, force: true });
await mkdir(path.join(out, 'assets'), { recursive: true });

const result = await build({
  entryPoints: ['src/main.jsx', 'src/styles.css'],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['es2020'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  entryNames: '[name]-[hash]',
  outdir: path.join(out, 'assets'),
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});

const outputs = Object.entries(result.metafile.outputs);
const find = (entry) => path.basename(outputs.find(([, o]) => o.entryPoint === entry)[0]);
const html = (await readFile('src/index.html', 'utf8'))
  .replace('%SCRIPT%', `/assets/${find('src/main.jsx')}`)
  .replace('%STYLE%', `/assets/${find('src/styles.css')}`);
await writeFile(path.join(out, 'index.html'), html);
console.log(`portal built into ${out}`);
