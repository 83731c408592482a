// Where an export goes and showing it afterwards: the system save dialog and the file
// manager, both driven from main. The page names no path; it gets back file names only.
import path from 'node:path'
import { app, dialog, shell, type BrowserWindow } from 'electron'

export function exportFileHooks(window: () => BrowserWindow | null): {
  chooseExportFile(suggestedName: string): Promise<string | null>
  showItemInFolder(filePath: string): void
} {
  return {
    async chooseExportFile(suggestedName) {
      const options = { defaultPath: path.join(app.getPath('documents'), suggestedName) }
      const parent = window()
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    showItemInFolder(filePath) {
      shell.showItemInFolder(filePath)
    },
  }
}
