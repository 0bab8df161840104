/**
 * A CPU profile of the engine scanning the corpus (node:inspector, in process), summarised as the functions with the
 * most self time and the most total time, so a regression points at its cause. The raw profile is written to
 * bench-output/engine.cpuprofile (open it in Chrome DevTools → Performance, or speedscope).
 */
import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[]; hitCount?: number }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface HotFunction { name: string; selfPct: number; totalPct: number }
export interface EngineProfile { file: string; samples: number; topSelf: HotFunction[]; topTotal: HotFunction[] }

function label(node: Node): string {
  const { functionName, url, lineNumber } = node.callFrame
  const file = url.startsWith('file://') ? relative(ROOT, new URL(url).pathname) : url
  // Line numbers of transpiled (tsx) sources are of the generated code; only built files get them.
  const line = url.startsWith('file://') && url.endsWith('.ts') ? '' : `:${lineNumber + 1}`
  return `${functionName || '(anonymous)'} ${file ? `${file}${line}` : '(native)'}`
}

export async function profileEngine(run: () => void, out: string): Promise<EngineProfile> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  run()
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile }
  session.disconnect()
  writeFileSync(out, JSON.stringify(profile))

  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const hits = new Map<number, number>()
  for (const s of profile.samples) hits.set(s, (hits.get(s) ?? 0) + 1)
  const idle = new Set(profile.nodes.filter((n) => ['(idle)', '(program)', '(garbage collector)', '(root)'].includes(n.callFrame.functionName)).map((n) => n.id))
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let counted = 0
  for (const [id, count] of hits) {
    const node = byId.get(id)!
    const name = idle.has(id) ? node.callFrame.functionName : label(node)
    self.set(name, (self.get(name) ?? 0) + count)
    counted += count
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!
      if (idle.has(cur)) continue
      const l = label(n)
      if (seen.has(l)) continue
      seen.add(l)
      total.set(l, (total.get(l) ?? 0) + count)
    }
  }
  const top = (m: Map<string, number>, skipRun: boolean) =>
    [...m.entries()]
      .filter(([name]) => !skipRun || !name.includes('scripts/bench/'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([name, count]) => ({ name, selfPct: 0, totalPct: 0, count }))
  const pct = (count: number) => Math.round((1000 * count) / Math.max(1, counted)) / 10
  return {
    file: relative(ROOT, out),
    samples: counted,
    topSelf: top(self, false).map((e) => ({ name: e.name, selfPct: pct(e.count), totalPct: pct(total.get(e.name) ?? 0) })),
    topTotal: top(total, true).map((e) => ({ name: e.name, selfPct: pct(self.get(e.name) ?? 0), totalPct: pct(e.count) })),
  }
}
