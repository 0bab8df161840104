/** The built extension (dist/firefox) in real Firefox ESR, driven by puppeteer-core over WebDriver BiDi. Scenario: helpers/suite.ts. */
import { extensionSuite } from './helpers/suite.ts'

extensionSuite('firefox')
