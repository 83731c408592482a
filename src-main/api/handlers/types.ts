import type { MethodName, MethodOutput, ParsedInput } from '@contract'
import type { Core } from '../../core/core'

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
) => Promise<MethodOutput<M>> | MethodOutput<M>

export type HandlerMap<M extends MethodName = MethodName> = { [K in M]: Handler<K> }

/** Each domain module builds its part of the handler map from the core. */
export type DomainHandlers<M extends MethodName> = (core: Core) => HandlerMap<M>
