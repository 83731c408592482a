// Shared vocabulary of the reply-cleaning rule tables (quote-rules.ts, signature-rules.ts).

/** Language a rule was written for; 'any' rules are script-neutral (dashes, `>`, contacts). */
export type RuleLang =
  | 'en'
  | 'ru'
  | 'uk'
  | 'fr'
  | 'de'
  | 'es'
  | 'it'
  | 'pt'
  | 'nl'
  | 'pl'
  | 'sv'
  | 'no'
  | 'da'
  | 'cs'
  | 'tr'
  | 'ja'
  | 'zh'
  | 'any'

/**
 * What a rule recognises:
 * - quote-header: an attribution line ("On … wrote:", "… пишет:") or an Outlook header block;
 * - quote-line: a `>`-prefixed line (RFC 3676 §4.5 quoting);
 * - separator: a dashed or underscored divider ("-----Original Message-----");
 * - signature: the RFC 3676 §4.3 sig dash, a closing with its name/contact lines, a contact block;
 * - footer: a client's advertising line ("Sent from my iPhone").
 */
export type RuleKind = 'quote-header' | 'quote-line' | 'separator' | 'signature' | 'footer'

/** What the removed text was, as reported to callers and reviewers. */
export type RemovedKind = 'quote' | 'signature' | 'footer' | 'forward'

export interface Removal {
  rule: string
  kind: RemovedKind
}
