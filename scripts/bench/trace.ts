/**
 * Reading a Chromium trace (devtools.timeline + the sampled v8.cpu_profiler): which main-thread time belongs to the
 * extension's content script. Attribution is by script URL: trace events whose `args.data.url` is the extension's,
 * plus CPU-profile samples whose stack has an extension frame anywhere (so native calls made by our code, and promise
 * continuations that have no trace event of their own, count as ours).
 */

export interface TraceEvent {
  name: string
  cat: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** Thread (CPU) time of an 'X' event, µs: its wall time less the time its thread was off the CPU. */
  tdur?: number
  id?: string
  args?: Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
}

interface Interval { start: number; end: number }

export interface ThreadKey { pid: number; tid: number }

export interface Attribution {
  thread: ThreadKey | null
  /** Main-thread time attributed to the extension (union of its trace events and sampled stacks), ms. */
  oursMs: number
  /** Of which from CPU samples alone (stack contains an extension frame), ms. */
  sampledMs: number
  /**
   * The same time as thread (CPU) time, ms: the thread time of our outermost trace events (their wall time where the
   * trace gives none), plus the sampled time outside them (samples come only while the thread runs, each counted up to
   * the next, at most 4 intervals). On a machine whose cores are shared (the worker scans at the same time) a task's
   * wall time includes stretches in which its thread waited for a core; thread time does not.
   */
  oursCpuMs: number
  /** Longest top-level task that ran any of our code, ms (the whole task, page work in it included). */
  longestTaskMs: number
  /** Largest amount of our time inside a single task, ms. */
  longestSliceMs: number
  /** Tasks over 50 ms that ran our code. */
  longTasks: number
  /** Number of tasks that ran our code. */
  tasks: number
  /** Sum of top-level main-thread task time in the window, ms (the page's and ours). */
  mainThreadBusyMs: number
  /** The heaviest functions of ours by sampled self time. */
  topFunctions: { name: string; selfMs: number }[]
  /** Busy time of the extension's service worker thread, ms (the background's scanning). */
  workerBusyMs: number
  workerLongestTaskMs: number
}

const TASK_NAMES = new Set(['RunTask'])

function mergedLength(intervals: Interval[]): number {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start)
  let total = 0
  let current: Interval | null = null
  for (const i of sorted) {
    if (current && i.start <= current.end) current.end = Math.max(current.end, i.end)
    else {
      if (current) total += current.end - current.start
      current = { ...i }
    }
  }
  if (current) total += current.end - current.start
  return total
}

interface Span extends Interval {
  /** Thread (CPU) time, µs. */
  cpu: number
}

/**
 * 'X' events folded to the top level, sorted by start, in µs: an event inside another is part of it; one that runs on
 * past the end of the one before extends it, with its thread time for that part in proportion.
 */
function topLevel(events: TraceEvent[]): Span[] {
  const sorted = events.map((e) => ({ start: e.ts, end: e.ts + e.dur!, cpu: e.tdur ?? e.dur! })).sort((a, b) => a.start - b.start || b.end - a.end)
  const top: Span[] = []
  for (const e of sorted) {
    const last = top[top.length - 1]
    if (last && e.start < last.end) {
      if (e.end > last.end) {
        last.cpu += (e.cpu * (e.end - last.end)) / (e.end - e.start)
        last.end = e.end
      }
      continue
    }
    top.push(e)
  }
  return top
}

/** Top-level tasks of one thread (tasks nested in tasks are folded into their parent). */
function topLevelTasks(events: TraceEvent[], thread: ThreadKey): Span[] {
  return topLevel(events.filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && e.pid === thread.pid && e.tid === thread.tid && e.dur !== undefined))
}

/** The renderer main thread that parsed `pageUrl`. */
export function pageMainThread(events: TraceEvent[], pageUrl: string): ThreadKey | null {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl)
  if (parse) return { pid: parse.pid, tid: parse.tid }
  const commit = events.find((e) => (e.name === 'CommitLoad' || e.name === 'navigationStart') && JSON.stringify(e.args ?? {}).includes(pageUrl))
  return commit ? { pid: commit.pid, tid: commit.tid } : null
}

interface ProfileNode { id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber?: number } }

