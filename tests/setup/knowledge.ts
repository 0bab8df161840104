/**
 * Vitest globalSetup: build the bundled knowledge (src/generated/knowledge.json, gitignored) when it is missing,
 * so a fresh clone can run the unit tests without a prior `npm run knowledge`. Set KNOWLEDGE_REBUILD=1 to force it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export default function setup(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const generated = ['knowledge.json', 'knowledge-details.json', 'knowledge.core', 'knowledge-details.json.gz']
  if (generated.every((name) => existsSync(join(root, 'src', 'generated', name))) && !process.env.KNOWLEDGE_REBUILD) return
  const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx')
  execFileSync(tsx, [join(root, 'scripts', 'build-knowledge.ts'), '--quiet'], { cwd: root, stdio: 'inherit' })
}
