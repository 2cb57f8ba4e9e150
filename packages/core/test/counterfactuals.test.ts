import {describe, expect, it} from 'vitest'
import {findCounterfactuals, infinitiveOf, parseDocument, termsOf} from '../src/index.js'

/** The counterfactuals of a one-sentence text, as `words (verb, passive?)`. */
function counterfactuals(text: string, options: {would?: boolean} = {}): string[] {
  const sentence = parseDocument(text).document.sentences[0]
  const terms = termsOf(sentence)
  return findCounterfactuals(sentence, options).map(({range, verb, passive}) => {
    const words = terms.slice(...range).filter((term) => term.text !== '').map((term) => term.text)
    return `${words.join(' ')} (${verb}${passive ? ', passive' : ''})`
  })
}

describe('findCounterfactuals', () => {
  it('finds should, could and ought with a past participle', () => {
    expect(counterfactuals('I should have checked the lag.')).toEqual(['should have checked (checked)'])
    expect(counterfactuals("We should've rolled back.")).toEqual(["should've rolled (rolled)"])
    expect(counterfactuals("I really shouldn't have merged it.")).toEqual(["shouldn't have merged (merged)"])
    expect(counterfactuals('We could easily have caught it.')).toEqual(['could easily have caught (caught)'])
    expect(counterfactuals('They ought to have known.')).toEqual(['ought to have known (known)'])
  })

  it('reads a noun before a participle as part of the verb', () => {
    expect(counterfactuals('We should have load tested the ranking.')).toEqual(['should have load tested (tested)'])
  })

  it('finds "been" with an adjective, and passives', () => {
    expect(counterfactuals('We should have been more careful.')).toEqual(['should have been more careful (been)'])
    expect(counterfactuals('This could have been avoided.')).toEqual(['could have been avoided (avoided, passive)'])
    expect(counterfactuals('The index should have been load tested.')).toEqual(['should have been load tested (tested, passive)'])
  })

  it('finds "would have" only on request, and not when denied', () => {
    expect(counterfactuals('Anyone would have spotted the typo.')).toEqual([])
    expect(counterfactuals('Anyone would have spotted the typo.', {would: true})).toEqual(['would have spotted (spotted)'])
    expect(counterfactuals('Nobody would have spotted the typo.', {would: true})).toEqual([])
    expect(counterfactuals('It would not have helped.', {would: true})).toEqual([])
  })

  it('skips a "could" denied by its subject', () => {
    expect(counterfactuals('Nobody could have known.')).toEqual([])
    expect(counterfactuals('No one could have predicted the retry storm.')).toEqual([])
    expect(counterfactuals('The reviewer could have spotted it.')).toEqual(['could have spotted (spotted)'])
  })

  it('skips possession and recommendations', () => {
    expect(counterfactuals('We should have alerting on disk usage.')).toEqual([])
    expect(counterfactuals('Services should have an owner.')).toEqual([])
    expect(counterfactuals('We should have automated tests for the migration.')).toEqual([])
    expect(counterfactuals('We should have had a rollback plan.')).toEqual([])
    expect(counterfactuals('Users should have received an email.')).toEqual([])
  })

  it('skips plans', () => {
    expect(counterfactuals('By next week we should have migrated all services.')).toEqual([])
  })

  it('skips outcomes and denials after "could", and wishes', () => {
    expect(counterfactuals('We could have lost the whole table.')).toEqual([])
    expect(counterfactuals('It could have been much worse.')).toEqual([])
    expect(counterfactuals("I couldn't have known.")).toEqual([])
    expect(counterfactuals('I could have sworn the flag was off.')).toEqual([])
    expect(counterfactuals('Without paging we could have noticed it much later.')).toEqual([])
    expect(counterfactuals('I would have liked more context.')).toEqual([])
    expect(counterfactuals('I could have used a second pair of eyes.')).toEqual([])
  })
})

describe('Counterfactual.fact', () => {
  const facts = (text: string) => findCounterfactuals(parseDocument(text).document.sentences[0]).map((found) => found.fact)

  it('says what happened for a plain modal', () => {
    expect(facts('I should have caught it.')).toEqual(['did not catch'])
    expect(facts("I shouldn't have merged it.")).toEqual([undefined])
    expect(facts('We should have load tested it.')).toEqual([undefined])
    expect(facts('We should have been more careful.')).toEqual([undefined])
    expect(findCounterfactuals(parseDocument('Anyone would have known.').document.sentences[0], {would: true})[0].fact).toBeUndefined()
  })
})

describe('infinitiveOf', () => {
  it('turns regular and irregular participles into infinitives', () => {
    expect(['checked', 'caught', 'known', 'thought', 'done', 'read', 'run', 'put'].map(infinitiveOf)).toEqual(['check', 'catch', 'know', 'think', 'do', 'read', 'run', 'put'])
  })
})
