import { describe, expect, it } from 'vitest'
import { providerUrlProblem } from './provider-url'

const problem = (raw: string): string | null => providerUrlProblem(new URL(raw))

describe('AI provider base URL policy', () => {
  it.each([
    'https://api.openai.com/v1',
    'https://llm.internal.example.com/v1',
    'https://10.1.2.3/v1',
    'http://localhost:11434/v1',
    'http://127.0.0.1:8080/v1',
    'http://127.5.0.1/v1',
    'http://[::1]:8000/v1',
  ])('allows %s', (url) => {
    expect(problem(url)).toBeNull()
  })

  it.each([
    ['cloud metadata over http', 'http://169.254.169.254/latest'],
    ['cloud metadata over https', 'https://169.254.169.254/'],
    ['metadata as a decimal number', 'http://2852039166/'],
    ['metadata mapped into IPv6', 'https://[::ffff:169.254.169.254]/'],
    ['link-local IPv6', 'https://[fe80::1]/'],
    ['Google metadata name', 'https://metadata.google.internal/'],
    ['AWS IPv6 metadata', 'https://[fd00:ec2::254]/'],
    ['the unspecified address', 'http://0.0.0.0:8080/'],
  ])('refuses %s', (_why, url) => {
    expect(problem(url)).toMatch(/never allowed/)
  })

  it.each([
    ['a public host', 'http://api.openai.com/v1'],
    ['a LAN server', 'http://192.168.1.5:11434/v1'],
  ])('refuses plain http to %s', (_why, url) => {
    expect(problem(url)).toMatch(/only for a server on this computer/)
  })
})
