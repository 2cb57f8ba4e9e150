// The bare parse floor: remark-parse + remark-retext (parse-english) on one
// document, in-process (module loading excluded). Prints {ms, cpuMs} as JSON.
import {readFileSync} from 'node:fs'
import {ParseEnglish} from 'parse-english'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import {unified} from 'unified'

const text = readFileSync(process.argv[2], 'utf8')
const processor = unified().use(remarkParse).use(remarkRetext, ParseEnglish)
const cpu = process.cpuUsage()
const started = performance.now()
const tree = await processor.run(processor.parse(text))
const ms = performance.now() - started
const used = process.cpuUsage(cpu)
if (tree.type !== 'RootNode') throw new Error('expected an nlcst tree')
console.log(JSON.stringify({ms, cpuMs: (used.user + used.system) / 1000}))
