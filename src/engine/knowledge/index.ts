/** Knowledge validation and compilation: pure code shared by the build script and the background (user packs). */
export { validateKnowledge, isHttpUrl, isPartialDate, isFullDate } from './validate.ts'
export type { ValidationError, ValidationResult, ValidateOptions } from './validate.ts'
export { compileKnowledge, aliasExclusionReason, normaliseAliases, compareFigures } from './compile.ts'
export type { AliasPolicy, CompileOptions, CompileStats, ExcludedAlias } from './compile.ts'
export { canonicalJson, foldAlias, normaliseText, aliasesCanOverlap, caseAllows, isAcronym } from './text.ts'
export { splitKnowledge, joinKnowledge, withDetails, packCore, packCoreBytes, openCore, knowledgeFromFile, knowledgeFromPackedCore } from './bundle.ts'
export type { KnowledgeDetails, OrganisationDetails, CoreFile } from './bundle.ts'
