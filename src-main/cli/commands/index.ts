import type { CliCommand } from '../cli-types'
import { statusCommand } from './status'

export const commands: CliCommand[] = [statusCommand]
