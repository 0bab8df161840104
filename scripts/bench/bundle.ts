/**
 * Section 5: bundle sizes of dist/chrome, raw and gzip (zlib level 9, like `gzip -9`), grouped as the browser loads
 * them: content script (manifest content_scripts and what they import), background (service worker and its static
 * imports), UI pages (popup/options/side panel HTML and their chunks), and anything else (knowledge data, icons excluded).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface FileSize { file: string; raw: number; gzip: number }
export interface BundleGroup { name: string; files: FileSize[]; raw: number; gzip: number }
export interface BundleResult { dir: string; groups: BundleGroup[]; skipped?: string }

function sizeOf(root: string, file: string): FileSize {
  const data = readFileSync(join(root, file))
  return { file, raw: data.length, gzip: gzipSync(data, { level: 9 }).length }
}

/** A file and every chunk it imports statically or dynamically (relative or root-absolute specifiers). */
function withImports(root: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(join(root, entry))) return seen
  seen.add(entry)
  if (!/\.m?js$/.test(entry)) return seen
  const code = readFileSync(join(root, entry), 'utf8')
  const specifiers = /(?:import|export)\s*(?:[^'"`;]*?\bfrom\s*)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g
  for (let m = specifiers.exec(code); m; m = specifiers.exec(code)) {
    const spec = m[1] ?? m[2]!
    if (!spec.startsWith('.') && !spec.startsWith('/')) continue
    const target = spec.startsWith('/') ? spec.slice(1) : relative(root, resolve(root, dirname(entry), spec))
    withImports(root, target, seen)
  }
  return seen
}

/** Scripts and stylesheets an HTML page loads, with their imports. */
function htmlAssets(root: string, page: string): Set<string> {
  const files = new Set<string>([page])
  const html = readFileSync(join(root, page), 'utf8')
  const refs = /<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g
  for (let m = refs.exec(html); m; m = refs.exec(html)) {
    const ref = m[1]!
    if (/^[a-z]+:/i.test(ref)) continue
    const target = ref.startsWith('/') ? ref.slice(1) : relative(root, resolve(root, dirname(page), ref))
    for (const f of withImports(root, target)) files.add(f)
  }
  return files
}

function allFiles(root: string, dir = ''): string[] {
  const out: string[] = []
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...allFiles(root, path))
    else out.push(path)
  }
  return out
}

export function measureBundle(dir: string): BundleResult {
  if (!existsSync(join(dir, 'manifest.json'))) return { dir, groups: [], skipped: `${dir}/manifest.json missing: run \`npm run build\`` }
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[]
    background?: { service_worker?: string; scripts?: string[] }
    action?: { default_popup?: string }
    options_ui?: { page?: string }
    side_panel?: { default_path?: string }
    web_accessible_resources?: unknown
  }
  const content = new Set<string>()
  for (const cs of manifest.content_scripts ?? []) {
    for (const js of cs.js ?? []) for (const f of withImports(dir, js)) content.add(f)
    for (const css of cs.css ?? []) content.add(css)
  }
  const background = new Set<string>()
  for (const entry of [manifest.background?.service_worker, ...(manifest.background?.scripts ?? [])]) {
    if (entry) for (const f of withImports(dir, entry)) background.add(f)
  }
  const ui = new Set<string>()
  const pages = [manifest.action?.default_popup, manifest.options_ui?.page, manifest.side_panel?.default_path]
  for (const f of allFiles(dir)) if (f.endsWith('.html')) pages.push(f)
  for (const page of pages) if (page && existsSync(join(dir, page))) for (const f of htmlAssets(dir, page)) ui.add(f)
  const rest = allFiles(dir).filter((f) => !content.has(f) && !background.has(f) && !ui.has(f) && !/\.(png|svg|ico)$/.test(f) && !f.startsWith('_locales/') && f !== 'manifest.json' && !f.startsWith('.vite/'))
  const data = rest.filter((f) => /knowledge/i.test(f))
  const other = rest.filter((f) => !data.includes(f))
  const group = (name: string, files: Iterable<string>): BundleGroup => {
    const sizes = [...files].sort().map((f) => sizeOf(dir, f))
    return { name, files: sizes, raw: sizes.reduce((s, f) => s + f.raw, 0), gzip: sizes.reduce((s, f) => s + f.gzip, 0) }
  }
  // Chunks shared by several groups are counted in each group that loads them.
  return {
    dir,
    groups: [
      group('content script', content),
      group('background', background),
      group('UI pages', ui),
      // Already-compressed files (.gz) gain nothing from gzip: their raw size is what ships and what the worker reads.
      group('knowledge data (fetched by the background)', data),
      group('other files', other),
    ],
  }
}

export function statBytes(path: string): number {
  return existsSync(path) ? statSync(path).size : 0
}
