// Draws the toolbar/store icons (a magnifying lens over two highlight bars) as PNGs into public/icons/.
// Run: node src/ui/icons/make-icons.mjs   (pngjs is a dev dependency; the PNGs are committed)
import { PNG } from 'pngjs'
import { writeFileSync } from 'node:fs'

const BLUE = [11, 87, 208]
const WHITE = [255, 255, 255]
const AMBER = [249, 171, 0]
const SAMPLES = 4

/** Colour at (x, y) in a 1×1 design space, or null for transparent. */
function shade(x, y) {
  const r = 0.2
  // Rounded square background.
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0)
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0)
  if (dx * dx + dy * dy > r * r) return null
  // Lens ring centred at (0.44, 0.44).
  const d = Math.hypot(x - 0.44, y - 0.44)
  if (d >= 0.2 && d <= 0.27) return WHITE
  // Handle from the ring towards the bottom right.
  const t = ((x - 0.44) + (y - 0.44)) / 2
  const off = Math.abs((x - 0.44) - (y - 0.44)) / Math.SQRT2
  if (t * Math.SQRT2 > 0.25 && t * Math.SQRT2 < 0.46 && off < 0.055) return WHITE
  // Highlight bar inside the lens.
  if (d < 0.2 && y > 0.4 && y < 0.5 && x > 0.3 && x < 0.58) return AMBER
  return BLUE
}

for (const size of [16, 32, 48, 128]) {
  const png = new PNG({ width: size, height: size })
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = shade((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)
          if (!colour) continue
          r += colour[0]; g += colour[1]; b += colour[2]; a += 1
        }
      }
      const index = (py * size + px) * 4
      png.data[index] = a ? Math.round(r / a) : 0
      png.data[index + 1] = a ? Math.round(g / a) : 0
      png.data[index + 2] = a ? Math.round(b / a) : 0
      png.data[index + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255)
    }
  }
  writeFileSync(new URL(`../../../public/icons/icon-${size}.png`, import.meta.url), PNG.sync.write(png))
}