/** Samples of the sampled CPU profile on one thread: timestamp, duration until the next sample, node. */
function profileSamples(events: TraceEvent[], thread: ThreadKey): { samples: { ts: number; dur: number; node: number }[]; nodes: Map<number, ProfileNode> } {
  const nodes = new Map<number, ProfileNode>()
  const samples: { ts: number; dur: number; node: number }[] = []
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid)
  const ids = new Set(profiles.map((p) => p.id))
  const startById = new Map(profiles.map((p) => [p.id, p.args?.data?.startTime as number]))
  const timeById = new Map<string | undefined, number>()
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === thread.pid && ids.has(e.id)).sort((a, b) => a.ts - b.ts)
  for (const chunk of chunks) {
    const data = chunk.args?.data ?? {}
    for (const node of (data.cpuProfile?.nodes ?? []) as ProfileNode[]) nodes.set(node.id, node)
    const ids2: number[] = data.cpuProfile?.samples ?? []
    const deltas: number[] = data.timeDeltas ?? []
    let t = timeById.get(chunk.id) ?? startById.get(chunk.id) ?? chunk.ts
    for (let i = 0; i < ids2.length; i++) {
      t += deltas[i] ?? 0
      samples.push({ ts: t, dur: 0, node: ids2[i]! })
    }
    timeById.set(chunk.id, t)
  }
  samples.sort((a, b) => a.ts - b.ts)
  const gaps = samples.slice(1).map((s, i) => s.ts - samples[i]!.ts).sort((a, b) => a - b)
  const typical = gaps[gaps.length >> 1] ?? 1000
  for (let i = 0; i < samples.length; i++) {
    const next = samples[i + 1]
    samples[i]!.dur = next ? Math.min(next.ts - samples[i]!.ts, typical * 4) : typical
  }
  return { samples, nodes }
}

function isOurs(url: unknown, origin: string): boolean {
  return typeof url === 'string' && url.startsWith(origin)
}

export function attribute(events: TraceEvent[], options: { origin: string; pageUrl: string; workerUrlPrefix?: string }): Attribution {
  const thread = pageMainThread(events, options.pageUrl)
  const topFunctions: { name: string; selfMs: number }[] = []
  const empty: Attribution = {
    thread, oursMs: 0, sampledMs: 0, oursCpuMs: 0, longestTaskMs: 0, longestSliceMs: 0, longTasks: 0, tasks: 0, mainThreadBusyMs: 0, topFunctions, workerBusyMs: 0, workerLongestTaskMs: 0,
  }
  const worker = workerThread(events, options.origin)
  if (worker) {
    const wt = topLevelTasks(events, worker)
    empty.workerBusyMs = wt.reduce((s, t) => s + t.end - t.start, 0) / 1000
    empty.workerLongestTaskMs = Math.max(0, ...wt.map((t) => t.end - t.start)) / 1000
  }
  if (!thread) return empty
  const tasks = topLevelTasks(events, thread)
  const tracedEvents = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined && isOurs(e.args?.data?.url ?? e.args?.fileName, options.origin))
  const traced: Interval[] = tracedEvents.map((e) => ({ start: e.ts, end: e.ts + e.dur! }))
  const tracedOuter = topLevel(tracedEvents)

  const { samples, nodes } = profileSamples(events, thread)
  const oursNode = new Map<number, boolean>()
  const ours = (id: number): boolean => {
    const known = oursNode.get(id)
    if (known !== undefined) return known
    const node = nodes.get(id)
    const value = !!node && (isOurs(node.callFrame.url, options.origin) || (node.parent !== undefined && ours(node.parent)))
    oursNode.set(id, value)
    return value
  }
  const sampled: Interval[] = []
  const self = new Map<string, number>()
  // Thread time: the outermost trace events' own, then the samples that fall outside all of them.
  let cpu = tracedOuter.reduce((sum, e) => sum + e.cpu, 0)
  let outer = 0
  for (const s of samples) {
    if (!ours(s.node)) continue
    sampled.push({ start: s.ts, end: s.ts + s.dur })
    while (outer < tracedOuter.length && tracedOuter[outer]!.end <= s.ts) outer++
    // Outside every event: the sample's stretch up to the next event (a sample running into one is not counted twice).
    const next = tracedOuter[outer]
    if (!next || next.start > s.ts) cpu += Math.min(s.dur, (next?.start ?? Infinity) - s.ts)
    const frame = nodes.get(s.node)!.callFrame
    const file = (frame.url ?? '').replace(options.origin, '')
    const key = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${(frame.lineNumber ?? 0) + 1}` : '(native)'}`
    self.set(key, (self.get(key) ?? 0) + s.dur)
  }
  const all = [...traced, ...sampled]
  // Per task: our time inside it.
  let longestTask = 0
  let longestSlice = 0
  let longTasks = 0
  let count = 0
  const sortedOurs = all.sort((a, b) => a.start - b.start)
  let cursor = 0
  for (const task of tasks) {
    while (cursor < sortedOurs.length && sortedOurs[cursor]!.end <= task.start) cursor++
    const inside: Interval[] = []
    for (let i = cursor; i < sortedOurs.length && sortedOurs[i]!.start < task.end; i++) {
      const o = sortedOurs[i]!
      inside.push({ start: Math.max(o.start, task.start), end: Math.min(o.end, task.end) })
    }
    const mine = mergedLength(inside)
    if (mine <= 0) continue
    count++
    const duration = task.end - task.start
    longestTask = Math.max(longestTask, duration)
    longestSlice = Math.max(longestSlice, mine)
    if (duration > 50_000) longTasks++
  }
  for (const [name, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) topFunctions.push({ name, selfMs: us / 1000 })
  return {
    ...empty,
    oursMs: mergedLength(all) / 1000,
    sampledMs: mergedLength(sampled) / 1000,
    oursCpuMs: cpu / 1000,
    longestTaskMs: longestTask / 1000,
    longestSliceMs: longestSlice / 1000,
    longTasks,
    tasks: count,
    mainThreadBusyMs: tasks.reduce((s, t) => s + t.end - t.start, 0) / 1000,
  }
}

