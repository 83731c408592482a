import { z } from 'zod'
import { method, noInput, type NoInput } from './define'

export const LOOKBACK_DAYS = [30, 90, 180, 365, 0] as const // 0 = all mail
/** Bounds of the Review page's split: neither the list nor the details can be dragged away. */
export const REVIEW_LIST_PERCENT = { min: 15, max: 85, default: 65 } as const

export interface AppSettings {
  /** null follows the OS language. */
  language: 'en' | 'ru' | null
  theme: 'system' | 'light' | 'dark'
  syncIntervalMinutes: number
  lookbackDays: (typeof LOOKBACK_DAYS)[number]
  /** Gmail quota units per second per mailbox; 250 is Gmail's per-user limit, 0 = no pacing. */
  gmailUnitsPerSecond: number
  backgroundSyncPaused: boolean
  startMinimized: boolean
  launchAtLogin: boolean
  googleClientId: string | null
  /** AI features (drafts, anything sent to the AI provider). Off until the user turns them on:
   * until then no mail text leaves the machine. */
  aiEnabled: boolean
  /** Replace e-mail addresses, phone numbers and card numbers with placeholders in everything
   * sent to the AI provider. */
  aiRedact: boolean
  /** The OpenAI embedding model and vector size of similar-case search. */
  embeddingModel: string
  embeddingDimensions: number
  /** Review page: the list's share of the height it shares with the pair's details, in %. */
  reviewListPercent: number
  /** Whether a Google client secret is in the keychain; the secret itself never leaves main. */
  googleClientSecretStored: boolean
  /** Where the client id comes from: the environment overrides Settings. */
  googleClientIdSource: 'env' | 'settings' | 'none'
}

export const settingsPatch = z
  .object({
    language: z.enum(['en', 'ru']).nullable(),
    theme: z.enum(['system', 'light', 'dark']),
    syncIntervalMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    lookbackDays: z.union([
      z.literal(30),
      z.literal(90),
      z.literal(180),
      z.literal(365),
      z.literal(0),
    ]),
    gmailUnitsPerSecond: z.number().int().min(0).max(100_000),
    backgroundSyncPaused: z.boolean(),
    startMinimized: z.boolean(),
    launchAtLogin: z.boolean(),
    googleClientId: z.string().trim().max(512).nullable(),
    aiEnabled: z.boolean(),
    aiRedact: z.boolean(),
    embeddingModel: z
      .string()
      .trim()
      .regex(/^[\w.:/-]{1,100}$/),
    embeddingDimensions: z.number().int().min(16).max(3072),
    reviewListPercent: z.number().int().min(REVIEW_LIST_PERCENT.min).max(REVIEW_LIST_PERCENT.max),
    /** Write-only: a new secret, '' keeps the stored one, null removes it. */
    googleClientSecret: z.string().max(512).nullable(),
  })
  .partial()
  .strict()

export type SettingsPatch = z.input<typeof settingsPatch>

export const settingsContract = {
  'settings.get': method<NoInput, AppSettings>(noInput),
  'settings.update': method<typeof settingsPatch, AppSettings>(settingsPatch),
}
