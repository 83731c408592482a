import { AppError } from '@contract/errors'
import type { PlatformHooks } from './index'
import type { DomainHandlers } from './types'

type ExportMethods =
  | 'export.settings'
  | 'export.updateSettings'
  | 'export.preview'
  | 'export.write'
  | 'export.cancel'
  | 'export.reveal'

export const exportHandlers =
  (platform: PlatformHooks): DomainHandlers<ExportMethods> =>
  (core) => ({
    'export.settings': () => core.exports.settings(),
    'export.updateSettings': (patch) => core.exports.updateSettings(patch),
    'export.preview': (q) => core.exports.preview(q),
    'export.write': async ({ jobId, out, ...q }) => {
      let target: string | null
      if (out !== undefined) {
        // A page must never choose where main writes: only the command line names a path.
        if (core.transport !== 'cli') {
          throw new AppError('forbidden', 'The app chooses the export file with a save dialog.')
        }
        target = out
      } else {
        if (!platform.chooseExportFile) {
          throw new AppError('bad_request', 'Name the file to write (--out <file>).')
        }
        target = await platform.chooseExportFile(core.exports.suggestedName(q.format))
        if (target === null) return { written: false, summary: null }
      }
      return core.exports.write(q, jobId, target)
    },
    'export.cancel': ({ jobId }) => ({ cancelled: core.exports.cancel(jobId) }),
    'export.reveal': ({ jobId }) => {
      const file = core.exports.writtenPath(jobId)
      if (!file || !platform.showItemInFolder) return { opened: false }
      platform.showItemInFolder(file)
      return { opened: true }
    },
  })