/** The extension's service-worker thread. */
function workerThread(events: TraceEvent[], origin: string): ThreadKey | null {
  const marker = events.find((e) => e.name === 'TracingSessionIdForWorker' && isOurs(e.args?.data?.url, origin))
  if (marker) return { pid: marker.pid, tid: (marker.args?.data?.workerThreadId as number) ?? marker.tid }
  return null
}

/** Main-thread busy time of a run without the extension: the page's own load work. */
export function pageWork(events: TraceEvent[], pageUrl: string): { thread: ThreadKey | null; busyMs: number; busyCpuMs: number; longestTaskMs: number } {
  const thread = pageMainThread(events, pageUrl)
  if (!thread) return { thread, busyMs: 0, busyCpuMs: 0, longestTaskMs: 0 }
  const tasks = topLevelTasks(events, thread)
  return {
    thread,
    busyMs: tasks.reduce((s, t) => s + t.end - t.start, 0) / 1000,
    /** The same tasks' thread (CPU) time (see Attribution.oursCpuMs). */
    busyCpuMs: tasks.reduce((sum, t) => sum + t.cpu, 0) / 1000,
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.end - t.start)) / 1000,
  }
}

/** The longest single event of these names on one thread, ms (e.g. the longest style recalculation). */
export function longestEvent(events: TraceEvent[], thread: ThreadKey | null, names: ReadonlySet<string>): number {
  let longest = 0
  if (!thread) return longest
  for (const e of events) {
    if (e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined && names.has(e.name)) longest = Math.max(longest, e.dur)
  }
  return longest / 1000
}

/** Style recalculation events: adopting a style sheet whose rules match every element shows up as one long one. */
export const STYLE_RECALC = new Set(['UpdateLayoutTree'])

/** Kinds of main-thread work, by trace event name (outermost event of each kind counts; nested same-kind events don't). */
const KINDS: Record<string, string> = {
  FunctionCall: 'script', EvaluateScript: 'script', 'v8.compile': 'script', 'v8.compileModule': 'script', RunMicrotasks: 'script', TimerFire: 'script', FireIdleCallback: 'script', FireAnimationFrame: 'script', EventDispatch: 'script',
  UpdateLayoutTree: 'style', RecalculateStyles: 'style', ScheduleStyleRecalculation: 'style',
  Layout: 'layout', HitTest: 'layout', 'IntersectionObserverController::computeIntersections': 'layout',
  PrePaint: 'paint', Paint: 'paint', Layerize: 'paint', UpdateLayer: 'paint', CompositeLayers: 'paint', 'Commit': 'paint',
  MajorGC: 'gc', MinorGC: 'gc', 'V8.GC_SCAVENGER': 'gc', BlinkGC: 'gc', 'ThreadState::performIdleLazySweep': 'gc',
  ParseHTML: 'parse', ParseAuthorStyleSheet: 'parse',
}

/** Main-thread time by kind of work (script, style, layout, paint, gc, parse; the rest of task time is 'other'), ms. */
export function breakdown(events: TraceEvent[], thread: ThreadKey | null): Record<string, number> {
  const out: Record<string, number> = {}
  if (!thread) return out
  const byKind = new Map<string, Interval[]>()
  for (const e of events) {
    if (e.pid !== thread.pid || e.tid !== thread.tid || e.ph !== 'X' || e.dur === undefined) continue
    const kind = KINDS[e.name]
    if (!kind) continue
    const list = byKind.get(kind) ?? []
    list.push({ start: e.ts, end: e.ts + e.dur })
    byKind.set(kind, list)
  }
  let classified = 0
  for (const [kind, intervals] of byKind) {
    const ms = mergedLength(intervals) / 1000
    out[kind] = Math.round(ms * 10) / 10
    classified += ms
  }
  const busy = topLevelTasks(events, thread).reduce((s, t) => s + t.end - t.start, 0) / 1000
  out.other = Math.round(Math.max(0, busy - classified) * 10) / 10
  return out
}
