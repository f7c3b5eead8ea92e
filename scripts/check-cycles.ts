/**
 * Import cycles that eslint's `import-x/no-cycle` does not fail on: cycles through `import type`
 * (erased at run time, but still two modules that each need the other), and cycles between sibling
 * folders (renderer/agenda → renderer/actions → renderer/agenda), across main/, preload/ and renderer/.
 * A folder importing its own subfolder and back (main/core ↔ main/core/export) is not counted.
 *
 * `npm run lint` runs it to list them; with `--fail` it exits 1 when there is any (the switch once
 * the cycles listed today are gone). Imports are read and resolved by TypeScript, as tsc does.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');
const LAYERS = ['main', 'preload', 'renderer'];

type Graph = Map<string, Set<string>>;

function readProgramFiles(): { files: string[]; options: ts.CompilerOptions } {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT, undefined, configPath);
  const inLayers = (file: string) => LAYERS.some((layer) => relative(ROOT, file).split(sep)[0] === layer);
  return { files: parsed.fileNames.filter(inLayers), options: parsed.options };
}

/** Every module each file imports (static, type-only, export-from, import()), resolved to a file in the layers. */
function moduleGraph(): Graph {
  const { files, options } = readProgramFiles();
  const known = new Set(files);
  const graph: Graph = new Map();
  for (const file of files) {
    const imported = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    const targets = new Set<string>();
    for (const { fileName } of imported) {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved && known.has(resolved) && resolved !== file) targets.add(resolved);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Sibling folders' imports of each other; a folder and its own subfolders are one place. */
function folderGraph(modules: Graph): Graph {
  const graph: Graph = new Map();
  const contains = (outer: string, inner: string) => inner === outer || inner.startsWith(outer + sep);
  for (const [file, targets] of modules) {
    const from = dirname(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const target of targets) {
      const to = dirname(target);
      if (!contains(from, to) && !contains(to, from)) graph.get(from)?.add(to);
      if (!graph.has(to)) graph.set(to, new Set());
    }
  }
  return graph;
}

/** The strongly connected parts of more than one node (Tarjan): each is one or more cycles. */
function cyclesOf(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const part: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        part.push(member);
        if (member === node) break;
      }
      if (part.length > 1) found.push(part.map((path) => relative(ROOT, path)).sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const fail = process.argv.includes('--fail');
const modules = moduleGraph();
/** The imports inside one cycle, so the line to cut can be seen: "a → b, c". */
function arrowsWithin(graph: Graph, part: string[]): string {
  const members = new Set(part);
  const name = (path: string) => relative(ROOT, path);
  return [...graph]
    .filter(([from]) => members.has(name(from)))
    .map(
      ([from, targets]) =>
        `${name(from)} → ${[...targets]
          .map(name)
          .filter((to) => members.has(to))
          .sort()
          .join(', ')}`,
    )
    .sort()
    .join('; ');
}

const folders = folderGraph(modules);
const report = [
  ...cyclesOf(modules).map((part) => `modules (counting import type): ${arrowsWithin(modules, part)}`),
  ...cyclesOf(folders).map((part) => `folders: ${arrowsWithin(folders, part)}`),
];
if (report.length === 0) {
  console.log('check-cycles: no import cycle between modules or sibling folders.');
} else {
  console.log(`check-cycles: ${report.length} import cycle(s)${fail ? '' : ' (listed, not failing: run with --fail to fail on them)'}:`);
  for (const line of report) console.log(`  ${line}`);
  if (fail) process.exitCode = 1;
}
