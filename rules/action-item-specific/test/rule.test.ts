import {runRuleTests} from '@blamelint/core/testing'
import rule from '../src/index.js'

runRuleTests(rule, new URL('../cases.yml', import.meta.url))
