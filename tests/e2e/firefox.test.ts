/** The built extension (dist/firefox) in real Firefox ESR, driven by puppeteer-core over WebDriver BiDi. Scenarios: helpers/suite.ts, helpers/packs-suite.ts. */
import { packsSuite } from './helpers/packs-suite.ts'
import { extensionSuite } from './helpers/suite.ts'

extensionSuite('firefox')
packsSuite('firefox')
