/** The built extension (dist/chrome) in real Chromium, driven by playwright-core. Scenarios: helpers/suite.ts, helpers/packs-suite.ts. */
import { packsSuite } from './helpers/packs-suite.ts'
import { extensionSuite } from './helpers/suite.ts'

extensionSuite('chromium')
packsSuite('chromium')
