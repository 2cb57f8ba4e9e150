import type {Rule} from '@blamelint/core'
import noDramaticLanguage from '@blamelint/rule-no-dramatic-language'
import noHumanError from '@blamelint/rule-no-human-error'

/** Every rule blamelint ships, in documentation order. */
export const rules: Rule[] = [noHumanError, noDramaticLanguage]
