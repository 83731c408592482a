import { z } from 'zod'

/** One API method: a runtime schema for its input and a compile-time type for its output. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I
  /** Never set at run time; carries the output type. */
  output?: O
}

export function method<I extends z.ZodType, O>(input: I): MethodSpec<I, O> {
  return { input }
}

/** The input of a method that takes none. */
export const noInput = z.object({}).strict()
export type NoInput = typeof noInput

/** A row id: a positive safe integer (zod refuses anything past 2^53, which JSON would round). */
export const rowId = z.number().int().positive()
