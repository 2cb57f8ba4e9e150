// The script the startup snapshot is built from (scripts/build-snapshot.mjs
// bundles it into one file, as V8 snapshots require). Everything it imports
// is loaded and run once here; the snapshot stores the resulting heap, and
// `node --snapshot-blob` resumes from it in the main function below.
import {startupSnapshot} from 'node:v8'
import {lint} from 'blamelint'
import {runProcess} from './process.js'

// compromise and the English word list are loaded on first use: a page that
// reaches both (a tagged sentence, an undefined acronym) puts them in the
// snapshot loaded, and warms the caches built from them.
lint(['# Summary', '', 'The on-call engineer should have checked the TPS dashboard before the deploy.', '', '## Action items', '', '- Look into the alerting.'].join('\n'))

startupSnapshot.setDeserializeMainFunction(() => {
  // `node --snapshot-blob <blob> -- <args>`: the arguments follow the executable.
  void runProcess(process.argv.slice(1))
})
