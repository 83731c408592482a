// The tray icons, drawn here rather than shipped as files: the app's blue tile with two reply
// lines, plus a badge for the state (amber: syncing, red: an account needs attention). Output
// is a plain PNG (RFC 2083), so Electron's nativeImage reads it on every platform.
import zlib from 'node:zlib'
import type { TrayState } from './background-state'

type Rgb = readonly [number, number, number]

const BLUE: Rgb = [0x2f, 0x6f, 0xde]
const WHITE: Rgb = [0xff, 0xff, 0xff]
const BADGE: Record<TrayState, Rgb | null> = {
  idle: null,
  syncing: [0xf0, 0x9a, 0x1a],
  error: [0xd9, 0x30, 0x25],
}

/** What covers a point (coordinates in 0..1), topmost first. */
function paint(x: number, y: number, state: TrayState): Rgb | null {
  const badge = BADGE[state]
  if (badge) {
    const d = Math.hypot(x - 0.75, y - 0.75)
    if (d <= 0.18) return badge
    if (d <= 0.25) return WHITE
  }
  const line = (x0: number, x1: number, yc: number): boolean =>
    y >= yc - 0.05 && y <= yc + 0.05 && x >= x0 && x <= x1
  if (line(0.24, 0.76, 0.4) || line(0.24, 0.58, 0.6)) return WHITE
  // Rounded square with a margin.
  const m = 0.04
  const r = 0.2
  if (x < m || x > 1 - m || y < m || y > 1 - m) return null
  const cx = Math.min(Math.max(x, m + r), 1 - m - r)
  const cy = Math.min(Math.max(y, m + r), 1 - m - r)
  return Math.hypot(x - cx, y - cy) <= r ? BLUE : null
}

/** RGBA pixels, 4×4 supersampled so the edges are smooth at 16 px. */
export function trayIconPixels(state: TrayState, size: number): Buffer {
  const out = Buffer.alloc(size * size * 4)
  const n = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, state)
          if (!c) continue
          r += c[0]
          g += c[1]
          b += c[2]
          a += 1
        }
      }
      const i = (py * size + px) * 4
      if (a > 0) {
        out[i] = Math.round(r / a)
        out[i + 1] = Math.round(g / a)
        out[i + 2] = Math.round(b / a)
        out[i + 3] = Math.round((a / (n * n)) * 255)
      }
    }
  }
  return out
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** An 8-bit RGBA PNG of the given pixels. */
export function encodePng(rgba: Buffer, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // colour type: RGBA
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc((width * 4 + 1) * height)
  for (let y = 0; y < height; y++) {
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export function trayIconPng(state: TrayState, size: number): Buffer {
  return encodePng(trayIconPixels(state, size), size, size)
}
