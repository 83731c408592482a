// The one API between the renderer and the main process. Each domain adds its methods in
// its own file; the dispatcher, the preload and the renderer client all derive from this map.
import type { z } from 'zod'
import type { MethodSpec } from './define'
import type { ErrorCode } from './errors'
import { appContract } from './app'
import { settingsContract } from './settings'
import { accountsContract } from './accounts'
import { pairsContract } from './pairs'
import { aiContract } from './ai'
import { syncContract } from './sync'
import { messagesContract } from './messages'
import { exportContract } from './export'
import { kbContract } from './kb'
import { rebuildContract } from './rebuild'
import { pairLanguagesContract } from './pair-languages'
import { pairThreadContract } from './pair-thread'

export const contract = {
  ...appContract,
  ...settingsContract,
  ...accountsContract,
  ...pairsContract,
  ...aiContract,
  ...syncContract,
  ...messagesContract,
  ...exportContract,
  ...kbContract,
  ...rebuildContract,
  ...pairLanguagesContract,
  ...pairThreadContract,
}

export type Contract = typeof contract
export type MethodName = keyof Contract
type Spec<M extends MethodName> =
  Contract[M] extends MethodSpec<infer I, infer O> ? { i: I; o: O } : never
export type MethodInput<M extends MethodName> = z.input<Spec<M>['i']>
export type ParsedInput<M extends MethodName> = z.output<Spec<M>['i']>
export type MethodOutput<M extends MethodName> = Spec<M>['o']

export interface ApiErrorBody {
  code: ErrorCode
  message: string
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody }

export type { AppStatus } from './app'
export type { AppSettings, SettingsPatch } from './settings'
export type { AppEvents, AppEventName, AppPage } from './events'
export type { AccountDto, GmailConnectResult, DisconnectResult, SyncSummary } from './accounts'
export type {
  PairCounts,
  PairDetail,
  PairLanguage,
  PairListItem,
  PairListPage,
  PairDetailMarks,
  PairMessageRef,
  MarkRange,
  PairOrder,
  PairSnapshot,
  PairStatus,
  SetStatusResult,
} from './pairs'
export type { PairLanguageCount } from './pair-languages'
export type { PairThreadContext, ThreadContextMessage } from './pair-thread'
export type { RebuildPairsProgress, RebuildPairsResult, RebuildPairsStatus } from './rebuild'
export type {
  KbEmbedResult,
  KbEstimate,
  KbFallback,
  KbHit,
  KbProgress,
  KbRetriever,
  KbSearchResult,
  KbStatus,
} from './kb'
export type {
  DraftFeedback,
  DraftRecord,
  DraftResult,
  DraftUsage,
  PairCitations,
  OpenAIProblem,
  OpenAISettings,
  OpenAITestResult,
  RedactionCounts,
  SimilarPair,
  SimilarToPair,
  UnansweredMessage,
} from './ai'
export type {
  SyncMode,
  SyncPhase,
  SyncProgress,
  SyncRunResult,
  SyncRunSummary,
  SyncRunningDto,
  SyncStatusDto,
} from './sync'
export type { AttachmentDto, MailAddressDto, MessageDto } from './messages'
export type {
  ExportFile,
  ExportFormat,
  ExportProgress,
  ExportResult,
  ExportSettings,
  ExportSummary,
  FineTuneModel,
} from './export'
