// The script the startup snapshot is built from (scripts/build-snapshot.mjs
// bundles it into one file, as V8 snapshots require). Everything it imports
// is loaded and run once here; the snapshot stores the resulting heap, and
// `node --snapshot-blob` resumes from it in the main function below.
import {startupSnapshot} from 'node:v8'
import {lint} from 'blamelint'
import {runProcess} from './process.js'

// compromise is loaded on first use: a page with a sentence it tags puts it
// in the snapshot loaded, with the caches built from it. (The English word
// list stays on disk until an acronym needs it: see build-snapshot.mjs.)
lint(['# Summary', '', 'The on-call engineer should have checked the dashboard before the deploy.', '', '## Action items', '', '- Look into the alerting.'].join('\n'))

startupSnapshot.setDeserializeMainFunction(() => {
  // `node --snapshot-blob <blob> -- <args>`: the arguments follow the executable.
  void runProcess(process.argv.slice(1))
})
