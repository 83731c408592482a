// The `replybase` command. Node's on-disk compile cache (Node 22) is switched on before the CLI
// and its dependencies load: most of a short command's time is compiling modules, and the cache
// makes every later start skip it. The CLI itself loads after, through a dynamic import.
import { enableCompileCache } from 'node:module'

enableCompileCache?.()

void import('./main').then(({ main }) => main())
