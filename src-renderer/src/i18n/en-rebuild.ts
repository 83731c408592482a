// English texts of Settings → Pair texts ("Rebuild pairs").
export const enRebuild = {
  title: 'Pair texts',
  intro:
    'Rebuild applies the current cleaning (paragraphs, quoted history, signatures) to all stored mail without downloading it again. Reviews and reviewers’ edits are kept.',
  stale_one: '{{count}} message was stored by an older version: rebuild to read it in paragraphs.',
  stale_other:
    '{{count}} messages were stored by an older version: rebuild to read them in paragraphs.',
  start: 'Rebuild pairs',
  running: 'Rebuilding…',
  cancel: 'Cancel',
  progress: '{{done}} of {{total}} threads rebuilt',
  done_one: 'Rebuilt {{count}} thread:',
  done_other: 'Rebuilt {{count}} threads:',
  texts_one: '{{count}} message text changed,',
  texts_other: '{{count}} message texts changed,',
  pairs_one: '{{count}} pair updated.',
  pairs_other: '{{count}} pairs updated.',
  reviewed_one: '{{count}} of them was reviewed: its status and edits stay.',
  reviewed_other: '{{count}} of them were reviewed: their status and edits stay.',
}
