// English texts of the knowledge base at work: the similar panel in Review and drafts.
export const enKb = {
  similarTitle: 'Similar approved',
  similarHint: 'Closest approved pairs by their client text. Click one to read it in full.',
  similarNone: 'No approved pair resembles this one yet.',
  differs: 'different answer',
  differsHint: 'Our approved reply to this similar message says something different.',
  draftAction: 'Draft a reply',
  drafting: 'Drafting…',
  draftTitle: 'Draft',
  draftMeta: '{{model}} · reply in {{language}}',
  redacted_one: '{{count}} personal detail hidden from the provider',
  redacted_other: '{{count}} personal details hidden from the provider',
  redactedNone: 'personal details hidden (none found)',
  sources_one: 'Drawn from {{count}} approved pair',
  sources_other: 'Drawn from {{count}} approved pairs',
  source: 'Approved pair',
  draftsTitle: 'Drafts',
  draftsIntro:
    'Paste a client message to draft a reply from the team’s approved answers. ReplyBase never sends mail: copy the draft into your mail client.',
  unanswered: 'Unanswered',
  unansweredNone: 'Every synced client message has a reply in its thread.',
  pasteLabel: 'Client message',
  pastePlaceholder: 'Paste the client’s message here…',
  aiOff: 'AI features are off, so no draft can be written: nothing is sent anywhere.',
  openSettings: 'Open Settings',
  index: {
    title: 'Similar-case index',
    counts:
      '{{embedded}} of {{approved}} approved pairs embedded ({{model}}, {{dimensions}} dimensions).',
    embed_one: 'Embed {{count}} pair',
    embed_other: 'Embed {{count}} pairs',
    upToDate: 'Up to date',
    running: 'Embedding…',
    needsAi: 'Turn AI features on to embed: each approved pair’s client text is sent.',
    estimate_one:
      'Embedding sends {{count}} approved client text to {{model}}: about {{tokens}} tokens, estimated {{cost}}.',
    estimate_other:
      'Embedding sends {{count}} approved client texts to {{model}}: about {{tokens}} tokens, estimated {{cost}}.',
    costUnknown: 'price unknown for this model',
    serving:
      'Until this index is complete, searches use the previous one ({{model}}, {{dimensions}} dimensions, {{embedded}} pairs).',
  },
}
