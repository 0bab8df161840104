/** The built extension (dist/chrome) in real Chromium, driven by playwright-core. Scenario: helpers/suite.ts. */
import { extensionSuite } from './helpers/suite.ts'

extensionSuite('chromium')
