// The script the startup snapshot is built from (scripts/build-snapshot.mjs
// bundles it into one file, as V8 snapshots require). Everything it imports
// is loaded and run once here; the snapshot stores the resulting heap, and
// `node --snapshot-blob` resumes from it in the main function below.
import {readFileSync} from 'node:fs'
import {startupSnapshot} from 'node:v8'
import {lint} from 'blamelint'
import {runProcess} from './process.js'

// compromise is loaded on first use: a page with a sentence it tags puts it
// in the snapshot loaded, with the caches built from it. (The English word
// list stays on disk until an acronym needs it: see
// rules/define-acronyms/src/english.ts.)
lint(['# Summary', '', 'The on-call engineer should have checked the dashboard before the deploy.', '', '## Action items', '', '- Look into the alerting.'].join('\n'))

// The example documents (build-snapshot.mjs names them), linted with every
// rule: the functions a lint runs are then compiled in the snapshot, not on
// first use, which takes a fifth off linting a page.
const warmUp = process.env.BLAMELINT_SNAPSHOT_WARM_UP
for (const path of warmUp ? (JSON.parse(warmUp) as string[]) : []) lint(readFileSync(path, 'utf8'), {filePath: path, config: {preset: 'all'}})

startupSnapshot.setDeserializeMainFunction(() => {
  // `node --snapshot-blob <blob> -- <args>`: the arguments follow the executable.
  void runProcess(process.argv.slice(1))
})
