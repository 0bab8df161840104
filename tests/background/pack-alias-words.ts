/** The bundled build's word lists, read from the repository as the extension packages them (see background/main.ts). */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AliasWordLists } from '../../src/engine/knowledge/ordinary-words.ts'

const knowledgeDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../knowledge')
let cached: AliasWordLists | null = null

export function readAliasWords(): AliasWordLists {
  if (!cached) {
    const stop = JSON.parse(readFileSync(resolve(knowledgeDir, 'stopwords.json'), 'utf8')) as Pick<AliasWordLists, 'stopwords' | 'commonWords'>
    const rules = JSON.parse(readFileSync(resolve(knowledgeDir, 'alias-rules.json'), 'utf8')) as Pick<AliasWordLists, 'exclude' | 'allow'>
    cached = { stopwords: stop.stopwords, commonWords: stop.commonWords, exclude: rules.exclude, allow: rules.allow }
  }
  return cached
}

/** For `createPackStore`: the loader the background passes, reading the same files. */
export const aliasWords = async (): Promise<AliasWordLists> => readAliasWords()
