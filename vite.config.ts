/// <reference types="vitest/config" />
import { defineConfig, type Plugin, type UserConfig } from 'vite'
import preact from '@preact/preset-vite'
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin'
import { resolve } from 'node:path'
import sourceManifest from './manifest.json' with { type: 'json' }
import pkg from './package.json' with { type: 'json' }

type Browser = 'chrome' | 'firefox'

/** One source manifest; each browser's shape is derived here so the two never drift apart. */
function manifestFor(browser: Browser): ManifestV3Export {
  const { browser_specific_settings, background, ...common } = sourceManifest
  const worker = background.service_worker
  return {
    ...common,
    version: pkg.version,
    background: browser === 'firefox' ? { scripts: [worker], type: 'module' } : { service_worker: worker, type: 'module' },
    ...(browser === 'firefox' ? { browser_specific_settings } : {}),
  } as ManifestV3Export
}

/**
 * webextension-polyfill is a CommonJS module. Bundled as one, its default import goes through the bundler's interop,
 * which copies every property of the exported object, and where the browser has a native `browser` (Chrome, Firefox)
 * that object is the WebExtension API itself: reading each namespace's descriptor instantiates every API binding
 * (action, permissions, …), ~25 ms of a worker's cold start (measured). As an ES module that exports `module.exports`
 * it is imported as it is, and each namespace is set up when the code first uses it.
 */
function polyfillAsEsModule(): Plugin {
  return {
    name: 'context-lens:polyfill-as-es-module',
    transform(code, id) {
      if (!/[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/.test(id)) return null
      // The polyfill's UMD header hands its factory `module` when `exports` is defined.
      return { code: `const module = { exports: {} }, exports = module.exports;\n${code}\nexport default module.exports;\n`, map: null }
    },
  }
}

/** The engine and the CLI as plain ES modules for Node (`context-lens/engine`, `npx context-lens`). */
function nodeBuild(): UserConfig {
  return {
    publicDir: false,
    build: {
      outDir: 'dist/node',
      emptyOutDir: true,
      target: 'node20',
      ssr: true,
      rolldownOptions: {
        input: { engine: resolve('src/engine/index.ts'), cli: resolve('src/cli/main.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  }
}

export default defineConfig(({ mode }) => {
  if (mode === 'node') return nodeBuild()
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome'
  // Vitest loads this config in mode "test": crx() would then empty dist/chrome under the e2e tests that load it.
  const extension = mode === 'test' ? [] : [polyfillAsEsModule(), crx({ manifest: manifestFor(browser), browser, contentScripts: { standaloneFiles: ['src/content/main.tsx'] } })]
  return {
    plugins: [preact(), ...extension],
    build: { outDir: `dist/${browser}`, emptyOutDir: true, target: 'es2022', sourcemap: false },
    test: {
      projects: [
        { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], exclude: ['tests/e2e/**'], environment: 'node', globalSetup: ['tests/setup/knowledge.ts'] } },
        { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
      ],
    },
  }
})
