#!/usr/bin/env node
// `context-lens` command: runs the CLI from the Node build (dist/node/cli.js, made by `npm run build`).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = new URL('../dist/node/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    `context-lens: the Node build is missing (${fileURLToPath(cli)}).\n` +
      'Run `npm run build` (or `npx vite build --mode node`) in the context-lens folder first.\n',
  )
  process.exit(1)
}
const { main } = await import(cli.href)
await main(process.argv.slice(2))
