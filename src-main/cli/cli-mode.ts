// The installed app doubles as the command line: `ReplyBase --cli status` runs a command with
// the app's own runtime (so its native modules match) instead of opening a window. Electron's
// RunAsNode fuse stays off, so the binary never runs an arbitrary script: only this CLI.

/** The command-line arguments after `--cli`, or null when the app was started as a desktop app.
 * Chromium switches placed before `--cli` (the launcher's `--ozone-platform=headless`) are not
 * the command's. */
export function cliArgumentsOf(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli')
  return at < 0 ? null : argv.slice(at + 1)
}
