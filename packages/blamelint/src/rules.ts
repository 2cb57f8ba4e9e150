import type {Rule} from '@blamelint/core'
import actionItemActionable from '@blamelint/rule-action-item-actionable'
import actionItemBounded from '@blamelint/rule-action-item-bounded'
import actionItemOwner from '@blamelint/rule-action-item-owner'
import actionItemSpecific from '@blamelint/rule-action-item-specific'
import defineAcronyms from '@blamelint/rule-define-acronyms'
import maxActionItems from '@blamelint/rule-max-action-items'
import noDramaticLanguage from '@blamelint/rule-no-dramatic-language'
import noHindsight from '@blamelint/rule-no-hindsight'
import noHumanError from '@blamelint/rule-no-human-error'
import noJudgement from '@blamelint/rule-no-judgement'
import noNamedBlame from '@blamelint/rule-no-named-blame'
import noNeverAgain from '@blamelint/rule-no-never-again'
import noSelfBlame from '@blamelint/rule-no-self-blame'
import noSingleRootCause from '@blamelint/rule-no-single-root-cause'
import noWhoQuestions from '@blamelint/rule-no-who-questions'
import outageUsage from '@blamelint/rule-outage-usage'

/** Every rule blamelint ships, in documentation order: blame, tone and wording, action items. */
export const rules: Rule[] = [
  noNamedBlame,
  noHumanError,
  noSelfBlame,
  noHindsight,
  noJudgement,
  noSingleRootCause,
  noWhoQuestions,
  noDramaticLanguage,
  outageUsage,
  noNeverAgain,
  defineAcronyms,
  actionItemActionable,
  actionItemSpecific,
  actionItemBounded,
  actionItemOwner,
  maxActionItems
]
