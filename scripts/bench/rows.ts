/** Turns the measured figures into the table rows, each with its DESIGN §4 / issue 5 target and whether it holds. */
import type { BenchReport } from '../bench.ts'
import type { Row, Status } from './report.ts'

const f = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits))
const status = (ok: boolean | null): Status => (ok === null ? 'info' : ok ? 'ok' : 'FAIL')

/** Style, layout and paint: the rendering work highlights cause. */
const rendering = (kinds: Record<string, number>) => (kinds.style ?? 0) + (kinds.layout ?? 0) + (kinds.paint ?? 0)

/** "script 120/80, style 30/10, …": with/without, ms. */
function kinds(with_: Record<string, number>, without: Record<string, number>): string {
  return ['script', 'style', 'layout', 'paint', 'gc', 'other']
    .map((k) => `${k} ${f(with_[k] ?? 0, 0)}/${f(without[k] ?? 0, 0)}`)
    .join(', ')
}

export function rowsOf(report: BenchReport): Row[] {
  const rows: Row[] = []
  const add = (section: string, metric: string, value: string, target: string, s: Status) => rows.push({ section, metric, value, target, status: s })

  const t = report.throughput
  if (t) {
    const full = (name: string) => t.full.find((r) => r.name === name)
    const sub = (name: string) => t.subsetResults.find((r) => r.name === name)
    const c = t.corpus
    add('1 throughput', 'corpus text scanned', `${c.pages} pages, ${c.blocks} blocks, ${f(c.utf8Bytes / 1e6, 2)} MB UTF-8${c.fallback ? ' (FALLBACK fixtures)' : ''}`, '', 'info')
    add('1 throughput', 'engine, full corpus', `${f(full('engine')?.mbPerSec, 2)} MB/s`, '', full('engine') ? 'info' : 'skipped')
    add('1 throughput', 'regex floor, full corpus', `${f(full('regex floor')?.mbPerSec, 1)} MB/s`, '', 'info')
    add('1 throughput', `engine, subset (${t.subsetBytesPerPage / 1000} kB/page, ${f(t.subset.utf8Bytes / 1e3, 0)} kB)`, `${f(sub('engine')?.mbPerSec, 2)} MB/s`, '', sub('engine') ? 'info' : 'skipped')
    add('1 throughput', 'compromise (numbers+orgs), subset', `${f(sub('compromise')?.mbPerSec, 3)} MB/s`, '', 'info')
    add('1 throughput', 'recognizers-text EN number, subset', `${f(sub('recognizers-text')?.mbPerSec, 3)} MB/s`, '', 'info')
    const r = t.ratios
    add('1 throughput', 'engine / compromise', r.engineOverCompromise === null ? '—' : `${f(r.engineOverCompromise, 0)}×`, '≥ 200×', r.engineOverCompromise === null ? 'skipped' : status(r.engineOverCompromise >= 200))
    add('1 throughput', 'engine / recognizers-text', r.engineOverRecognizers === null ? '—' : `${f(r.engineOverRecognizers, 0)}×`, '≥ 200×', r.engineOverRecognizers === null ? 'skipped' : status(r.engineOverRecognizers >= 200))
    add('1 throughput', 'regex floor / engine', r.regexOverEngine === null ? '—' : `${f(r.regexOverEngine, 2)}×`, '≤ 10×', r.regexOverEngine === null ? 'skipped' : status(r.regexOverEngine <= 10))
    if (r.regexOverTokenizer !== null) add('1 throughput', "regex floor / the engine's tokenizer alone (one pass, no rules), full corpus", `${f(r.regexOverTokenizer, 2)}× (tokenizer ${f(full('tokenizer alone')?.mbPerSec, 1)} MB/s; engine = ${f(r.tokenizerOverEngine, 1)}× the tokenizer's time)`, '', 'info')
    if (t.findings) add('1 throughput', 'engine findings on corpus', `${t.findings.organisations} orgs, ${t.findings.quantities} quantities, ${t.findings.claims} claims`, '', 'info')
  }
  const q = report.quickCheck
  if (q) add('1 throughput', 'quick check: regex/engine (synthetic sample, timed by CPU clock)', `${f(q.regexOverEngine, 2)}× (engine ${f(q.engine.mbPerSec, 1)} MB/s)`, 'baseline for tests/bench', 'info')

  const s = report.scale
  if (s) {
    for (const v of s.variants) {
      add('2 knowledge scale', `${v.name}: ${v.aliases} aliases, ${v.organisations} orgs`, `create ${f(v.createMs, 1)} ms, ${f(v.throughput.mbPerSec, 2)} MB/s${v.heapMB !== null ? `, heap ${f(v.heapMB, 1)} MB` : ''}`, '', 'info')
    }
    add('2 knowledge scale', 'matching slowdown +10k (bundled MB/s ÷ 10k MB/s)', `${f(s.slowdown10k, 2)}×`, '≤ 2×', status(s.slowdown10k === null ? null : s.slowdown10k <= 2))
    add('2 knowledge scale', 'matching slowdown +100k', `${f(s.slowdown100k, 2)}×`, '≤ 2×', status(s.slowdown100k === null ? null : s.slowdown100k <= 2))
    if (s.coldLoad) {
      const c = s.coldLoad
      add('2 knowledge scale', `cold load, fresh Node (${c.file}, ${f(c.fileBytes / 1e3, 0)} kB)`, `${f(c.coldLoadMs, 1)} ms (read ${f(c.readMs)} + parse ${f(c.parseMs)} + create ${f(c.createMs)}; median of ${c.runs})`, '< 50 ms', status(c.coldLoadMs < 50))
      add('2 knowledge scale', 'first scan after cold load', `${f(c.firstScanMs, 1)} ms`, '', 'info')
    }
    if (s.coldLoad100k) add('2 knowledge scale', `cold load +100k (${f(s.coldLoad100k.fileBytes / 1e6, 1)} MB, ${s.coldLoad100k.runs} run${s.coldLoad100k.runs > 1 ? 's' : ''})`, `${f(s.coldLoad100k.coldLoadMs, 0)} ms`, '', 'info')
  }

  const b = report.browser
  if (b?.skipped) add('3-4 Chromium', 'real-browser pages and endless feed', 'SKIPPED', b.skipped, 'skipped')
  for (const p of b?.pages ?? []) {
    add('3 Chromium', `${p.slug} (${f(p.htmlBytes / 1e6, 2)} MB): our main-thread time, thread (CPU) time; wall time`, `${f(p.oursCpuMs)} ms = ${f(p.cpuShare * 100)}% of page work ${f(p.pageWorkCpuMs, 0)} ms; wall ${f(p.oursMs)} ms = ${f(p.share * 100)}% of ${f(p.pageWorkMs, 0)} ms`, '< 10% (thread time)', status(p.cpuShare < 0.1))
    add('3 Chromium', `${p.slug}: longest task running our code (our part in it)`, `${f(p.longestTaskMs)} ms (${f(p.longestSliceMs)} ms)`, 'our part ≤ 50 ms', status(p.longestSliceMs <= 50))
    add('3 Chromium', `${p.slug}: page's longest task / longest style recalc, with / without ext`, `${f(p.pageLongestTaskWithMs, 0)} / ${f(p.pageLongestTaskWithoutMs, 0)} ms; ${f(p.longestStyleWithMs, 0)} / ${f(p.longestStyleWithoutMs, 0)} ms`, '', 'info')
    add('3 Chromium', `${p.slug}: first painted finding / load event (from navigation); heap Δ`, `${p.firstHighlightMs === null ? 'none' : `${f(p.firstHighlightMs, 0)} ms`} / ${f(p.loadEventMs, 0)} ms; ${p.heapDeltaMB === null ? '—' : `${f(p.heapDeltaMB, 2)} MB`}`, 'heap < 5 MB', p.heapDeltaMB === null ? 'info' : status(p.heapDeltaMB < 5))
    const added = p.pageWorkMs > 0 ? p.busyDeltaMs / p.pageWorkMs : NaN
    add('3 Chromium', `${p.slug}: all main-thread time added (with − without; the bench's first-highlight probe left out; noisy)`, `${f(p.busyDeltaMs, 0)} ms = ${f(added * 100)}% of page work`, '< 10%', Number.isFinite(added) ? status(added < 0.1) : 'info')
    add('3 Chromium', `${p.slug}: main thread with/without ext by kind`, `${f(p.pageWorkMs + p.busyDeltaMs, 0)}/${f(p.pageWorkMs, 0)} ms (${kinds(p.breakdownWith, p.breakdownWithout)})`, '', 'info')
    add('3 Chromium', `${p.slug}: worker busy (background scans)`, `${f(p.workerBusyMs, 0)} ms, longest task ${f(p.workerLongestTaskMs, 0)} ms`, '', 'info')
  }
  if (b && b.workerHeapMB !== undefined) add('3 Chromium', 'background service worker heap after the pages (after GC)', b.workerHeapMB === null ? 'not readable' : `${f(b.workerHeapMB, 1)} MB`, '< 50 MB', b.workerHeapMB === null ? 'skipped' : status(b.workerHeapMB < 50))
  const w = b?.workerColdLoad
  if (w) {
    add('2/3 worker', 'knowledge load in the real service worker, as it measures it (core read starts → scanner ready)', w.knowledgeLoadMs === null ? '—' : `${f(w.knowledgeLoadMs)} ms (starts ${w.trialsKnowledgeLoadMs.map((ms) => f(ms)).join(', ')})`, '< 50 ms', w.knowledgeLoadMs === null ? 'skipped' : status(w.knowledgeLoadMs < 50))
    add('2/3 worker', "whole worker start: scanner ready after (from the worker's start); busy from first script to idle", `${w.readyMs === null ? '—' : `${f(w.readyMs)} ms`}; ${w.busyMs === null ? '—' : `${f(w.busyMs)} ms busy over ${f(w.wallMs)} ms`}`, '', 'info')
  }

  const fd = report.feed
  if (fd) {
    const a = fd.attribution
    add('4 feed', `${fd.items} paragraphs / ${fd.seconds} s: longest task running our code (our part in it)`, a ? `${f(a.longestTaskMs)} ms (${f(a.longestSliceMs)} ms); ${a.longTasks} tasks > 50 ms` : '—', 'our part ≤ 50 ms', a ? status(a.longestSliceMs <= 50) : 'skipped')
    const share = a && fd.plainBusyMs ? a.oursMs / fd.plainBusyMs : null
    const cpuShare = a && fd.plainBusyCpuMs ? a.oursCpuMs / fd.plainBusyCpuMs : null
    add('4 feed', "our main-thread time during the feed (share of the page's own work), thread time; wall time", a ? `${f(a.oursCpuMs, 0)} ms = ${f((cpuShare ?? NaN) * 100)}% of ${f(fd.plainBusyCpuMs, 0)} ms; wall ${f(a.oursMs, 0)} ms in ${a.tasks} tasks = ${f((share ?? NaN) * 100)}% of ${f(fd.plainBusyMs, 0)} ms` : '—', '< 10% (thread time)', cpuShare === null ? 'skipped' : status(cpuShare < 0.1))
    if (fd.breakdownWith && fd.breakdownWithout) {
      const [w, wo] = [rendering(fd.breakdownWith), rendering(fd.breakdownWithout)]
      add('4 feed', 'feed rendering (style + layout + paint), with / without ext', `${f(w, 0)} / ${f(wo, 0)} ms (${f(w / wo, 2)}×; paint ${f(fd.breakdownWith.paint, 0)} / ${f(fd.breakdownWithout.paint, 0)} ms)`, '', 'info')
    }
    add('4 feed', "feed page's longest task with / without ext", `${f(fd.longestTaskMs, 0)} / ${f(fd.plainLongestTaskMs, 0)} ms`, '', 'info')
    add('4 feed', 'feed page main-thread busy with / without extension', `${f(a?.mainThreadBusyMs, 0)} / ${f(fd.plainBusyMs, 0)} ms; appending took ${f((fd.appendWallMs ?? NaN) / 1000, 1)} / ${f((fd.plainAppendWallMs ?? NaN) / 1000, 1)} s`, '', 'info')
    if (fd.breakdownWith && fd.breakdownWithout) add('4 feed', 'feed main thread by kind, with/without ext', kinds(fd.breakdownWith, fd.breakdownWithout), '', 'info')
    const dom = fd.domWork
    const plainDom = fd.plainDomWork
    if (dom && plainDom) {
      const slowest = Math.max(dom.appendUs / plainDom.appendUs, dom.textChangeUs / plainDom.textChangeUs, dom.removeUs / plainDom.removeUs)
      add('4 feed', "the page's own DOM work after the feed, µs per node with / without ext: append, text change, remove", `${f(dom.appendUs)} / ${f(plainDom.appendUs)}, ${f(dom.textChangeUs)} / ${f(plainDom.textChangeUs)}, ${f(dom.removeUs)} / ${f(plainDom.removeUs)} (slowest ${f(slowest)}×)`, '≤ 5×', status(slowest <= 5))
    }
    if (fd.heapBytes !== null && fd.plainHeapBytes !== null) add('4 feed', 'page heap after the feed (after GC), with / without ext', `${f(fd.heapBytes / 1e6)} / ${f(fd.plainHeapBytes / 1e6)} MB (Δ ${f((fd.heapBytes - fd.plainHeapBytes) / 1e6)} MB)`, '', 'info')
    add('4 feed', 'ranges registered in CSS.highlights after the feed (viewport at the top)', `${fd.highlightedAtEnd ?? '—'}`, '', 'info')
    for (const v of fd.inView ?? []) {
      const where = v.to === null ? 'at the top' : v.to < 0 ? 'after a jump to the end (past the 5,000-finding cap)' : `after a jump to paragraph ${v.to}`
      const value = `${v.painted} / ${v.paragraphs}${v.to === null ? '' : ` after ${f(v.afterMs, 0)} ms`}`
      add('4 feed', `paragraphs in view with highlights painted ${where}`, value, v.to !== null && v.to < 0 ? '' : 'all', v.to !== null && v.to < 0 ? 'info' : status(v.paragraphs > 0 && v.painted === v.paragraphs))
    }
    add('4 feed', 'paragraphs scanned once / more / never', fd.scannedOnce === null ? '—' : `${fd.scannedOnce} / ${fd.scannedMoreThanOnce} / ${fd.neverScanned} (${fd.scanMessages} messages, ${fd.blocksSent} blocks)`, `${fd.items} / 0 / 0`, fd.scannedOnce === null ? 'skipped' : status(fd.scannedMoreThanOnce === 0 && fd.neverScanned === 0))
  }

  const bundle = report.bundle
  if (bundle?.skipped) add('5 bundle', 'dist/chrome', 'SKIPPED', bundle.skipped, 'skipped')
  for (const g of bundle?.groups ?? []) {
    if (g.files.length === 0) continue
    const isContent = g.name === 'content script'
    add('5 bundle', `${g.name} (${g.files.length} files)`, `${f(g.raw / 1000)} kB raw, ${f(g.gzip / 1000)} kB gzip`, isContent ? '< 30 kB gzip' : '', isContent ? status(g.gzip < 30_000) : 'info')
  }
  add('run', 'bench duration', `${f(report.durationSeconds, 0)} s`, '< 360 s', status(report.durationSeconds < 360))
  return rows
}
