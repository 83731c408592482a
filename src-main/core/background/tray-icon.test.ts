import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { trayIconPixels, trayIconPng } from './tray-icon'

function pixel(rgba: Buffer, size: number, x: number, y: number): number[] {
  const i = (y * size + x) * 4
  return [...rgba.subarray(i, i + 4)]
}

describe('tray icons', () => {
  it('draws the blue tile, with a badge only when syncing or in error', () => {
    const size = 32
    const idle = trayIconPixels('idle', size)
    const error = trayIconPixels('error', size)
    const syncing = trayIconPixels('syncing', size)
    expect(pixel(idle, size, 6, 16)).toEqual([0x2f, 0x6f, 0xde, 255])
    expect(pixel(idle, size, 0, 0)[3]).toBe(0)
    expect(pixel(idle, size, 24, 24)).toEqual([0x2f, 0x6f, 0xde, 255])
    expect(pixel(error, size, 24, 24)).toEqual([0xd9, 0x30, 0x25, 255])
    expect(pixel(syncing, size, 24, 24)).toEqual([0xf0, 0x9a, 0x1a, 255])
  })

  it('encodes a valid PNG whose pixels read back', () => {
    const size = 16
    const png = trayIconPng('error', size)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.readUInt32BE(16)).toBe(size)
    expect(png.readUInt32BE(20)).toBe(size)
    const idatLength = png.readUInt32BE(33)
    expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT')
    const raw = zlib.inflateSync(png.subarray(41, 41 + idatLength))
    expect(raw.length).toBe((size * 4 + 1) * size)
    const rgba = trayIconPixels('error', size)
    expect(raw.subarray(1, 1 + size * 4)).toEqual(rgba.subarray(0, size * 4))
    expect(png.subarray(-8, -4).toString('ascii')).toBe('IEND')
  })
})
