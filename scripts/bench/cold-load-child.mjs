// Child process for the cold-load measurement: a fresh Node process imports the engine, then times reading the
// compiled knowledge file, opening it (a packed core `.core`, as the extension's worker reads it: unpacking; a JSON
// file: JSON.parse) and createScanner, and one first scan. Prints one JSON line.
// Usage: node [--import tsx] cold-load-child.mjs <engine module URL> <knowledge.core | knowledge.json>
import { readFileSync } from 'node:fs'

const [engineUrl, knowledgePath] = process.argv.slice(2)
const t0 = performance.now()
const engine = await import(engineUrl)
const t1 = performance.now()
const packed = knowledgePath.endsWith('.core')
const raw = packed ? readFileSync(knowledgePath) : readFileSync(knowledgePath, 'utf8')
const t2 = performance.now()
const utf8 = new TextDecoder()
const knowledge = packed ? engine.knowledgeFromPackedCore(raw, (bytes) => utf8.decode(bytes)) : engine.knowledgeFromFile(JSON.parse(raw))
const t3 = performance.now()
const scanner = engine.createScanner(knowledge)
const t4 = performance.now()
const findings = scanner.scan('According to the World Health Organization, more than 148,600 people had died in Iran by November 10, 2020, the NCRI said.', { lang: 'en', date: '2020-11-11' })
const t5 = performance.now()
process.stdout.write(JSON.stringify({
  importMs: t1 - t0, readMs: t2 - t1, parseMs: t3 - t2, createMs: t4 - t3, firstScanMs: t5 - t4,
  coldLoadMs: t4 - t1, findings: findings.length, heapUsedMB: process.memoryUsage().heapUsed / 1e6,
}) + '\n')
