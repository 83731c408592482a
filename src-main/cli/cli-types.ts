import type { AppEventName, AppEvents, MethodInput, MethodName, MethodOutput } from '@contract'

export interface CliIo {
  out(line: string): void
  err(line: string): void
  /** Text as it comes, no newline added (a streamed draft); absent where output is collected. */
  write?(text: string): void
}

/** What a command works with: the API the app uses (same validation, errors and results) and
 * the events the window gets; nothing else of the core. */
export interface CliContext {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  on<E extends AppEventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void
}

export interface CliCommand {
  name: string
  usage: string
  summary: string
  run(args: string[], cli: CliContext, io: CliIo): Promise<number>
}
